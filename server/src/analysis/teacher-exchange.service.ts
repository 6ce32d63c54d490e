import type { Database } from '@junheng/db';
import {
  type AccessScope,
  ROTATION_MAX_SPAN_YEARS,
  type RotationReport,
  type RotationRow,
  type SchoolRow,
  type SchoolStatRow,
  type TeacherExchangeQuery,
  type TeacherExchangeResponse,
  type TeacherExchangeYear,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findRotations, findStats } from '../county/county.repository.ts';
import { loadCountyYear, toScope } from '../county/county.service.ts';
import { computeRotationReport, type RotationOptions } from '../engine/index.ts';

/** The series entry of one year's rotation report. */
export function summariseRotationYear(report: RotationReport): TeacherExchangeYear {
  return {
    year: report.year,
    eligible: report.eligible,
    rotated: report.rotated,
    ratio: report.ratio,
    ratioPasses: report.ratioPasses,
    backboneRotated: report.backboneRotated,
    backboneShare: report.backboneShare,
    backbonePasses: report.backbonePasses,
    netBackboneToRural: report.rural.netBackbone,
  };
}

/**
 * The rotation report of `year` and the ratio / backbone-share series of every year in `years`, from statistics and
 * rotations that may span all of them (the engine keeps each year's rows).
 */
export function computeRotationYears(input: {
  year: number;
  years: readonly number[];
  schools: readonly SchoolRow[];
  stats: readonly SchoolStatRow[];
  rotations: readonly RotationRow[];
  options?: RotationOptions;
}): { report: RotationReport; series: TeacherExchangeYear[] } {
  const reportOf = (year: number) =>
    computeRotationReport({
      year,
      schools: input.schools,
      stats: input.stats,
      rotations: input.rotations,
      ...(input.options ? { options: input.options } : {}),
    });
  const report = reportOf(input.year);
  const series = input.years.map((year) => summariseRotationYear(year === input.year ? report : reportOf(year)));
  return { report, series };
}

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
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const { years } = data.context;
  const range = { from: years[0] ?? query.year, to: years.at(-1) ?? query.year };
  // Rotations from before the first year too: a rotation begun then may continue into it (selectYearRotations).
  const rotationRange = { from: range.from - ROTATION_MAX_SPAN_YEARS + 1, to: range.to };
  const scope = toScope(data.context.district.code, query, access);
  const [stats, rotations] = await Promise.all([findStats(db, scope, range), findRotations(db, scope, rotationRange)]);
  const schools = query.includePrivate ? data.schools : data.schools.filter((s) => s.ownership === 'public');
  const options = { multiYear: query.multiYear, ratioSchools: query.ratioSchools };
  const { report, series } = computeRotationYears({ year: query.year, years, schools, stats, rotations, options });
  return { ...data.context, ...report, series };
}
