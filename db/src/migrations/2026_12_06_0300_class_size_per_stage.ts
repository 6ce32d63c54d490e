import { type Kysely, sql } from 'kysely';

// Frozen in time: the column lists are written out here, never imported from the app.
const SCHOOL_WIDE_CLASS_SIZE = ['max_class_size', 'classes_56_65', 'classes_66_plus'];
const PER_STAGE_CLASS_SIZE = [
  'max_class_size_primary',
  'classes_56_65_primary',
  'classes_66_plus_primary',
  'max_class_size_junior',
  'classes_56_65_junior',
  'classes_66_plus_junior',
];

/**
 * Class-size columns become optional (issue #9): a blank is unknown (null), not 0. The school-wide columns lose their
 * NOT NULL and default; per-stage maximum and 56–65 / 66+ counts are added, nullable, non-negative.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of SCHOOL_WIDE_CLASS_SIZE) {
    await db.schema
      .alterTable('school_year_stat')
      .alterColumn(column, (c) => c.dropNotNull())
      .execute();
    await db.schema
      .alterTable('school_year_stat')
      .alterColumn(column, (c) => c.dropDefault())
      .execute();
  }
  for (const column of PER_STAGE_CLASS_SIZE) {
    await db.schema
      .alterTable('school_year_stat')
      .addColumn(column, 'integer', (c) => c.check(sql`${sql.ref(column)} >= 0`))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of PER_STAGE_CLASS_SIZE) {
    await db.schema.alterTable('school_year_stat').dropColumn(column).execute();
  }
  for (const column of SCHOOL_WIDE_CLASS_SIZE) {
    await db
      .updateTable('school_year_stat')
      .set({ [column]: 0 })
      .where(column, 'is', null)
      .execute();
    await db.schema
      .alterTable('school_year_stat')
      .alterColumn(column, (c) => c.setDefault(0))
      .execute();
    await db.schema
      .alterTable('school_year_stat')
      .alterColumn(column, (c) => c.setNotNull())
      .execute();
  }
}
