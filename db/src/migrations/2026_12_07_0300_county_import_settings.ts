import { type Kysely, sql } from 'kysely';

/**
 * Per-county import settings (issue #13): whether 教学点 that the statistics do not count as schools (是否计校数 = 0)
 * are merged into their parent school or kept as teaching points, and from how many years at one school a teacher is
 * due to rotate when eligibility is derived from a roster. A county without a row uses the defaults (merge, 6 years).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('county_import_setting')
    .addColumn('district_code', 'text', (c) => c.primaryKey().references('district.code').onDelete('cascade'))
    .addColumn('teaching_points', 'text', (c) =>
      c.notNull().defaultTo('merge').check(sql`teaching_points in ('merge', 'keep')`),
    )
    .addColumn('rotation_eligible_years', 'integer', (c) =>
      c.notNull().defaultTo(6).check(sql`rotation_eligible_years between 1 and 30`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_name', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('county_import_setting').execute();
}
