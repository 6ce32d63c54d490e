import { applyDataset } from '@junheng/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, stat, xlsxBombBytes, zhHeaders } from '../../server/src/imports/test-support.ts';
import { generateCounty } from '../bench/generate-province.ts';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/** Issue #10 points 1, 8 and 11: hostile uploads get bounded answers; heavy requests do not hold the others. */
describe(`import and export hardening (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const county = generateCounty(0, 1000, [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  const code = county.schools[0]?.schoolCode as string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .transaction()
      .execute((trx) => applyDataset(trx, county, { source: 'cli', files: [], warnings: 0 }));
    app = await startTestApp(database.db, { IMPORT_CONCURRENCY: '1' });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const batches = async () =>
    ((await (await app.fetch(`${app.baseUrl}/api/v1/imports`)).json()) as { batches: unknown[] }).batches.length;

  it('should refuse a header-only file with a located error and apply nothing', async () => {
    const before = await batches();
    const res = await postFiles(app, [{ name: 'only-header.csv', bytes: `${zhHeaders('school_stats').join(',')}\n` }]);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ applied: false, batchId: null, errorCount: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ file: 'only-header.csv', row: 1, column: null })]);
    expect(res.body.errors[0].message).toContain('文件只有表头，没有数据行');
    expect(await batches()).toBe(before);
  });

  it('should answer 25 000 duplicate rows with 200 listed errors and the counts per kind', async () => {
    const rows = Array.from({ length: 25_000 }, () => stat({ schoolCode: code, year: 2025 }));
    const res = await postFiles(app, [{ name: 'dup.csv', bytes: csvOf('school_stats', rows) }]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(200);
    expect(res.body).toMatchObject({ errorCount: 25_000, truncated: true, applied: false });
    expect(res.body.issueCounts).toEqual([{ severity: 'error', column: '学校标识码', count: 25_000 }]);
    expect(JSON.stringify(res.body).length).toBeLessThan(100_000);
  }, 60_000);

  it('should refuse an XLSX zip bomb with a located error before inflating it', async () => {
    const res = await postFiles(app, [{ name: 'bomb.xlsx', bytes: xlsxBombBytes({ megabytes: 1500 }) }]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ file: 'bomb.xlsx', row: null, column: null })]);
    expect(res.body.errors[0].message).toMatch(/^XLSX 文件过大：解压后约 1500 MB，超过 48 MB 上限/);
  }, 60_000);

  it('should not echo a huge header back', async () => {
    const header = `${zhHeaders('school_stats').join(',')},${'列'.repeat(4_000_000)}`;
    const res = await postFiles(app, [{ name: 'huge.csv', bytes: `${header}\n2025,${code}\n` }]);
    expect(JSON.stringify(res.body).length).toBeLessThan(20_000);
    const unknown = res.body.warnings.find((w: { message: string }) => w.message.includes('未识别的列'));
    expect(unknown.column).toBe(`${'列'.repeat(99)}…`);
  }, 60_000);

  it('should answer 503 with Retry-After while the allowed number of imports is running', async () => {
    // Two uploads whose bodies are held back: whichever reaches the router second finds the only slot taken.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const heldUpload = (name: string) => {
      const head = `--b\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(head));
          await held;
          controller.enqueue(csvOf('school_stats', [stat({ schoolCode: code, year: 2025 })]));
          controller.enqueue(new TextEncoder().encode('\r\n--b--\r\n'));
          controller.close();
        },
      });
      return app.fetch(`${app.baseUrl}/api/v1/imports?dryRun=true`, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
        body,
        duplex: 'half',
      } as RequestInit);
    };
    const uploads = [heldUpload('a.csv'), heldUpload('b.csv')];
    const refused = await Promise.race(uploads);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ServiceUnavailable');
    release();
    const statuses = (await Promise.all(uploads)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 503]);
    // The slot is free again.
    const next = await postFiles(
      app,
      [{ name: 'c.csv', bytes: csvOf('school_stats', [stat({ schoolCode: code })]) }],
      '?dryRun=true',
    );
    expect(next.status).toBe(200);
  }, 60_000);

  it('should stream an XLSX export of 10 000 rows while answering other requests', async () => {
    const started = performance.now();
    const exported = app
      .fetch(`${app.baseUrl}/api/v1/districts/500000/school-stats?format=xlsx`)
      .then(async (res) => ({ res, bytes: await res.arrayBuffer(), ms: performance.now() - started }));
    // Wait until the export has begun sending, then ask for something else.
    await new Promise((r) => setTimeout(r, 300));
    const healthStart = performance.now();
    const health = await fetch(`${app.baseUrl}/api/health`);
    const healthDone = performance.now();
    const { res, bytes } = await exported;
    expect(health.status).toBe(200);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    // A streamed answer has no Content-Length: it is written while the rows are built.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(bytes.byteLength).toBeGreaterThan(100_000);
    // The health check was answered while the export was still being written.
    expect(healthDone).toBeLessThan(started + (await exported).ms);
    expect(healthDone - healthStart).toBeLessThan((await exported).ms / 2);
  }, 120_000);
});
