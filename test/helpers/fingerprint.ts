import type { Database } from '@junheng/db';
import { type Kysely, sql } from 'kysely';

const TABLES = {
  district: 'code',
  township: 'code',
  school: 'code',
  school_year_stat: 'school_code, year',
  rotation: 'district_code, year, teacher_ref',
  county_year_input: 'district_code, year, item_key',
  import_batch: 'id',
  school_event: 'school_code, year, kind',
  county_quality_sums: 'stage, include_private, year, district_code',
  school_year_stat_source: 'school_code, year',
  school_source: 'school_code',
} as const;

/** Row counts and a content hash per table: equal fingerprints mean the database was left exactly as it was. */
export async function fingerprintDatabase(db: Kysely<Database>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const row = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by ${sql.raw(order)}), '')) as h
      from ${sql.table(table)} t`.execute(db);
    result[table] = `${row.rows[0]?.n}:${row.rows[0]?.h}`;
  }
  return result;
}
