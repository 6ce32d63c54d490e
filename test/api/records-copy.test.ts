import { Readable } from 'node:stream';
import { findPostgresPool, generateDemoCounty } from '@junheng/db';
import { applyDataset, loadDemoCountyIfEmpty, UNRESTRICTED_ACCESS } from '@junheng/server';
import { type AccessScope, SCHOOL_STAT_COLUMNS } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvRowEndTransform } from '../../server/src/export/csv.ts';
import {
  buildStatCopyStatement,
  inlineCopyParameters,
  type StatRecordFilter,
  streamStatCsvLines,
} from '../../server/src/records/records.repository.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const demo = generateDemoCounty();
const STAT_KEYS = SCHOOL_STAT_COLUMNS.map((c) => c.key);

/** Names that CSV must carry intact: quotes, separators, a line break inside the field and a formula-looking start. */
const AWKWARD_NAMES = ['=SUM(A1)"第一"小学', '逗号,分号;小学', '换行\n小学', '-1 号"教学点"'];

describe(`statistics CSV by COPY (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    const schools = demo.schools.slice(0, AWKWARD_NAMES.length).map((school, i) => ({
      ...school,
      schoolName: AWKWARD_NAMES[i] as string,
    }));
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(trx, { schools, stats: [], rotations: [] }, { source: 'cli', files: [], warnings: 0 }),
      );
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** What the paged path (PGlite's, and the one before COPY) writes for the filter. */
  async function pagedCsvBody(filter: StatRecordFilter): Promise<string> {
    let body = '';
    for await (const lines of streamStatCsvLines(database.db, filter, STAT_KEYS)) {
      for (const line of lines) body += `${line}\r\n`;
    }
    return body;
  }

  it.runIf(usingRealPostgres())(
    'should stream through COPY exactly the bytes of the paged export, scope and filters applied',
    async () => {
      const pool = findPostgresPool(database.db);
      expect(pool).toBeDefined();
      const townships = [...new Set(demo.schools.map((s) => s.townshipCode))].sort().slice(0, 2);
      const viewer: AccessScope = { districtCodes: ['330999'], townships };
      for (const filter of [
        { access: UNRESTRICTED_ACCESS },
        { access: UNRESTRICTED_ACCESS, districtCode: '330999', from: 2021, to: 2023 },
        { access: viewer, from: 2024 },
        // A city-level user: several counties, bound as one literal per code.
        { access: { districtCodes: ['330991', '330999'], townships: null }, from: 2025 },
      ] satisfies StatRecordFilter[]) {
        const client = await pool?.connect();
        if (!client) throw new Error('no pool');
        try {
          const { to } = await import('pg-copy-streams');
          const rowEnds = new CsvRowEndTransform();
          const copied = client.query(to(buildStatCopyStatement(database.db, filter, STAT_KEYS))).pipe(rowEnds);
          const chunks: Buffer[] = [];
          for await (const chunk of copied) chunks.push(chunk as Buffer);
          const expected = await pagedCsvBody(filter);
          expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
          expect(rowEnds.rows).toBe(expected.split('\r\n').length - 1);
          expect(rowEnds.rows).toBeGreaterThan(0);
        } finally {
          client.release();
        }
      }
    },
  );

  it('should answer the same CSV over HTTP on either database, awkward names intact', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/v1/school-stats?format=csv&bom=false&from=2025&to=2025`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const header = text.slice(0, text.indexOf('\r\n'));
    expect(text.slice(header.length + 2)).toBe(
      await pagedCsvBody({ access: UNRESTRICTED_ACCESS, from: 2025, to: 2025 }),
    );
    expect(text).toContain('"\'=SUM(A1)""第一""小学"');
    expect(text).toContain('"换行\n小学"');
    expect(text).toContain('"\'-1 号""教学点"""');
    // fetch's text() drops a BOM: read the bytes.
    const withBom = Buffer.from(
      await (await app.fetch(`${app.baseUrl}/api/v1/districts/330999/school-stats?format=csv`)).arrayBuffer(),
    );
    expect(withBom.subarray(0, 3 + Buffer.byteLength(header) + 2).toString('utf8')).toBe(`\uFEFF${header}\r\n`);
  });

  it('should write only whole numbers and codes into the COPY text', () => {
    const compiled = (parameters: unknown[]) => ({
      sql: 'select $1, $2',
      parameters,
      query: null as never,
      queryId: null as never,
    });
    expect(inlineCopyParameters(compiled([2024, '330999101']) as never)).toBe("select 2024, '330999101'");
    for (const bad of ["330999' or '1'='1", '1 2', 1.5, null, true, "x'"]) {
      expect(() => inlineCopyParameters(compiled([2024, bad]) as never)).toThrow();
    }
  });

  it('should keep a line break inside a quoted field and count rows across chunk boundaries', async () => {
    const sut = new CsvRowEndTransform();
    const input = ['1,"a\nb', '",2\n3,"""q"""', '\n'];
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.from(input.map((s) => Buffer.from(s))).pipe(sut)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('1,"a\nb",2\r\n3,"""q"""\r\n');
    expect(sut.rows).toBe(2);
  });
});
