/**
 * Child process of the bench: times one 3 000-school statistics import on one database and reports peak RSS.
 * `prepare <dir>` creates the embedded database with the 3 000 schools in a separate process first, so the measured
 * process is the embedded database as the server runs it (an initialised data directory), not its one-time initdb.
 */
import { createDb, datasetToCsvFiles, migrateToLatest } from '@junheng/db';
import { runImport } from '@junheng/server';
import { sql } from 'kysely';
import { generateCounty } from './generate-province.ts';

const [mode, target] = process.argv.slice(2);
const serverUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const files = datasetToCsvFiles(generateCounty(0, 3000, [2025]));

async function importFile(db: Parameters<typeof runImport>[0], name: keyof typeof files) {
  const bytes = Buffer.from(files[name]);
  const start = performance.now();
  const report = await runImport(db, [{ name, bytes }], { dryRun: false, source: 'cli' });
  if (!report.applied) throw new Error(`${name} import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return { ms: performance.now() - start, rows: report.counts.school_stats, bytes: bytes.length };
}

async function withDatabase(
  options: { databaseUrl?: string; dataDir?: string },
  fn: (db: Parameters<typeof runImport>[0]) => Promise<void>,
) {
  const handle = await createDb(options);
  try {
    await fn(handle.db);
  } finally {
    await handle.close();
  }
}

const report = (kind: string, r: { ms: number; rows: number; bytes: number }) =>
  console.log(JSON.stringify({ kind, ...r, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

if (mode === 'prepare') {
  await withDatabase({ dataDir: target }, async (db) => {
    await migrateToLatest(db);
    await importFile(db, 'schools.csv');
  });
} else if (mode === 'pglite') {
  await withDatabase({ dataDir: target }, async (db) => report('pglite', await importFile(db, 'school_stats.csv')));
} else {
  const dbName = `junheng_bench_import_${process.pid}`;
  const admin = await createDb({ databaseUrl: serverUrl, poolSize: 1 });
  await sql`create database ${sql.id(dbName)}`.execute(admin.db);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    await withDatabase({ databaseUrl: url.toString() }, async (db) => {
      await migrateToLatest(db);
      await importFile(db, 'schools.csv');
      report('postgres', await importFile(db, 'school_stats.csv'));
    });
  } finally {
    await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin.db);
    await admin.close();
  }
}
