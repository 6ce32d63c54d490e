import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { applyDataset } from '@junheng/server';
import type { RotationRow, SchoolStatRow } from '@junheng/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * Two imports for the same county at the same moment. On real PostgreSQL (pool of 4 connections) the two run in
 * parallel transactions; writes of one county are serialised, so the second file replaces the first instead of
 * merging with it, and statistics written in opposite row orders never deadlock. On PGlite (one connection) the same
 * lock is a harmless no-op.
 */
const demo = generateDemoCounty();
// PGlite runs the two transactions one after the other anyway: fewer rounds there keep the file quick.
const ROUNDS = usingRealPostgres() ? 4 : 2;
const YEAR = 2024;
const codes = demo.schools.map((s) => s.schoolCode);
// Three more copies of the county's schools, so a statistics file (2 800 rows) is written in several statements.
const copies = [5, 6, 7].map((k) => {
  const codeOf = (code: string) => `${k}${code.slice(1)}`;
  return {
    schools: demo.schools.map((s) => ({ ...s, schoolCode: codeOf(s.schoolCode), parentSchoolCode: null })),
    stats: demo.stats.map((s) => ({ ...s, schoolCode: codeOf(s.schoolCode) })),
  };
});
const allSchools = [...demo.schools, ...copies.flatMap((c) => c.schools)];
const allStats = [...demo.stats, ...copies.flatMap((c) => c.stats)];

function rotationsCsv(prefix: string, count: number): string {
  const rotations: RotationRow[] = Array.from({ length: count }, (_, i) => ({
    year: YEAR,
    teacherRef: `${prefix}${String(i + 1).padStart(5, '0')}`,
    fromSchoolCode: codes[i % codes.length] as string,
    toSchoolCode: codes[(i + 1) % codes.length] as string,
    backbone: i % 5 === 0,
    months: 12,
  }));
  return datasetToCsvFiles({ schools: [], stats: [], rotations })['rotations.csv'];
}

function statsCsv(books: number, order: 'ascending' | 'descending'): string {
  const stats: SchoolStatRow[] = allStats.map((s) => ({ ...s, books }));
  stats.sort((a, b) => a.schoolCode.localeCompare(b.schoolCode) || a.year - b.year);
  if (order === 'descending') stats.reverse();
  return datasetToCsvFiles({ schools: [], stats, rotations: [] })['school_stats.csv'];
}

describe(`concurrent imports of one county (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.db);
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(
          trx,
          { schools: allSchools, stats: allStats, rotations: [] },
          { source: 'demo', files: [], warnings: 0 },
        ),
      );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should replace a county-year with the later of two rotation files uploaded at once, never merge them', async () => {
    const outcomes: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const [a, b] = await Promise.all([
        postFiles(app, [{ name: `rotations-a${round}.csv`, bytes: rotationsCsv(`A${round}-`, 1500) }]),
        postFiles(app, [{ name: `rotations-b${round}.csv`, bytes: rotationsCsv(`B${round}-`, 1200) }]),
      ]);
      if (a.status !== 200 || b.status !== 200) {
        outcomes.push(`failed ${a.status}/${b.status}`);
        continue;
      }
      const later = a.body.batchId > b.body.batchId ? a.body : b.body;
      const rows = await database.db
        .selectFrom('rotation')
        .select(['import_batch_id', sql<number>`count(*)::int`.as('n')])
        .where('year', '=', YEAR)
        .groupBy('import_batch_id')
        .execute();
      const total = rows.reduce((sum, r) => sum + r.n, 0);
      // The later batch is the whole county-year: 1 500 or 1 200 rows, all of it.
      const replaced = rows.length === 1 && rows[0]?.import_batch_id === later.batchId;
      outcomes.push(replaced ? `replaced ${total}` : `merged ${total}`);
    }
    expect(outcomes.filter((o) => !o.startsWith('replaced'))).toEqual([]);
    expect(outcomes.every((o) => o === 'replaced 1500' || o === 'replaced 1200')).toBe(true);
  });

  it('should apply both of two statistics files written in opposite row orders at once, the later one whole', async () => {
    const outcomes: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const [a, b] = await Promise.all([
        postFiles(app, [{ name: `stats-up${round}.csv`, bytes: statsCsv(10_000 + round, 'ascending') }]),
        postFiles(app, [{ name: `stats-down${round}.csv`, bytes: statsCsv(20_000 + round, 'descending') }]),
      ]);
      if (a.status !== 200 || b.status !== 200) {
        outcomes.push(`failed ${a.status}/${b.status}${a.status === 500 || b.status === 500 ? ' (deadlock?)' : ''}`);
        continue;
      }
      const laterBooks = a.body.batchId > b.body.batchId ? 10_000 + round : 20_000 + round;
      const laterBatch = Math.max(a.body.batchId, b.body.batchId);
      const rows = await database.db
        .selectFrom('school_year_stat')
        .select(['books', 'import_batch_id', sql<number>`count(*)::int`.as('n')])
        .groupBy(['books', 'import_batch_id'])
        .execute();
      const whole = rows.length === 1 && rows[0]?.books === laterBooks && rows[0]?.import_batch_id === laterBatch;
      outcomes.push(whole ? `later whole ${rows[0]?.n}` : `mixed ${JSON.stringify(rows)}`);
    }
    expect(outcomes).toEqual(Array.from({ length: ROUNDS }, () => `later whole ${allStats.length}`));
  });
});
