import { generateDemoCounty, generateDemoPeers } from '@junheng/db';
import { loadDemoCountyIfEmpty } from '@junheng/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const demo = generateDemoCounty();
/** Every school-year the demo loads: 澄川县 and the other counties of its city. */
const allDemoStats = [demo, ...generateDemoPeers()].flatMap((county) => county.stats);

describe(`raw statistics export (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should export every school-year as CSV that re-imports with the same values', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/v1/districts/330999/school-stats?format=csv`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(demo.stats.length);
    const header = lines[0]?.split(',') ?? [];
    const first = demo.stats.find((s) => s.equipmentValue % 1 !== 0) ?? demo.stats[0];
    const row = lines.find((l) => l.startsWith(`${first?.year},"${first?.schoolCode}",`))?.split(',') ?? [];
    expect(Number(row[header.indexOf('教学仪器设备值(元)')])).toBe(first?.equipmentValue);
    expect(Number(row[header.indexOf('教学及辅助用房面积(平方米)')])).toBe(first?.teachingRoomArea);

    const dry = await postFiles(app, [{ name: 'export.csv', bytes: text }], '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.counts.school_stats).toBe(demo.stats.length);
  });

  it('should export the same rows as XLSX and across all districts', async () => {
    const xlsx = await app.fetch(`${app.baseUrl}/api/v1/school-stats?format=xlsx&from=2024&to=2025`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets[0]?.rowCount).toBe(1 + allDemoStats.filter((s) => s.year >= 2024).length);
    const plain = await (
      await app.fetch(`${app.baseUrl}/api/v1/school-stats?format=csv&bom=false&from=2025&to=2025`)
    ).text();
    expect(plain.charCodeAt(0)).not.toBe(0xfeff);
    expect(plain.split('\r\n').length - 2).toBe(allDemoStats.filter((s) => s.year === 2025).length);
  });

  it('should answer 400 when from is after to and 404 for an unknown district', async () => {
    expect((await app.fetch(`${app.baseUrl}/api/v1/districts/330999/school-stats?from=2025&to=2020`)).status).toBe(400);
    expect((await app.fetch(`${app.baseUrl}/api/v1/districts/123456/school-stats`)).status).toBe(404);
  });
});
