import type { Database, SchoolYearStatRecord } from '@junheng/db';
import type { AccessScope, SchoolRow, SchoolStatRow, SchoolType, Stage } from '@junheng/shared';
import { type Kysely, sql } from 'kysely';
import { SCHOOL_COLUMNS, schoolRecordToRow } from '../county/county.repository.ts';
import { statRecordToRow } from '../county/stat-records.ts';
import { inAccessScope } from '../db-helpers.ts';

/** Candidates of a comparator set: school-years of one type with students of the stage, anywhere in the user's scope. */
export function buildFindComparableSchoolsQuery(
  db: Kysely<Database>,
  access: AccessScope,
  args: { year: number; stage: Stage; schoolType: SchoolType },
) {
  const stageStudents = args.stage === 'primary' ? 's.students_primary' : 's.students_junior';
  return db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .innerJoin('district', 'district.code', 'school.district_code')
    .innerJoin('township', 'township.code', 'school.township_code')
    .selectAll('s')
    .select(SCHOOL_COLUMNS)
    .where('s.year', '=', args.year)
    .where('school.school_type', '=', args.schoolType)
    .where(stageStudents, '>', 0)
    .where(inAccessScope(access))
    .orderBy('school.code');
}

/** The schools and their statistics of buildFindComparableSchoolsQuery, as the engine reads them. */
export async function findComparableSchools(
  db: Kysely<Database>,
  access: AccessScope,
  args: { year: number; stage: Stage; schoolType: SchoolType },
): Promise<{ schools: SchoolRow[]; stats: SchoolStatRow[] }> {
  const rows = await buildFindComparableSchoolsQuery(db, access, args).execute();
  return {
    schools: rows.map(schoolRecordToRow),
    stats: rows.map((r) => statRecordToRow(r as unknown as SchoolYearStatRecord)),
  };
}

export interface CountySize {
  districtCode: string;
  districtName: string;
  /** 小学 + 初中 students of the visible schools. */
  students: number;
  /** Of which in 城区 schools (urban–rural code 11x). */
  urbanStudents: number;
}

/** Every district in the user's scope with statistics that year: its compulsory students and those in 城区 schools. */
export function buildFindCountySizesQuery(db: Kysely<Database>, access: AccessScope, year: number) {
  const students = sql`s.students_primary + s.students_junior`;
  return db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .innerJoin('district', 'district.code', 'school.district_code')
    .select([
      'school.district_code',
      'district.name as district_name',
      sql<number>`coalesce(sum(${students}), 0)::int`.as('students'),
      sql<number>`coalesce(sum(${students}) filter (where school.urban_rural_code like '11%'), 0)::int`.as(
        'urban_students',
      ),
    ])
    .where('s.year', '=', year)
    .where(inAccessScope(access))
    .groupBy(['school.district_code', 'district.name'])
    .orderBy('school.district_code');
}

export async function findCountySizes(db: Kysely<Database>, access: AccessScope, year: number): Promise<CountySize[]> {
  const rows = await buildFindCountySizesQuery(db, access, year).execute();
  return rows.map((r) => ({
    districtCode: r.district_code,
    districtName: r.district_name,
    students: r.students,
    urbanStudents: r.urban_students,
  }));
}
