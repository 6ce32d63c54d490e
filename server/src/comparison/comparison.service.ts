import type { Database } from '@junheng/db';
import {
  type AccessScope,
  BASIC_INDICATOR_KEYS,
  QUALITY_INDICATOR_KEYS,
  type SchoolComparisonQuery,
  type SchoolComparisonResponse,
  type SchoolRow,
  type SchoolStatRow,
  type Stage,
  type YearOverYearQuery,
  type YearOverYearResponse,
  type YearOverYearRow,
  type YearTriplet,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findDistrictYears, findSchools, findStats } from '../county/county.repository.ts';
import { buildReportContext, loadCountyYear, requireDistrict, toScope } from '../county/county.service.ts';
import { computeBasicReport, computeQualityReport, computeStageUnits } from '../engine/index.ts';
import { HttpError } from '../http/errors.ts';

/**
 * Up to four schools side by side on the seven 资源配置 indicators of one stage and year: each value, met or not,
 * the threshold and the county's weighted mean (of the selection), in the order asked. A school that is not among
 * the counted schools of that stage and year (or not visible to the user) is a 404 naming it.
 */
export async function getSchoolComparison(
  db: Kysely<Database>,
  code: string,
  query: SchoolComparisonQuery,
  access: AccessScope,
): Promise<SchoolComparisonResponse> {
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const report = computeQualityReport(
    computeStageUnits(data.schools, data.stats, { includePrivate: query.includePrivate }),
    query.stage,
  );
  const byCode = new Map(report.schools.map((school) => [school.code, school]));
  const missing = query.schools.filter((school) => !byCode.has(school));
  if (missing.length > 0) {
    throw new HttpError(
      404,
      'SchoolNotFound',
      `${missing.join('、')} 不是 ${query.year} 年本学段计入的学校 / not a counted school of that stage and year`,
      { missing },
    );
  }
  const compared = query.schools.map((school) => byCode.get(school) as NonNullable<ReturnType<typeof byCode.get>>);
  return {
    ...data.context,
    stage: query.stage,
    schools: compared.map((school) => ({
      code: school.code,
      name: school.name,
      townshipName: school.townshipName,
      locale: school.locale,
      students: school.students,
      metCount: school.metCount,
      passes: school.passes,
    })),
    rows: report.indicators.map((indicator) => ({
      key: indicator.key,
      threshold: indicator.threshold,
      countyMean: indicator.mean,
      values: compared.map((school) => ({
        code: school.code,
        value: school.values[indicator.key] ?? null,
        meets: school.met[indicator.key] ?? null,
      })),
    })),
  };
}

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Three years of one measure and its changes (current − previous, current − first). */
export function buildYearTriplet(first: number | null, previous: number | null, current: number | null): YearTriplet {
  return {
    first,
    previous,
    current,
    changeFromPrevious: difference(current, previous),
    changeFromFirst: difference(current, first),
  };
}

interface YearReports {
  quality: ReturnType<typeof computeQualityReport>;
  basic: ReturnType<typeof computeBasicReport>;
}

function computeYearReports(
  schools: readonly SchoolRow[],
  stats: readonly SchoolStatRow[],
  year: number,
  stage: Stage,
  includePrivate: boolean,
): YearReports {
  const units = computeStageUnits(
    schools,
    stats.filter((stat) => stat.year === year),
    { includePrivate },
  );
  return { quality: computeQualityReport(units, stage), basic: computeBasicReport(units, stage) };
}

/**
 * The rows of the year-over-year table from the reports of the first, previous and current year (null = no such
 * year): the seven 2017 indicators (weighted mean and CV as the 资源配置 report computes them), the 2012-only
 * indicators (as the 基本均衡 report computes them) and the 2012 综合差异系数.
 */
export function buildYearOverYearRows(years: {
  first: YearReports | null;
  previous: YearReports | null;
  current: YearReports;
}): YearOverYearRow[] {
  const triplet = (read: (reports: YearReports) => number | null) =>
    buildYearTriplet(
      years.first ? read(years.first) : null,
      years.previous ? read(years.previous) : null,
      read(years.current),
    );
  const quality = QUALITY_INDICATOR_KEYS.map(
    (key): YearOverYearRow => ({
      key,
      cvLimit: years.current.quality.cvLimit,
      mean: triplet((r) => r.quality.indicators.find((i) => i.key === key)?.mean ?? null),
      cv: triplet((r) => r.quality.indicators.find((i) => i.key === key)?.cv ?? null),
    }),
  );
  const basicOnly = BASIC_INDICATOR_KEYS.filter((key) => !(QUALITY_INDICATOR_KEYS as readonly string[]).includes(key));
  const basic = basicOnly.map(
    (key): YearOverYearRow => ({
      key,
      cvLimit: null,
      mean: triplet((r) => r.basic.indicators.find((i) => i.key === key)?.mean ?? null),
      cv: triplet((r) => r.basic.indicators.find((i) => i.key === key)?.cv ?? null),
    }),
  );
  const composite: YearOverYearRow = {
    key: 'composite_2012',
    cvLimit: years.current.basic.compositeLimit,
    mean: buildYearTriplet(null, null, null),
    cv: triplet((r) => r.basic.compositeCv),
  };
  return [...quality, ...basic, composite];
}

/**
 * The county this year against last year (the latest earlier year with data) and the first year with data, under
 * the same filters: every indicator's weighted mean and CV, the 2012 composite, schools counted and passing.
 */
export async function getYearOverYear(
  db: Kysely<Database>,
  code: string,
  query: YearOverYearQuery,
  access: AccessScope,
): Promise<YearOverYearResponse> {
  const district = await requireDistrict(db, code, access);
  const years = await findDistrictYears(db, district.code);
  if (!years.includes(query.year)) {
    throw new HttpError(
      404,
      'YearNotFound',
      `${district.name}没有 ${query.year} 年的数据，可选年份：${years.join('、') || '无'} / No data for ${query.year}`,
      { availableYears: years },
    );
  }
  const earlier = years.filter((year) => year < query.year);
  const previousYear = earlier.at(-1) ?? null;
  const firstYear = earlier[0] ?? null;
  const scope = toScope(district.code, query, access);
  const [schools, stats] = await Promise.all([
    findSchools(db, scope),
    findStats(db, scope, { from: firstYear ?? query.year, to: query.year }),
  ]);
  const reportsOf = (year: number | null) =>
    year === null ? null : computeYearReports(schools, stats, year, query.stage, query.includePrivate);
  const current = reportsOf(query.year) as YearReports;
  const previous = reportsOf(previousYear);
  const first = firstYear === previousYear ? previous : reportsOf(firstYear);
  const triplet = (read: (reports: YearReports) => number) =>
    buildYearTriplet(first ? read(first) : null, previous ? read(previous) : null, read(current));
  return {
    ...buildReportContext(district, query.year, years, query, schools, access),
    stage: query.stage,
    compared: { first: firstYear, previous: previousYear, current: query.year },
    schoolsCounted: triplet((r) => r.quality.schoolsCounted),
    schoolsPassing: triplet((r) => r.quality.verdict.schoolsPassing),
    rows: buildYearOverYearRows({ first, previous, current }),
  };
}
