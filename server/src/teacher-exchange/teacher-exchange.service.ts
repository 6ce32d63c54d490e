import type { Database } from '@junheng/db';
import type {
  AccessScope,
  RotationReport,
  RotationRow,
  SchoolRow,
  SchoolStatRow,
  TeacherExchangeQuery,
  TeacherExchangeResponse,
  TeacherExchangeYear,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { loadCountyYear } from '../county/county.service.ts';
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
