import type { Database } from '@junheng/db';
import type { Kysely } from 'kysely';

/** The city name of every district that has one (from the import's 地市名称 or the demo). */
export async function findDistrictCityNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('district')
    .select(['code', 'city_name'])
    .where('city_name', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code, r.city_name as string]));
}
