import { type Kysely, sql } from 'kysely';

/**
 * Provenance of stored values (issue #13 point 4): for each school-year's statistics and each school's attributes,
 * where every value was read. One row per school-year (or school), never one per value: `sources` maps a canonical
 * field to `[file index, sheet, cell, label]`, the file index pointing into the batch's `import_batch.files`. A
 * school-year written without sources (demo data, a reader that gives none) has no row here: "no recorded source".
 * Kept out of school_year_stat so the analysis queries (`select s.*`) never read it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_year_stat_source')
    .addColumn('school_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('import_batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_year_stat_source_pk', ['school_code', 'year'])
    .addForeignKeyConstraint(
      'school_year_stat_source_stat_fk',
      ['school_code', 'year'],
      'school_year_stat',
      ['school_code', 'year'],
      (fk) => fk.onDelete('cascade').onUpdate('cascade'),
    )
    .execute();
  await db.schema
    .createTable('school_source')
    .addColumn('school_code', 'text', (c) =>
      c.primaryKey().references('school.code').onDelete('cascade').onUpdate('cascade'),
    )
    .addColumn('import_batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`comment on column school_year_stat_source.sources is 'field -> [file index in import_batch.files, sheet, cell, label]'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('school_source').execute();
  await db.schema.dropTable('school_year_stat_source').execute();
}
