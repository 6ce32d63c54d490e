import { type Kysely, sql } from 'kysely';

/**
 * Pre-aggregated 资源配置 sums per county, year, stage and private-school option (issue #14): what the balance
 * summary needs of each county-year (counts, Σ P, each weighted mean and population variance), so that the summary
 * of 2 900 counties reads 2 900 rows a year instead of 232 000 school-years. Written only by the server
 * (refreshCountyQualitySums) inside the transaction that writes the school-years, for exactly the counties and years
 * touched, with the report's own ordered sums: the numbers are the county report's to the last bit.
 *
 * The backfill of existing data needs the server's indicator formulas, which this package cannot import: the
 * migrator runs it right after this step, in the same transaction (see `backfills` in ../migrate.ts), and refuses to
 * migrate a database that holds school-years without it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('county_quality_sums')
    .addColumn('district_code', 'char(6)', (c) => c.notNull().references('district.code').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('primary', 'junior')`))
    .addColumn('include_private', 'boolean', (c) => c.notNull())
    .addColumn('schools_counted', 'integer', (c) => c.notNull())
    .addColumn('students_counted', 'float8', (c) => c.notNull())
    .addColumn('schools_passing', 'integer', (c) => c.notNull());
  for (let k = 0; k < 7; k += 1) table = table.addColumn(`m${k}`, 'float8');
  for (let k = 0; k < 7; k += 1) table = table.addColumn(`v${k}`, 'float8');
  await table
    .addPrimaryKeyConstraint('county_quality_sums_pk', ['stage', 'include_private', 'year', 'district_code'])
    .execute();
  // Refreshes delete by county.
  await db.schema
    .createIndex('county_quality_sums_district_idx')
    .on('county_quality_sums')
    .columns(['district_code', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('county_quality_sums').execute();
}
