import { type Kysely, sql } from 'kysely';

/**
 * A teacher number is unique within a county and year, not across every county: two counties may number their
 * teachers the same way. Each rotation records the county (区县) of its sending school, which is also the county whose
 * rotation ratio it counts towards.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rotation')
    .addColumn('district_code', 'char(6)', (c) => c.references('district.code').onDelete('cascade'))
    .execute();
  await sql`
    update rotation r set district_code = s.district_code
    from school s where s.code = r.from_school_code`.execute(db);
  await db.schema
    .alterTable('rotation')
    .alterColumn('district_code', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('rotation').dropConstraint('rotation_teacher_year_unique').execute();
  await db.schema
    .alterTable('rotation')
    .addUniqueConstraint('rotation_county_year_teacher_unique', ['district_code', 'year', 'teacher_ref'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rotation').dropConstraint('rotation_county_year_teacher_unique').execute();
  await db.schema
    .alterTable('rotation')
    .addUniqueConstraint('rotation_teacher_year_unique', ['year', 'teacher_ref'])
    .execute();
  await db.schema.alterTable('rotation').dropColumn('district_code').execute();
}
