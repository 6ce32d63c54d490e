import { createDb, type DatabaseHandle, migrateToLatest, openPglite } from '@junheng/db';
import { getBalance, getBalanceSummary, UNRESTRICTED_ACCESS } from '@junheng/server';
import { BalanceSummaryQuerySchema, CountyYearQuerySchema } from '@junheng/shared';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/src/migrations/index.ts';
import { MIGRATION_BACKFILLS } from '../../server/src/database.ts';
import { insertImportBatch, upsertSchoolStats, upsertSchools } from '../../server/src/imports/imports.repository.ts';
import { generateCounty } from '../bench/generate-province.ts';

/**
 * A database that held school-years before county_quality_sums existed (embedded, as a county bureau runs it): the
 * migration refuses to run without the server's backfill, and with it stores what the county reports compute.
 */
describe('migration 2026_12_07_0900_county_quality_sums (PGlite)', () => {
  let handle: DatabaseHandle;
  const tableExists = async () =>
    (await sql<{ t: string | null }>`select to_regclass('county_quality_sums')::text as t`.execute(handle.db)).rows[0]
      ?.t != null;

  beforeAll(async () => {
    handle = await createDb({ pglite: await openPglite() });
    const before = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } }).migrateTo(
      '2026_12_07_0800_school_events',
    );
    expect(before.error).toBeUndefined();
    // Written as an import did before the migration: schools and school-years, no stored sums.
    for (const index of [3, 4]) {
      const county = generateCounty(index, 25, [2022, 2023]);
      const batch = await insertImportBatch(handle.db, {
        source: 'cli',
        files: [],
        counts: { schools: 0, school_stats: 0, rotations: 0 },
        warnings: 0,
      });
      await upsertSchools(handle.db, county.schools, batch);
      await upsertSchoolStats(handle.db, county.stats, batch);
    }
  }, 120_000);
  afterAll(() => handle.close());

  it('should refuse to migrate stored school-years without the backfill, leaving the database as it was', async () => {
    await expect(migrateToLatest(handle.db)).rejects.toThrow(/needs its backfill/);
    expect(await tableExists()).toBe(false);
  });

  it('should backfill every county-year with the sums of its own report', async () => {
    await migrateToLatest(handle.db, MIGRATION_BACKFILLS);
    expect(await tableExists()).toBe(true);
    const summary = await getBalanceSummary(
      handle.db,
      BalanceSummaryQuerySchema.parse({ stage: 'primary' }),
      UNRESTRICTED_ACCESS,
    );
    expect(summary.rows.map((r) => `${r.districtCode}/${r.year}`)).toEqual([
      '500003/2022',
      '500003/2023',
      '500004/2022',
      '500004/2023',
    ]);
    for (const row of summary.rows) {
      const report = await getBalance(
        handle.db,
        row.districtCode,
        CountyYearQuerySchema.parse({ year: String(row.year), stage: 'primary' }),
        UNRESTRICTED_ACCESS,
      );
      expect(row.schoolsCounted).toBe(report.schoolsCounted);
      expect(row.schoolsCounted).toBeGreaterThan(0);
      for (const indicator of report.indicators) expect(row.cvs[indicator.key] ?? null).toBe(indicator.cv);
    }
  });
});
