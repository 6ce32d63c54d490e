import type { Database, SchoolYearStatRecord } from '@junheng/db';
import { type AccessScope, OUTSIDE_AREA_CODE, type RotationRow, type SchoolRow } from '@junheng/shared';
import { type Kysely, sql } from 'kysely';
import { inAccessScope, inSchoolScope, isRestricted, type SchoolScope, withYearsPresent } from '../db-helpers.ts';
import { statRecordToRow } from './stat-records.ts';

export const SCHOOL_COLUMNS = [
  'school.code',
  'school.name',
  'school.district_code',
  'district.name as district_name',
  'district.city_name',
  'school.township_code',
  'township.name as township_name',
  'school.urban_rural_code',
  'school.school_type',
  'school.ownership',
  'school.boarding',
  'school.parent_school_code',
  'school.group_name',
] as const;

export function buildFindSchoolsQuery(db: Kysely<Database>, scope: SchoolScope) {
  return db
    .selectFrom('school')
    .innerJoin('district', 'district.code', 'school.district_code')
    .innerJoin('township', 'township.code', 'school.township_code')
    .select(SCHOOL_COLUMNS)
    .where(inSchoolScope(scope))
    .orderBy('school.code');
}

type SchoolSelection = Awaited<ReturnType<ReturnType<typeof buildFindSchoolsQuery>['execute']>>[number];

export function schoolRecordToRow(r: SchoolSelection): SchoolRow {
  return {
    schoolCode: r.code,
    schoolName: r.name,
    districtCode: r.district_code,
    districtName: r.district_name,
    townshipCode: r.township_code,
    townshipName: r.township_name,
    urbanRuralCode: r.urban_rural_code as SchoolRow['urbanRuralCode'],
    schoolType: r.school_type as SchoolRow['schoolType'],
    ownership: r.ownership as SchoolRow['ownership'],
    boarding: r.boarding,
    parentSchoolCode: r.parent_school_code,
    groupName: r.group_name,
    // Optional in the contract: only where an import or the demo named the city.
    ...(r.city_name === null ? {} : { cityName: r.city_name }),
  };
}

export async function findSchools(db: Kysely<Database>, scope: SchoolScope): Promise<SchoolRow[]> {
  return (await buildFindSchoolsQuery(db, scope).execute()).map(schoolRecordToRow);
}

/** One school, if it exists and the user may see it: outside the access scope it is as absent as a wrong code. */
export async function findSchoolByCode(
  db: Kysely<Database>,
  code: string,
  access: AccessScope,
): Promise<SchoolRow | undefined> {
  const row = await db
    .selectFrom('school')
    .innerJoin('district', 'district.code', 'school.district_code')
    .innerJoin('township', 'township.code', 'school.township_code')
    .select(SCHOOL_COLUMNS)
    .where('school.code', '=', code)
    .where(inAccessScope(access))
    .executeTakeFirst();
  return row && schoolRecordToRow(row);
}

export function buildFindStatsQuery(db: Kysely<Database>, scope: SchoolScope, years?: { from?: number; to?: number }) {
  return db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .selectAll('s')
    .where(inSchoolScope(scope))
    .$if(years?.from !== undefined, (qb) => qb.where('s.year', '>=', years?.from as number))
    .$if(years?.to !== undefined, (qb) => qb.where('s.year', '<=', years?.to as number))
    .orderBy('s.year')
    .orderBy('s.school_code');
}

/** Statistics rows of the scope's schools, for one year or a range of years. */
export async function findStats(db: Kysely<Database>, scope: SchoolScope, years?: { from?: number; to?: number }) {
  const rows = (await buildFindStatsQuery(db, scope, years).execute()) as SchoolYearStatRecord[];
  return rows.map(statRecordToRow);
}

/**
 * Rotations of a year range that leave or reach a school of the scope. The other end of a move, when the user may
 * not see it, comes back as OUTSIDE_AREA_CODE: the move counts, the school stays unnamed.
 */
export function buildFindRotationsQuery(db: Kysely<Database>, scope: SchoolScope, years: { from: number; to: number }) {
  const restricted = isRestricted(scope.access);
  return db
    .selectFrom('rotation as r')
    .select((eb) => {
      const visible = (column: 'r.from_school_code' | 'r.to_school_code') =>
        restricted
          ? eb
              .case()
              .when(column, 'in', eb.selectFrom('school').select('school.code').where(inAccessScope(scope.access)))
              .then(eb.ref(column))
              .else(OUTSIDE_AREA_CODE)
              .end()
          : eb.ref(column);
      return [
        'r.year',
        'r.teacher_ref',
        visible('r.from_school_code').as('from_school_code'),
        visible('r.to_school_code').as('to_school_code'),
        'r.backbone',
        'r.months',
      ];
    })
    .where('r.year', '>=', years.from)
    .where('r.year', '<=', years.to)
    .where((eb) =>
      eb.or([
        eb('r.from_school_code', 'in', eb.selectFrom('school').select('school.code').where(inSchoolScope(scope))),
        eb('r.to_school_code', 'in', eb.selectFrom('school').select('school.code').where(inSchoolScope(scope))),
      ]),
    )
    .orderBy('r.year')
    .orderBy('r.teacher_ref');
}

/** A year range that holds every year of data. */
export const ANY_YEAR = { from: 1900, to: 2999 } as const;

export async function findRotations(
  db: Kysely<Database>,
  scope: SchoolScope,
  years: { from: number; to: number },
): Promise<RotationRow[]> {
  const rows = await buildFindRotationsQuery(db, scope, years).execute();
  return rows.map((r) => ({
    year: r.year,
    teacherRef: r.teacher_ref,
    fromSchoolCode: r.from_school_code,
    toSchoolCode: r.to_school_code,
    backbone: r.backbone,
    months: r.months,
  }));
}

/**
 * Years with statistics for the district (whole district: a filter never hides which years exist). Every county-year
 * report asks, so the query is cheap whatever the history: the years present anywhere are walked on the year index
 * (one probe per year, not one row per school-year), and each is kept when one school-year of the district has it.
 */
export async function findDistrictYears(db: Kysely<Database>, districtCode: string): Promise<number[]> {
  const rows = await withYearsPresent(db)
    .selectFrom('years')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('school_year_stat as s')
          .innerJoin('school', 'school.code', 's.school_code')
          .select('s.year')
          .whereRef('s.year', '=', 'years.year')
          .where('school.district_code', '=', districtCode)
          .limit(1)
          .as('present'),
      (join) => join.onTrue(),
    )
    .select('present.year')
    .orderBy('present.year')
    .execute();
  return rows.map((r) => r.year);
}

export async function findCountyInputs(db: Kysely<Database>, districtCode: string, year: number) {
  return db
    .selectFrom('county_year_input')
    .select(['item_key', 'value', 'note', 'updated_at', 'updated_by_name'])
    .where('district_code', '=', districtCode)
    .where('year', '=', year)
    .orderBy('item_key')
    .execute();
}

/** The user who saves county-year inputs; the name is kept on the rows (the account may go later). */
export interface CountyInputAuthor {
  id: number | null;
  name: string;
}

/**
 * Replaces a county-year's inputs with `items` in one transaction: rows of items left out are deleted; a new item, or
 * one whose value or note changed, is written with the time and `author`; an unchanged item keeps who entered it and
 * when (a save of the whole form does not make every item look newly entered).
 */
export async function replaceCountyInputs(
  db: Kysely<Database>,
  districtCode: string,
  year: number,
  items: { key: string; value: number | null; note: string | null }[],
  author: CountyInputAuthor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('county_year_input')
      .where('district_code', '=', districtCode)
      .where('year', '=', year)
      .$if(items.length > 0, (qb) =>
        qb.where(
          'item_key',
          'not in',
          items.map((i) => i.key),
        ),
      )
      .execute();
    if (items.length === 0) return;
    await trx
      .insertInto('county_year_input')
      .values(
        items.map((i) => ({
          district_code: districtCode,
          year,
          item_key: i.key,
          value: i.value,
          note: i.note,
          updated_by_id: author.id,
          updated_by_name: author.name,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'year', 'item_key'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            note: eb.ref('excluded.note'),
            updated_at: sql<Date>`now()`,
            updated_by_id: eb.ref('excluded.updated_by_id'),
            updated_by_name: eb.ref('excluded.updated_by_name'),
          }))
          .where((eb) =>
            eb.or([
              sql<boolean>`${eb.ref('county_year_input.value')} is distinct from ${eb.ref('excluded.value')}`,
              sql<boolean>`${eb.ref('county_year_input.note')} is distinct from ${eb.ref('excluded.note')}`,
            ]),
          ),
      )
      .execute();
  });
}

/** Years with statistics in any district. */
/**
 * Every year with statistics, ascending. The year index is walked one year at a time (each step the smallest year
 * after the last): a dozen index probes, where `select distinct year` reads every school-year of a national database.
 */
export async function findAllYears(db: Kysely<Database>): Promise<number[]> {
  const result = await sql<{ year: number }>`
    with recursive years(year) as (
      select min(year) from school_year_stat
      union all
      select (select min(s.year) from school_year_stat s where s.year > years.year) from years where years.year is not null
    )
    select year from years where year is not null order by year`.execute(db);
  return result.rows.map((r) => r.year);
}
