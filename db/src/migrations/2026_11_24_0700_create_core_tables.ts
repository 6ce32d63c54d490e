import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports constants from the app, so later changes to them cannot rewrite history.
const URBAN_RURAL_CODES = ['111', '112', '121', '122', '123', '210', '220'];
const SCHOOL_TYPES = ['primary', 'teaching_point', 'junior', 'nine_year', 'twelve_year', 'complete_middle', 'special'];

const STAT_COUNT_COLUMNS = [
  'students_primary',
  'students_junior',
  'students_senior',
  'classes_primary',
  'classes_junior',
  'teachers_primary',
  'teachers_junior',
  'higher_degree_teachers_primary',
  'higher_degree_teachers_junior',
  'backbone_teachers_primary',
  'backbone_teachers_junior',
  'pe_art_teachers_primary',
  'pe_art_teachers_junior',
  'senior_title_teachers_primary',
  'senior_title_teachers_junior',
  'certified_teachers',
  'rotation_eligible_teachers',
  'multimedia_rooms',
  'computers',
  'books',
  'music_rooms',
  'art_rooms',
  'max_class_size',
  'classes_56_65',
  'classes_66_plus',
];
const STAT_AMOUNT_COLUMNS = ['teaching_room_area', 'sports_area', 'equipment_value'];

const inList = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('api', 'cli', 'demo')`))
    .addColumn('files', 'jsonb', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('district')
    .addColumn('code', 'char(6)', (c) => c.primaryKey().check(sql`code ~ '^[0-9]{6}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('township')
    .addColumn('code', 'char(9)', (c) => c.primaryKey().check(sql`code ~ '^[0-9]{9}$'`))
    .addColumn('district_code', 'char(6)', (c) => c.notNull().references('district.code').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addCheckConstraint('township_in_district', sql`left(code, 6) = district_code`)
    .execute();
  await db.schema.createIndex('township_district_idx').on('township').column('district_code').execute();

  await db.schema
    .createTable('school')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district_code', 'char(6)', (c) => c.notNull().references('district.code').onDelete('cascade'))
    .addColumn('township_code', 'char(9)', (c) => c.notNull().references('township.code'))
    .addColumn('urban_rural_code', 'char(3)', (c) =>
      c.notNull().check(sql`urban_rural_code in (${inList(URBAN_RURAL_CODES)})`),
    )
    .addColumn('school_type', 'text', (c) => c.notNull().check(sql`school_type in (${inList(SCHOOL_TYPES)})`))
    .addColumn('ownership', 'text', (c) => c.notNull().check(sql`ownership in ('public', 'private')`))
    .addColumn('boarding', 'boolean', (c) => c.notNull())
    .addColumn('parent_school_code', 'text')
    .addColumn('group_name', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id'))
    // Deferred so one import can name a parent school that appears later in the same file.
    .addForeignKeyConstraint('school_parent_fk', ['parent_school_code'], 'school', ['code'], (fk) =>
      fk.onDelete('set null').deferrable().initiallyDeferred(),
    )
    .execute();
  await db.schema.createIndex('school_district_idx').on('school').columns(['district_code', 'township_code']).execute();

  let stats = db.schema
    .createTable('school_year_stat')
    .addColumn('school_code', 'text', (c) => c.notNull().references('school.code').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`));
  for (const column of STAT_COUNT_COLUMNS) {
    stats = stats.addColumn(column, 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`${sql.ref(column)} >= 0`),
    );
  }
  for (const column of STAT_AMOUNT_COLUMNS) {
    stats = stats.addColumn(column, 'numeric(16, 2)', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`${sql.ref(column)} >= 0`),
    );
  }
  for (const stage of ['primary', 'junior']) {
    for (const subset of ['higher_degree', 'backbone', 'pe_art', 'senior_title']) {
      stats = stats.addCheckConstraint(
        `${subset}_${stage}_within_teachers`,
        sql`${sql.ref(`${subset}_teachers_${stage}`)} <= ${sql.ref(`teachers_${stage}`)}`,
      );
    }
  }
  await stats
    .addColumn('import_batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addCheckConstraint('certified_within_teachers', sql`certified_teachers <= teachers_primary + teachers_junior`)
    .addPrimaryKeyConstraint('school_year_stat_pk', ['school_code', 'year'])
    .execute();
  await db.schema.createIndex('school_year_stat_year_idx').on('school_year_stat').column('year').execute();

  await db.schema
    .createTable('rotation')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('teacher_ref', 'text', (c) => c.notNull())
    .addColumn('from_school_code', 'text', (c) => c.notNull().references('school.code').onDelete('cascade'))
    .addColumn('to_school_code', 'text', (c) => c.notNull().references('school.code').onDelete('cascade'))
    .addColumn('backbone', 'boolean', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.check(sql`months > 0`))
    .addColumn('import_batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addCheckConstraint('rotation_between_schools', sql`from_school_code <> to_school_code`)
    .addUniqueConstraint('rotation_teacher_year_unique', ['year', 'teacher_ref'])
    .execute();
  await db.schema.createIndex('rotation_from_idx').on('rotation').columns(['from_school_code', 'year']).execute();
  await db.schema.createIndex('rotation_to_idx').on('rotation').columns(['to_school_code', 'year']).execute();

  await db.schema
    .createTable('county_year_input')
    .addColumn('district_code', 'char(6)', (c) => c.notNull().references('district.code').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('item_key', 'text', (c) => c.notNull())
    // Ratios as fractions, booleans as 1/0, counts as numbers; null = explicitly not entered.
    .addColumn('value', 'double precision')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('county_year_input_pk', ['district_code', 'year', 'item_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['county_year_input', 'rotation', 'school_year_stat', 'school', 'township', 'district']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('import_batch').execute();
}
