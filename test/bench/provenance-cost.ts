/**
 * What recording provenance costs an import (issue #13): a 3 000-school statistics import on real PostgreSQL, with
 * the sources stored (as shipped) and with them dropped before writing, alternately, three times each.
 */
import { createDb, datasetToCsvFiles, migrateToLatest } from '@junheng/db';
import { sql } from 'kysely';
import { runImport, validateOnThisThread } from '../../server/src/imports/imports.service.ts';
import { generateCounty } from './generate-province.ts';

const serverUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const files = datasetToCsvFiles(generateCounty(0, 3000, [2025]));
const dbName = `junheng_bench_provenance_${process.pid}`;
const admin = await createDb({ databaseUrl: serverUrl, poolSize: 1 });
await sql`create database ${sql.id(dbName)}`.execute(admin.db);
try {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const handle = await createDb({ databaseUrl: url.toString() });
  const db = handle.db;
  await migrateToLatest(db);
  await runImport(db, [{ name: 'schools.csv', bytes: Buffer.from(files['schools.csv']) }], {
    dryRun: false,
    source: 'cli',
  });
  const times: Record<string, number[]> = { withSources: [], withoutSources: [] };
  const validation: Record<string, number[]> = { withSources: [], withoutSources: [] };
  for (let i = 0; i < 3; i++) {
    for (const mode of ['withoutSources', 'withSources'] as const) {
      const start = performance.now();
      const report = await runImport(
        db,
        [{ name: 'school_stats.csv', bytes: Buffer.from(files['school_stats.csv']) }],
        {
          dryRun: false,
          source: 'cli',
          validate: async (f, load, options) => {
            const t0 = performance.now();
            const validated = await validateOnThisThread(f, load, options);
            validation[mode]?.push(Math.round(performance.now() - t0));
            if (mode === 'withoutSources') validated.sources = { stats: new Map(), schools: new Map() };
            return validated;
          },
        },
      );
      if (!report.applied) throw new Error('import failed');
      times[mode]?.push(Math.round(performance.now() - start));
    }
  }
  const [row] = (
    await sql<{
      n: number;
      bytes: number;
    }>`select count(*)::int as n, pg_total_relation_size('school_year_stat_source')::int as bytes from school_year_stat_source`.execute(
      db,
    )
  ).rows;
  console.log(JSON.stringify({ total: times, validation, sourceRows: row?.n, sourceTableBytes: row?.bytes }));
  await handle.close();
} finally {
  await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin.db);
  await admin.close();
}
