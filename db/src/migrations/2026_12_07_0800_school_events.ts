import { type Kysely, sql } from 'kysely';

/**
 * School identity across years (issue #13): a school keeps its 学校标识码 while its name, type or township change, and
 * it may be merged into another school or closed. The import records each change with the year it took effect
 * instead of silently overwriting the school row (which keeps the current, latest values).
 *
 * One row per school, year and kind: a second rename in the same year keeps the first old name and the last new one;
 * a school has at most one closure (merged_into or closed), replaced when a later import corrects it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_event')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_code', 'text', (c) => c.notNull().references('school.code').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('renamed', 'type_changed', 'township_changed', 'merged_into', 'closed', 'opened')`),
    )
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('target_school_code', 'text', (c) => c.references('school.code').onDelete('cascade'))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('school_event_school_year_kind', ['school_code', 'year', 'kind'])
    .addCheckConstraint(
      'school_event_merge_target',
      sql`(kind = 'merged_into') = (target_school_code is not null) and target_school_code is distinct from school_code`,
    )
    .execute();
  await db.schema.createIndex('school_event_target').on('school_event').column('target_school_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('school_event').execute();
}
