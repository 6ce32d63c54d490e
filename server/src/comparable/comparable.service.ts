import type { Database } from '@junheng/db';
import {
  type AccessScope,
  COMPARABLE_COUNTY_RULE,
  COMPARABLE_SCHOOL_RULE,
  type ComparableCountiesQuery,
  type ComparableCountiesResponse,
  type ComparableCounty,
  type ComparableSchool,
  type ComparableSchoolsQuery,
  type ComparableSchoolsResponse,
  QUALITY_CV_LIMIT,
  QUALITY_INDICATOR_KEYS,
  type QualitySchoolResult,
  type SchoolRow,
  STAGE_LABELS,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findQualitySummarySums } from '../balance/balance-summary.repository.ts';
import { findSchoolByCode } from '../county/county.repository.ts';
import { requireDistrict } from '../county/county.service.ts';
import { isRestricted } from '../db-helpers.ts';
import {
  computeComparatorStanding,
  computeQualitySchoolResult,
  computeQualitySummaryFromSums,
  computeStageUnits,
  findQualityThreshold,
  selectComparableCounties,
  selectComparableSchools,
} from '../engine/index.ts';
import { HttpError } from '../http/errors.ts';
import { type CountySize, findComparableSchools, findCountySizes } from './comparable.repository.ts';

function toComparableSchool(result: QualitySchoolResult, school: SchoolRow, distance: number): ComparableSchool {
  return {
    code: result.code,
    name: result.name,
    district: { code: school.districtCode, name: school.districtName },
    townshipName: result.townshipName,
    schoolType: result.schoolType,
    urbanRuralCode: result.urbanRuralCode,
    locale: result.locale,
    students: result.students,
    distance,
    values: result.values,
    metCount: result.metCount,
    passes: result.passes,
  };
}

/**
 * The comparator set of a school's stage part in one year: the counted parts of the same stage and school type in
 * every county the user may see, the COMPARABLE_SCHOOL_RULE.limit nearest by students and urban–rural class
 * (selectComparableSchools), each with its seven values, and where the school stands on each indicator. A school
 * outside the user's scope is a 404, as is one whose part of that stage is not counted that year.
 */
export async function getComparableSchools(
  db: Kysely<Database>,
  code: string,
  query: ComparableSchoolsQuery,
  access: AccessScope,
): Promise<ComparableSchoolsResponse> {
  const school = await findSchoolByCode(db, code, access);
  if (!school) throw new HttpError(404, 'SchoolNotFound', `没有学校 ${code} / No school ${code}`);
  const { schools, stats } = await findComparableSchools(db, access, {
    year: query.year,
    stage: query.stage,
    schoolType: school.schoolType,
  });
  const units = computeStageUnits(schools, stats, { includePrivate: query.includePrivate }).units.filter(
    (unit) => unit.stage === query.stage,
  );
  const subject = units.find((unit) => unit.code === school.schoolCode);
  if (!subject) {
    const stage = STAGE_LABELS[query.stage];
    throw new HttpError(
      404,
      'SchoolNotFound',
      `${school.schoolName} 在 ${query.year} 年没有计入${stage.zh}的学段部分，无法确定可比学校 / ` +
        `${school.schoolCode} has no counted ${stage.en} part in ${query.year}`,
    );
  }
  const schoolsByCode = new Map(schools.map((s) => [s.schoolCode, s]));
  const nearest = selectComparableSchools(subject, units);
  const subjectResult = computeQualitySchoolResult(subject);
  const comparators = nearest.map((unit) =>
    toComparableSchool(computeQualitySchoolResult(unit), schoolsByCode.get(unit.code) as SchoolRow, unit.distance),
  );
  return {
    year: query.year,
    stage: query.stage,
    includePrivate: query.includePrivate,
    rule: { ...COMPARABLE_SCHOOL_RULE },
    restricted: isRestricted(access),
    candidates: units.length - 1,
    school: toComparableSchool(subjectResult, school, 0),
    comparators,
    indicators: QUALITY_INDICATOR_KEYS.map((key) => {
      const value = subjectResult.values[key] ?? null;
      return {
        key,
        threshold: findQualityThreshold(key, query.stage),
        value,
        met: subjectResult.met[key] ?? null,
        standing: computeComparatorStanding(
          value,
          comparators.map((c) => c.values[key] ?? null),
        ),
      };
    }),
  };
}

const urbanShareOf = (size: CountySize) => (size.students > 0 ? size.urbanStudents / size.students : null);

/**
 * The counties most like one county in a year: among the districts the user may see, the COMPARABLE_COUNTY_RULE.limit
 * nearest by compulsory students and urban share (selectComparableCounties), each with the seven CVs of the stage's
 * 资源配置 report over its visible schools (computeQualitySummary, the numbers of the county report). A user who
 * sees one county gets an empty list.
 */
export async function getComparableCounties(
  db: Kysely<Database>,
  code: string,
  query: ComparableCountiesQuery,
  access: AccessScope,
): Promise<ComparableCountiesResponse> {
  const district = await requireDistrict(db, code, access);
  const sizes = await findCountySizes(db, access, query.year);
  const own = sizes.find((s) => s.districtCode === district.code);
  if (!own) {
    throw new HttpError(404, 'YearNotFound', `${district.name}没有 ${query.year} 年的数据 / No data for ${query.year}`);
  }
  const candidates = sizes.map((size) => ({
    code: size.districtCode,
    students: size.students,
    urbanShare: urbanShareOf(size),
    size,
  }));
  const subject = candidates.find((c) => c.code === district.code) as (typeof candidates)[number];
  const nearest = selectComparableCounties(subject, candidates);
  const sums = await findQualitySummarySums(db, access, {
    year: query.year,
    stage: query.stage,
    includePrivate: query.includePrivate,
  });
  const sumsByDistrict = new Map(sums.map((d) => [d.districtCode, d]));
  const nothingCounted = { schoolsCounted: 0, studentsCounted: 0, schoolsPassing: 0, means: [], variances: [] };
  const toCounty = (candidate: (typeof candidates)[number], distance: number): ComparableCounty => {
    const summary = computeQualitySummaryFromSums(sumsByDistrict.get(candidate.code) ?? nothingCounted, query.stage);
    return {
      code: candidate.code,
      name: candidate.size.districtName,
      students: candidate.students,
      urbanShare: candidate.urbanShare,
      distance,
      schoolsCounted: summary.schoolsCounted,
      cvs: summary.cvs,
      cvPasses: summary.cvPasses,
      passes: summary.passes,
    };
  };
  return {
    year: query.year,
    stage: query.stage,
    includePrivate: query.includePrivate,
    rule: { ...COMPARABLE_COUNTY_RULE },
    restricted: isRestricted(access),
    candidates: candidates.filter((c) => c.code !== district.code && c.students > 0).length,
    cvLimit: QUALITY_CV_LIMIT[query.stage],
    county: toCounty(subject, 0),
    comparators: nearest.map((c) => toCounty(c, c.distance)),
  };
}
