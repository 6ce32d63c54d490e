/**
 * Child process of the bench (issue #13): times the import of a county of 300 教育事业统计 school workbooks (one .xlsx
 * per school, generated in the 2022 layout, uploaded as one zip) on one database, the whole import as `pnpm cli
 * import` runs it (worker-thread parsing, validation, the all-or-nothing write). `prepare <dir>` writes the zip and an
 * initialised embedded database first, so neither the generation nor initdb is measured.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDb, migrateToLatest } from '@junheng/db';
import { runImport } from '@junheng/server';
import { sql } from 'kysely';
import { countyWorkbooks } from '../fixtures/statistics-workbooks.ts';
import { makeZip } from '../fixtures/zip.ts';
import { generateCounty } from './generate-province.ts';

export const WORKBOOK_SCHOOLS = 300;
const [mode, dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: import-workbooks.ts prepare|pglite|postgres <dir>');
const serverUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const zipPath = path.join(dir, 'county-workbooks.zip');

async function timeImport(db: Parameters<typeof runImport>[0]) {
  const bytes = fs.readFileSync(zipPath);
  const start = performance.now();
  const report = await runImport(db, [{ name: 'county-workbooks.zip', bytes }], { dryRun: false, source: 'cli' });
  const ms = performance.now() - start;
  if (!report.applied) throw new Error(`workbook import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  console.log(
    JSON.stringify({
      ms,
      workbooks: report.files.length,
      stats: report.counts.school_stats,
      bytes: bytes.length,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

if (mode === 'prepare') {
  const county = generateCounty(7, WORKBOOK_SCHOOLS, [2025]);
  const files = await countyWorkbooks(county, [2025], () => 2022);
  fs.writeFileSync(zipPath, makeZip(files));
  const handle = await createDb({ dataDir: path.join(dir, 'pglite') });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
} else if (mode === 'pglite') {
  const handle = await createDb({ dataDir: path.join(dir, 'pglite') });
  try {
    await timeImport(handle.db);
  } finally {
    await handle.close();
  }
} else {
  const dbName = `junheng_bench_workbooks_${process.pid}`;
  const admin = await createDb({ databaseUrl: serverUrl, poolSize: 1 });
  await sql`create database ${sql.id(dbName)}`.execute(admin.db);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    const handle = await createDb({ databaseUrl: url.toString() });
    try {
      await migrateToLatest(handle.db);
      await timeImport(handle.db);
    } finally {
      await handle.close();
    }
  } finally {
    await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin.db);
    await admin.close();
  }
}
