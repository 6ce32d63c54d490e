import { applyDataset, PlannerStatisticsRefresher, refreshPlannerStatistics } from '@junheng/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../bench/generate-province.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/** Issue #10: PGlite has no autovacuum, so the server gathers planner statistics itself after data changes. */
describe(`planner statistics (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let sut: TestDatabase;
  const statsRowsOf = async (table: string) =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from pg_stats where schemaname = current_schema() and tablename = ${table}`.execute(
        sut.db,
      )
    ).rows[0]?.n ?? 0;
  const estimatedRowsOf = async (table: string) =>
    (await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = ${table}`.execute(sut.db))
      .rows[0]?.n ?? -1;

  beforeAll(async () => {
    sut = await createTestDatabase();
    const county = generateCounty(0, 60, [2024, 2025]);
    await sut.db.transaction().execute((trx) => applyDataset(trx, county, { source: 'cli', files: [], warnings: 0 }));
  });
  afterAll(() => sut.close());

  it.skipIf(usingRealPostgres())(
    'should start with no statistics on the embedded database (no autovacuum)',
    async () => {
      expect(await statsRowsOf('school_year_stat')).toBe(0);
    },
  );

  it('should analyse every application table, largest first, and give the planner the real row counts', async () => {
    const analysed = await refreshPlannerStatistics(sut.db);
    expect(analysed).toEqual(expect.arrayContaining(['school_year_stat', 'school', 'import_batch', 'audit_log']));
    expect(analysed.indexOf('school_year_stat')).toBeLessThan(analysed.indexOf('township'));
    expect(await statsRowsOf('school_year_stat')).toBeGreaterThan(10);
    expect(await estimatedRowsOf('school_year_stat')).toBe(120);
    expect(await estimatedRowsOf('school')).toBe(60);
    // The sample setting is the session's only while analysing.
    const { rows } = await sql<{ v: string }>`select current_setting('default_statistics_target') as v`.execute(sut.db);
    expect(rows[0]?.v).toBe('100');
  });

  it('should coalesce changes during a run into one more run, and stop before closing', async () => {
    const errors: unknown[] = [];
    const refresher = new PlannerStatisticsRefresher(sut.db, (e) => errors.push(e));
    const first = refresher.dataChanged();
    expect(refresher.dataChanged()).toBe(first);
    await sut.db
      .insertInto('township')
      .values({ code: '500000099', district_code: '500000', name: '新设镇' })
      .execute();
    expect(refresher.dataChanged()).toBe(first);
    await first;
    expect(await estimatedRowsOf('township')).toBe(16);
    await refresher.stop();
    await expect(refresher.dataChanged()).resolves.toBeUndefined();
    expect(errors).toEqual([]);
  });
});
