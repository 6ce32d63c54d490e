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
import { findRotations, findStats } from '../county/county.repository.ts';
import { loadCountyYear, toScope } from '../county/county.service.ts';
import { computeRotationReport } from '../engine/index.ts';

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
}): { report: RotationReport; series: TeacherExchangeYear[] } {
  const reportOf = (year: number) =>
    computeRotationReport({ year, schools: input.schools, stats: input.stats, rotations: input.rotations });
  const report = reportOf(input.year);
  const series = input.years.map((year) => summariseRotationYear(year === input.year ? report : reportOf(year)));
  return { report, series };
}

/**
 * 交流轮岗 of a county-year (SPEC §2.1, §5 teacher-exchange) with the series over every year with data. The
 * statistics and rotations of the whole year range come in one query each. With includePrivate=false private schools
 * are left out of the county: their teachers are not counted and moves to or from them count as outside the county.
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
  const scope = toScope(data.context.district.code, query, access);
  const [stats, rotations] = await Promise.all([findStats(db, scope, range), findRotations(db, scope, range)]);
  const schools = query.includePrivate ? data.schools : data.schools.filter((s) => s.ownership === 'public');
  const { report, series } = computeRotationYears({ year: query.year, years, schools, stats, rotations });
  return { ...data.context, ...report, series };
}
