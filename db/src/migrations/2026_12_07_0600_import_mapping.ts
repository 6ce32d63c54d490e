import { type Kysely, sql } from 'kysely';

/**
 * Column-mapping presets (issue #13 point 3): for a table whose headers are not recognised, which column holds which
 * canonical field. `signature` is the list of header paths the mapping was made for (so the next year's file with the
 * same headers is read by it without asking); `columns` maps a canonical column key to a header path. A preset belongs
 * to one county (`district_code`), or to every county when null (only users without a county limit make those).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_mapping')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 80`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('schools', 'school_stats', 'rotations')`))
    .addColumn('signature', 'jsonb', (c) => c.notNull())
    .addColumn('columns', 'jsonb', (c) => c.notNull())
    .addColumn('first_data_row', 'integer', (c) => c.check(sql`first_data_row between 2 and 1000`))
    .addColumn('district_code', 'char(6)', (c) => c.references('district.code').onDelete('cascade'))
    // No foreign key on the author, as in note and audit_log: a preset outlives its author's account.
    .addColumn('created_by_id', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index import_mapping_scope_name_key on import_mapping (coalesce(district_code, ''), lower(name))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_mapping').execute();
}
