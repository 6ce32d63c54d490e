import {
  COMPARABLE_COUNTY_RULE,
  COMPARABLE_SCHOOL_RULE,
  type ComparatorStanding,
  LOCALES,
  type Locale,
  type SchoolType,
} from '@junheng/shared';

/** What the comparator rule knows of a school's stage part: who it is, its type, its students and its locale. */
export interface ComparableSchoolCandidate {
  code: string;
  schoolType: SchoolType;
  /** Students of the stage part compared (> 0). */
  students: number;
  locale: Locale;
}

/** Steps between two urban–rural classes on the 城区 → 镇区 → 乡村 scale (0, 1 or 2). */
export function localeSteps(a: Locale, b: Locale): number {
  return Math.abs(LOCALES.indexOf(a) - LOCALES.indexOf(b));
}

/**
 * How unlike two stage parts are (0 = alike): |ln(students ratio)| + localeStepWeight × locale steps.
 * A school twice as large scores ln 2 ≈ 0.69; a 镇区 school against a 城区 one adds 0.5, a 乡村 one 1.0.
 * The school type is not part of the distance: parts of another type are not comparators at all.
 *
 * ### Examples
 * 400 vs 200 students, both 城区: |ln 2| = 0.6931; 100 vs 100, 城区 vs 乡村: 0 + 0.5 × 2 = 1.
 */
export function computeSchoolDistance(
  a: Pick<ComparableSchoolCandidate, 'students' | 'locale'>,
  b: Pick<ComparableSchoolCandidate, 'students' | 'locale'>,
): number {
  return (
    Math.abs(Math.log(a.students / b.students)) +
    COMPARABLE_SCHOOL_RULE.localeStepWeight * localeSteps(a.locale, b.locale)
  );
}

const byDistanceThenCode = <T extends { code: string; distance: number }>(x: T, y: T) =>
  x.distance - y.distance || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0);

/**
 * The comparator set of a school's stage part: among the candidates (already limited to what the user may see, the
 * same stage and year, counted parts only), those of the same school type other than the school itself, the
 * `limit` nearest by computeSchoolDistance; equal distances are ordered by school code, so the set is deterministic.
 */
export function selectComparableSchools<T extends ComparableSchoolCandidate>(
  subject: ComparableSchoolCandidate,
  candidates: readonly T[],
  limit: number = COMPARABLE_SCHOOL_RULE.limit,
): (T & { distance: number })[] {
  return candidates
    .filter((c) => c.code !== subject.code && c.schoolType === subject.schoolType && c.students > 0)
    .map((c) => ({ ...c, distance: computeSchoolDistance(subject, c) }))
    .sort(byDistanceThenCode)
    .slice(0, limit);
}

/** What the county rule knows of a county: its compulsory students (小学 + 初中) and the share of them in 城区 schools. */
export interface ComparableCountyCandidate {
  code: string;
  students: number;
  /** 0–1; null when the county has no students that year. */
  urbanShare: number | null;
}

/**
 * How unlike two counties are: |ln(students ratio)| + urbanShareWeight × |urban share difference| (shares as 0–1).
 * With the weight 2, ten points of urban share weigh like 22% more students (ln 1.22 ≈ 0.2).
 */
export function computeCountyDistance(
  a: Pick<ComparableCountyCandidate, 'students' | 'urbanShare'>,
  b: Pick<ComparableCountyCandidate, 'students' | 'urbanShare'>,
): number {
  return (
    Math.abs(Math.log(a.students / b.students)) +
    COMPARABLE_COUNTY_RULE.urbanShareWeight * Math.abs((a.urbanShare ?? 0) - (b.urbanShare ?? 0))
  );
}

/** The `limit` counties nearest to the subject by computeCountyDistance (ties by district code); counties without students are left out. */
export function selectComparableCounties<T extends ComparableCountyCandidate>(
  subject: ComparableCountyCandidate,
  candidates: readonly T[],
  limit: number = COMPARABLE_COUNTY_RULE.limit,
): (T & { distance: number })[] {
  if (subject.students <= 0) return [];
  return candidates
    .filter((c) => c.code !== subject.code && c.students > 0)
    .map((c) => ({ ...c, distance: computeCountyDistance(subject, c) }))
    .sort(byDistanceThenCode)
    .slice(0, limit);
}

/**
 * The p-quantile of sorted values by linear interpolation between order statistics (PostgreSQL percentile_cont,
 * Excel QUARTILE.INC): position p × (n − 1).
 */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/**
 * Where a school stands among its comparators on one indicator (every indicator of the 资源配置 table is better when
 * higher): the comparators' minimum, quartiles (unweighted: each school counts once), median and maximum, and the
 * school's competition rank among itself and the comparators (1 = highest value; equal values share a rank).
 * Comparators without a value are left out; the rank is null when the school has none.
 */
export function computeComparatorStanding(
  value: number | null,
  comparators: readonly (number | null)[],
): ComparatorStanding {
  const values = comparators.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = values.length;
  return {
    n,
    min: values[0] ?? null,
    q1: quantileSorted(values, 0.25),
    median: quantileSorted(values, 0.5),
    q3: quantileSorted(values, 0.75),
    max: values[n - 1] ?? null,
    rank: value === null ? null : 1 + values.filter((v) => v > value).length,
    of: n + (value === null ? 0 : 1),
  };
}
