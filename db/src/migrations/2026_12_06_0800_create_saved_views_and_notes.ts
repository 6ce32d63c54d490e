import { type Kysely, sql } from 'kysely';

/** Saved views (a user's named filter sets) and notes (批注) on a county-year, a school or an indicator. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 60`))
    // The client route ('/balance') and its query string ('?district=…&year=…'): together, the link of the view.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index saved_view_user_name_key on saved_view (user_id, lower(name))`.execute(db);

  await db.schema
    .createTable('note')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('district_code', 'char(6)', (c) => c.notNull().references('district.code').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // Both null: a note on the county-year. A school note names the school; an indicator note names the indicator.
    .addColumn('school_code', 'text')
    .addColumn('indicator_key', 'text')
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 500`))
    // No foreign key on the author, as in audit_log: a note outlives its author's account; the name is kept.
    .addColumn('author_id', 'integer')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('note_one_target', sql`school_code is null or indicator_key is null`)
    .execute();
  await db.schema.createIndex('note_district_year_idx').on('note').columns(['district_code', 'year']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('note').execute();
  await db.schema.dropTable('saved_view').execute();
}
