import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.ts';

/**
 * Fills derived tables from the data already stored, with formulas this package cannot import (the server's engine).
 * Each runs right after its migration's `up`, inside the migration's transaction.
 */
export interface MigrationBackfills {
  /** Fills county_quality_sums for every county-year (the server's refreshCountyQualitySums over everything). */
  countyQualitySums?: (db: Kysely<any>) => Promise<void>;
}

const BACKFILLED: Record<string, keyof MigrationBackfills> = {
  '2026_12_07_0900_county_quality_sums': 'countyQualitySums',
};

/**
 * Brings the schema to the latest migration; throws with the failing migration's name on error. A migration that
 * derives a table from stored data needs its backfill when the database holds school-years (the server passes them);
 * on an empty database it needs none.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  backfills: MigrationBackfills = {},
): Promise<MigrationResultSet> {
  const withBackfills: Record<string, Migration> = Object.fromEntries(
    Object.entries(migrations).map(([name, migration]) => {
      const backfill = BACKFILLED[name];
      if (backfill === undefined) return [name, migration];
      return [
        name,
        {
          ...migration,
          up: async (trx: Kysely<any>) => {
            await migration.up(trx);
            const fill = backfills[backfill];
            if (fill) return fill(trx);
            const stored = await sql<{ any: boolean }>`select exists (select 1 from school_year_stat) as any`.execute(
              trx,
            );
            if (stored.rows[0]?.any) {
              throw new Error(
                `${name} derives data from stored school-years and needs its backfill: migrate through the server ` +
                  '(pnpm cli migrate or starting the server), not @junheng/db alone.',
              );
            }
          },
        },
      ];
    }),
  );
  const migrator = new Migrator({ db, provider: { getMigrations: async () => withBackfills } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
