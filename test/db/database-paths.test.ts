import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

describe(`database (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let sut: TestDatabase;
  beforeAll(async () => {
    sut = await createTestDatabase();
  });
  afterAll(() => sut.close());

  it.skipIf(usingRealPostgres())(
    'should run the embedded database with 32 MB of shared buffers (issue #10: memory)',
    async () => {
      const { rows } = await sql<{ v: string }>`select current_setting('shared_buffers') as v`.execute(sut.db);
      expect(rows[0]?.v).toBe('32MB');
    },
  );

  it('should return counts and numerics as JS numbers', async () => {
    const { rows } = await sql<{ n: unknown; d: unknown }>`select count(*) as n, 12345.67::numeric(16,2) as d`.execute(
      sut.db,
    );
    expect(rows[0]).toEqual({ n: 1, d: 12345.67 });
  });

  it('should enforce integrity: valid codes, non-negative counts, subsets within teachers', async () => {
    await sut.db.insertInto('district').values({ code: '330999', name: '测试县' }).execute();
    await sut.db
      .insertInto('township')
      .values({ code: '330999001', district_code: '330999', name: '城关街道' })
      .execute();
    const school = {
      code: 'S1',
      name: '测试小学',
      district_code: '330999',
      township_code: '330999001',
      urban_rural_code: '111',
      school_type: 'primary',
      ownership: 'public',
      boarding: false,
      parent_school_code: null,
      group_name: null,
      import_batch_id: null,
    };
    await expect(
      sut.db
        .insertInto('school')
        .values({ ...school, urban_rural_code: '999' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      sut.db
        .insertInto('school')
        .values({ ...school, school_type: 'college' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      sut.db.insertInto('township').values({ code: '110101001', district_code: '330999', name: '错区县' }).execute(),
    ).rejects.toThrow();
    await sut.db.insertInto('school').values(school).execute();
    const batch = await sut.db
      .insertInto('import_batch')
      .values({ source: 'cli', files: '[]', counts: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stat = { school_code: 'S1', year: 2024, teachers_primary: 10, import_batch_id: batch.id };
    await expect(
      sut.db
        .insertInto('school_year_stat')
        .values({ ...stat, students_primary: -1 } as never)
        .execute(),
    ).rejects.toThrow();
    await expect(
      sut.db
        .insertInto('school_year_stat')
        .values({ ...stat, backbone_teachers_primary: 11 } as never)
        .execute(),
    ).rejects.toThrow();
    await sut.db
      .insertInto('school_year_stat')
      .values(stat as never)
      .execute();
    await expect(
      sut.db
        .insertInto('school_year_stat')
        .values(stat as never)
        .execute(),
    ).rejects.toThrow();
  });
});
