import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle, openPglite } from '../create-db.ts';
import { migrations } from './index.ts';

/** Rotations stored before the migration get the county of their sending school; numbers repeat across counties. */
describe('migration 2026_12_06_0600_rotation_teacher_unique_per_county', () => {
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const migrator = () => new Migrator({ db, provider: { getMigrations: async () => migrations } });
  beforeAll(async () => {
    handle = await createDb({ pglite: await openPglite() });
    db = handle.db as unknown as Kysely<any>;
    const before = await migrator().migrateTo('2026_11_24_1000_create_auth_tables');
    expect(before.error).toBeUndefined();
  }, 60_000);
  afterAll(() => handle.close());

  it('should fill each stored rotation with its sending school’s county and key teacher numbers by county', async () => {
    await db
      .insertInto('district')
      .values([
        { code: '330999', name: '澄川县' },
        { code: '330998', name: '临川县' },
      ])
      .execute();
    await db
      .insertInto('township')
      .values([
        { code: '330999001', district_code: '330999', name: '城东街道' },
        { code: '330998001', district_code: '330998', name: '城关镇' },
      ])
      .execute();
    const school = (code: string, district: string) => ({
      code,
      name: code,
      district_code: district,
      township_code: `${district}001`,
      urban_rural_code: '111',
      school_type: 'primary',
      ownership: 'public',
      boarding: false,
    });
    await db
      .insertInto('school')
      .values([school('A1', '330999'), school('A2', '330999'), school('B1', '330998'), school('B2', '330998')])
      .execute();
    const { id: batch } = await db
      .insertInto('import_batch')
      .values({ source: 'cli', files: '[]', counts: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rotation = (teacher: string, from: string, to: string) => ({
      year: 2024,
      teacher_ref: teacher,
      from_school_code: from,
      to_school_code: to,
      backbone: false,
      import_batch_id: batch,
    });
    await db
      .insertInto('rotation')
      .values([rotation('T1', 'A1', 'A2'), rotation('T2', 'B1', 'B2')])
      .execute();

    const after = await migrator().migrateToLatest();
    expect(after.error).toBeUndefined();
    const rows = await db.selectFrom('rotation').select(['teacher_ref', 'district_code']).orderBy('id').execute();
    expect(rows).toEqual([
      { teacher_ref: 'T1', district_code: '330999' },
      { teacher_ref: 'T2', district_code: '330998' },
    ]);
    // The same number in the other county is allowed now; twice in one county-year is not.
    await db
      .insertInto('rotation')
      .values({ ...rotation('T1', 'B2', 'B1'), district_code: '330998' })
      .execute();
    await expect(
      db
        .insertInto('rotation')
        .values({ ...rotation('T1', 'A2', 'A1'), district_code: '330999' })
        .execute(),
    ).rejects.toThrow(/rotation_county_year_teacher_unique/);
    const { n } = (await sql<{ n: number }>`select count(*)::int as n from rotation`.execute(db)).rows[0] ?? { n: -1 };
    expect(n).toBe(3);
  });
});
