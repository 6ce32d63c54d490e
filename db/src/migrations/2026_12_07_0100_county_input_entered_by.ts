import type { Kysely } from 'kysely';

/**
 * Who entered a county-year input (issue #12): the user's id and name beside `updated_at`. No foreign key, as for
 * notes and the audit log: an entry outlives its author's account and keeps the name. Rows saved before this
 * migration have no author (null).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('county_year_input')
    .addColumn('updated_by_id', 'integer')
    .addColumn('updated_by_name', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('county_year_input').dropColumn('updated_by_name').dropColumn('updated_by_id').execute();
}
