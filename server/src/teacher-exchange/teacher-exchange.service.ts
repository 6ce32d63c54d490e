import type { Database } from '@junheng/db';
import type { AccessScope, TeacherExchangeQuery, TeacherExchangeResponse } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { loadCountyYear } from '../county/county.service.ts';
import { computeRotationYears } from '../engine/index.ts';

/**
 * 交流轮岗 of a county-year (METHOD.md §2, §5 teacher-exchange) with the series over every year with data. The
 * statistics and rotations of the whole year range come in one query each. With includePrivate=false private schools
 * are left out of the county: their teachers are not counted and moves to or from them count as outside the county.
 * `multiYear` and `ratioSchools` choose the rotation conventions (computeRotationReport).
 */
export async function getTeacherExchange(
  db: Kysely<Database>,
  code: string,
  query: TeacherExchangeQuery,
  access: AccessScope,
): Promise<TeacherExchangeResponse> {
  // Every year's statistics and rotations in one query each, for the report and its series.
  const data = await loadCountyYear(db, {
    districtCode: code,
    year: query.year,
    filter: query,
    access,
    withRotations: true,
    allYears: true,
  });
  const { years } = data.context;
  const { stats, rotations } = data;
  const schools = query.includePrivate ? data.schools : data.schools.filter((s) => s.ownership === 'public');
  const options = { multiYear: query.multiYear, ratioSchools: query.ratioSchools };
  const { report, series } = computeRotationYears({ year: query.year, years, schools, stats, rotations, options });
  return { ...data.context, ...report, series };
}
