import type { Database } from '@junheng/db';
import { type Kysely, sql } from 'kysely';

/**
 * The application's tables, largest first. All of them, not only those changed since their last ANALYZE: PGlite
 * counts changes with up to a second's delay and loses the counts when it closes, so they cannot tell.
 */
export async function findApplicationTables(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relpages desc, c.relname`.execute(db);
  return result.rows.map((r) => r.relname);
}

/**
 * ANALYZE one table with a small sample (statistics target 10: 3 000 rows): the planner needs row counts and rough
 * distributions, and a full sample of a large county's statistics blocks the embedded database for over a second.
 */
export async function analyzeTable(db: Kysely<Database>, table: string): Promise<void> {
  await sql`set default_statistics_target = 10`.execute(db);
  try {
    await sql`analyze ${sql.id(table)}`.execute(db);
  } finally {
    await sql`reset default_statistics_target`.execute(db);
  }
}
