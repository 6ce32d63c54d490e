import { type Kysely, sql } from 'kysely';

/**
 * A user may be limited to a set of counties (a city's counties, say), not only one county or all of them:
 * `app_user.district_code` becomes `district_codes`, a jsonb array of district codes (null = every county; a
 * one-county user keeps a one-element list). Districts get an optional city name (the city is the first four digits
 * of the district code), which the import and the demo fill in where the data has it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('district_codes', 'jsonb').execute();
  await sql`update app_user set district_codes = jsonb_build_array(trim(district_code)) where district_code is not null`.execute(
    db,
  );
  await db.schema.alterTable('app_user').dropColumn('district_code').execute();
  // An empty list would mean "no county" and show nothing; no restriction is spelled null, never [].
  await sql`alter table app_user add constraint app_user_district_codes_nonempty
    check (district_codes is null or (jsonb_typeof(district_codes) = 'array' and jsonb_array_length(district_codes) > 0))`.execute(
    db,
  );
  await db.schema.alterTable('district').addColumn('city_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('district').dropColumn('city_name').execute();
  await db.schema.alterTable('app_user').addColumn('district_code', 'char(6)').execute();
  // Lossy by nature: a user of several counties keeps the first one (narrower, never wider).
  await sql`update app_user set district_code = district_codes->>0 where district_codes is not null`.execute(db);
  await sql`alter table app_user drop constraint app_user_district_codes_nonempty`.execute(db);
  await db.schema.alterTable('app_user').dropColumn('district_codes').execute();
}
