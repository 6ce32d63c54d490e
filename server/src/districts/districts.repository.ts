import type { Database } from '@junheng/db';
import { type Kysely, sql } from 'kysely';

export interface DistrictSummaryRecord {
  code: string;
  name: string;
  years: number[];
  schools: number;
  townships: number;
}

export function buildListDistrictsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('district as d')
    .select((eb) => [
      'd.code',
      'd.name',
      eb
        .selectFrom('school_year_stat as s')
        .innerJoin('school as sc', 'sc.code', 's.school_code')
        .whereRef('sc.district_code', '=', 'd.code')
        .select(sql<number[]>`coalesce(array_agg(distinct s.year order by s.year), '{}')`.as('years'))
        .as('years'),
      eb
        .selectFrom('school as sc')
        .whereRef('sc.district_code', '=', 'd.code')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('schools'),
      eb
        .selectFrom('township as t')
        .whereRef('t.district_code', '=', 'd.code')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('townships'),
    ])
    .orderBy('d.code');
}

export async function listDistricts(db: Kysely<Database>): Promise<DistrictSummaryRecord[]> {
  const rows = await buildListDistrictsQuery(db).execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    years: r.years ?? [],
    schools: r.schools ?? 0,
    townships: r.townships ?? 0,
  }));
}

export async function findDistrict(db: Kysely<Database>, code: string) {
  return db.selectFrom('district').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
