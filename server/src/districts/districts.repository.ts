import type { Database } from '@junheng/db';
import type { AccessScope } from '@junheng/shared';
import { type Kysely, sql } from 'kysely';
import { isDistrictInAccess, withYearsPresent } from '../db-helpers.ts';

export interface DistrictSummaryRecord {
  code: string;
  name: string;
  years: number[];
  schools: number;
  townships: number;
}

/**
 * The districts the user may see (code, name, years), filterable further. The years (whole district) cost one index
 * probe per district and year present anywhere (walked on the year index), not a visit of every school-year of every
 * district (≈ 1 s on a 100-county province).
 */
function buildDistrictsWithYearsQuery(db: Kysely<Database>, access: AccessScope) {
  const townships = access.townships;
  return withYearsPresent(db)
    .selectFrom('district as d')
    .$if(access.districtCodes !== null, (qb) =>
      qb.where('d.code', 'in', access.districtCodes?.length ? access.districtCodes : ['']),
    )
    .$if(townships !== null, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('township as t')
            .whereRef('t.district_code', '=', 'd.code')
            .where('t.code', 'in', townships && townships.length > 0 ? townships : ['']),
        ),
      ),
    )
    .select((eb) => [
      'd.code',
      'd.name',
      eb
        .selectFrom('years as y')
        .innerJoinLateral(
          (lateral) =>
            lateral
              .selectFrom('school_year_stat as s')
              .innerJoin('school as sc', 'sc.code', 's.school_code')
              .select('s.year')
              .whereRef('s.year', '=', 'y.year')
              .whereRef('sc.district_code', '=', 'd.code')
              .limit(1)
              .as('present'),
          (join) => join.onTrue(),
        )
        .select(sql<number[]>`coalesce(array_agg(present.year order by present.year), '{}')`.as('years'))
        .as('years'),
    ]);
}

/** The districts the user may see, with their years; a township-scoped user's counts are of their own townships. */
export function buildListDistrictsQuery(db: Kysely<Database>, access: AccessScope) {
  const townships = access.townships;
  return buildDistrictsWithYearsQuery(db, access)
    .select((eb) => [
      eb
        .selectFrom('school as sc')
        .whereRef('sc.district_code', '=', 'd.code')
        .$if(townships !== null, (qb) => qb.where('sc.township_code', 'in', townships?.length ? townships : ['']))
        .select(sql<number>`count(*)::int`.as('n'))
        .as('schools'),
      eb
        .selectFrom('township as t')
        .whereRef('t.district_code', '=', 'd.code')
        .$if(townships !== null, (qb) => qb.where('t.code', 'in', townships?.length ? townships : ['']))
        .select(sql<number>`count(*)::int`.as('n'))
        .as('townships'),
    ])
    .orderBy('d.code');
}

export async function listDistricts(db: Kysely<Database>, access: AccessScope): Promise<DistrictSummaryRecord[]> {
  const rows = await buildListDistrictsQuery(db, access).execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    years: r.years ?? [],
    schools: r.schools ?? 0,
    townships: r.townships ?? 0,
  }));
}

/**
 * The district if it exists and the user may see it: a district-scoped user sees no other, a township-scoped user
 * only the district of their townships. Any other answers 404, exactly as if it did not exist.
 */
export async function findDistrict(db: Kysely<Database>, code: string, access: AccessScope) {
  if (!isDistrictInAccess(access, code)) return undefined;
  const townships = access.townships;
  return db
    .selectFrom('district as d')
    .select(['d.code', 'd.name'])
    .where('d.code', '=', code)
    .$if(townships !== null, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('township as t')
            .whereRef('t.district_code', '=', 'd.code')
            .where('t.code', 'in', townships?.length ? townships : ['']),
        ),
      ),
    )
    .executeTakeFirst();
}

/**
 * findDistrict and the district's years with statistics (whole district: a filter never hides which years exist) in
 * one round trip: what every county-year report asks before it can answer.
 */
export async function findDistrictWithYears(
  db: Kysely<Database>,
  code: string,
  access: AccessScope,
): Promise<{ district: { code: string; name: string }; years: number[] } | undefined> {
  if (!isDistrictInAccess(access, code)) return undefined;
  const row = await buildDistrictsWithYearsQuery(db, access).where('d.code', '=', code).executeTakeFirst();
  return row && { district: { code: row.code, name: row.name }, years: row.years ?? [] };
}

/** The townships of these codes that exist, with their names and districts. */
export async function findTownships(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<{ code: string; name: string; districtCode: string }[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('township')
    .select(['code', 'name', 'district_code'])
    .where('code', 'in', [...codes])
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, districtCode: r.district_code.trim() }));
}

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
