import { applyDataset } from '@junheng/server';
import { SCHOOL_STAT_COLUMNS } from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../bench/generate-province.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

// Issue #10 point 8: an XLSX export of 24 700 rows held every other user's request for seconds (the old code read
// 10 000-row pages, each holding the server about a second on PGlite, and ran ExcelJS on the main thread).
const SCHOOLS = 2470;
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
const county = generateCounty(0, SCHOOLS, YEARS);
const DISTRICT = '500000';
/**
 * Longest a cheap request may wait while the export runs. The old code held it 1.0–1.5 s on this 2-core machine
 * (a 10 000-row PGlite page at the start); the new code's longest wait is at the start too (first page, worker
 * start-up), 0.3–0.8 s under load, and 20–50 ms otherwise; the bound leaves room for a busy CI machine.
 */
const BOUND_MS = 1500;

describe(`XLSX export off the main thread (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .transaction()
      .execute((trx) => applyDataset(trx, county, { source: 'cli', files: [], warnings: 0 }));
    app = await startTestApp(database.db);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should answer other requests quickly while a 24 700-row XLSX export runs, with every row in the file', async () => {
    // Warm up: the first export loads exceljs and starts tsx in the worker.
    await (
      await app.fetch(`${app.baseUrl}/api/v1/districts/${DISTRICT}/school-stats?format=xlsx&from=2025`)
    ).arrayBuffer();

    let exporting = true;
    const exported = app
      .fetch(`${app.baseUrl}/api/v1/districts/${DISTRICT}/school-stats?format=xlsx`)
      .then(async (res) => ({ status: res.status, bytes: Buffer.from(await res.arrayBuffer()) }))
      .finally(() => {
        exporting = false;
      });
    const latencies: number[] = [];
    while (exporting) {
      const start = performance.now();
      const health = await fetch(`${app.baseUrl}/api/health`);
      await health.arrayBuffer();
      if (exporting) latencies.push(performance.now() - start);
      expect(health.status).toBe(200);
      await new Promise((r) => setTimeout(r, 10));
    }
    const { status, bytes } = await exported;
    expect(status).toBe(200);
    // The export ran long enough to be sampled many times, and no sample waited long.
    expect(latencies.length).toBeGreaterThan(10);
    const sorted = latencies.toSorted((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(100);
    expect(Math.max(...latencies), latencies.map(Math.round).join(' ')).toBeLessThan(BOUND_MS);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const [sheet, about] = workbook.worksheets;
    expect(sheet?.name).toBe('学校年度统计');
    expect(sheet?.rowCount).toBe(1 + SCHOOLS * YEARS.length);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    const column = (key: string) => SCHOOL_STAT_COLUMNS.findIndex((c) => c.key === key) + 1;
    expect(sheet?.getRow(1).getCell(column('equipment_value')).value).toBe('教学仪器设备值(元)');
    // Rows in school code then year order: row 2 + i is school ⌊i / 10⌋, year 2016 + i mod 10.
    for (const i of [0, 1, 7_777, SCHOOLS * YEARS.length - 1]) {
      const expected = county.stats[i];
      const row = sheet?.getRow(2 + i);
      expect(row?.getCell(column('school_code')).value).toBe(expected?.schoolCode);
      expect(row?.getCell(column('year')).value).toBe(expected?.year);
      expect(Number(row?.getCell(column('equipment_value')).value)).toBe(expected?.equipmentValue);
      expect(row?.getCell(column('students_primary')).value).toBe(expected?.studentsPrimary);
      expect(row?.getCell(SCHOOL_STAT_COLUMNS.length + 1).value).toBe(`第1县第${Math.floor(i / 10) + 1}学校`);
    }
    expect(about?.name).toBe('说明');
    const aboutRows = about?.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 3) : r)) ?? [];
    expect(aboutRows).toContainEqual(['行数', String(SCHOOLS * YEARS.length)]);
  }, 180_000);
});
