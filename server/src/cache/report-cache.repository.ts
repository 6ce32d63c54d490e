import type { Database } from '@junheng/db';
import { type Kysely, sql } from 'kysely';

/**
 * A number that changes whenever report inputs change: the newest import batch, and the newest county-year input with
 * the number of inputs.
 * One index-only lookup each, so checking it costs far less than recomputing a report.
 */
export async function findDataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('import_batch').select(sql<number>`coalesce(max(id), 0)`.as('v')).as('batch'),
      // The count too: a save keeps the time of the items it leaves unchanged (issue #12), so deleting an older item
      // changes the count but not the newest time.
      eb
        .selectFrom('county_year_input')
        .select(sql<string>`coalesce(max(updated_at)::text, '') || '/' || count(*)`.as('v'))
        .as('inputs'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.batch}:${row.inputs}`;
}
