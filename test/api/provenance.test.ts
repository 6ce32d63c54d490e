import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { applyDataset } from '@junheng/server';
import { SchoolSourcesResponseSchema, type SourcedValue } from '@junheng/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';
import { fingerprintDatabase } from '../helpers/fingerprint.ts';

const demo = generateDemoCounty();
const csv = datasetToCsvFiles(demo);
const DISTRICT = demo.district.code;

/** Excel's name of a 0-based column. */
function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function csvRows(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

const statsHeader = csvRows(csv['school_stats.csv'])[0] as string[];
const schoolsHeader = csvRows(csv['schools.csv'])[0] as string[];
const BOOKS = statsHeader.indexOf('图书册数');
const NAME = schoolsHeader.indexOf('学校名称');

// A school-year in the middle of the file: its CSV row is its index + 2 (row 1 is the header).
const STAT_INDEX = 123;
const target = demo.stats[STAT_INDEX] as (typeof demo.stats)[number];
const targetSchoolRow = demo.schools.findIndex((s) => s.schoolCode === target.schoolCode) + 2;

describe(`provenance of stored values (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let firstBatch: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.db);
    const res = await postFiles(app, [
      { name: 'schools.csv', bytes: csv['schools.csv'] },
      { name: 'school_stats.csv', bytes: csv['school_stats.csv'] },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(true);
    firstBatch = res.body.batchId;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function sourcesOf(code: string, year: number) {
    const res = await app.fetch(`${app.baseUrl}/api/v1/schools/${code}/sources?year=${year}`);
    expect(res.status).toBe(200);
    return SchoolSourcesResponseSchema.parse(await res.json());
  }
  const fieldOf = (values: SourcedValue[], field: string) => values.find((v) => v.field === field);

  it('should name the file, cell and header of a template CSV value, and its batch', async () => {
    expect(BOOKS).toBeGreaterThan(0);
    const body = await sourcesOf(target.schoolCode, target.year);
    expect(body.year).toBe(target.year);
    const books = fieldOf(body.values, 'books');
    expect(books).toMatchObject({
      key: 'books',
      zh: '图书册数',
      value: target.books,
      source: { file: 'school_stats.csv', sheet: null, cell: `${letter(BOOKS)}${STAT_INDEX + 2}`, label: '图书册数' },
      batch: { id: firstBatch, source: 'api' },
    });
    expect(Date.parse(books?.batch?.importedAt ?? '')).not.toBeNaN();
    // Every required value has a source; the key columns are not values.
    expect(body.values.every((v) => v.source !== null)).toBe(true);
    expect(body.values.some((v) => v.field === 'year' || v.field === 'schoolCode')).toBe(false);
    const name = fieldOf(body.attributes, 'schoolName');
    expect(name?.value).toBe(demo.schools.find((s) => s.schoolCode === target.schoolCode)?.schoolName);
    expect(name?.source).toEqual({
      file: 'schools.csv',
      sheet: null,
      cell: `${letter(NAME)}${targetSchoolRow}`,
      label: '学校名称',
    });
  });

  it('should list the same source in the 数据核对表 CSV', async () => {
    const res = await app.fetch(
      `${app.baseUrl}/api/v1/districts/${DISTRICT}/data-check?year=${target.year}&format=csv`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('数据核对表'));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header = [], ...rows] = csvRows(text);
    expect(header).toEqual([
      '学校标识码',
      '学校名称',
      '年度',
      '项目',
      '数值',
      '单位',
      '来源文件',
      '工作表',
      '单元格',
      '表头/行列代码',
      '导入批次',
      '导入方式',
      '导入时间',
    ]);
    const line = rows.find((r) => r[0] === target.schoolCode && r[3] === '图书册数');
    expect(line?.slice(2, 11)).toEqual([
      String(target.year),
      '图书册数',
      String(target.books),
      '',
      'school_stats.csv',
      '',
      `${letter(BOOKS)}${STAT_INDEX + 2}`,
      '图书册数',
      String(firstBatch),
    ]);
    // Audited like every export: started, then completed with the rows sent.
    await expect
      .poll(async () =>
        (
          await database.db
            .selectFrom('audit_log')
            .select(['action', 'details'])
            .where('target', '=', `/api/v1/districts/${DISTRICT}/data-check`)
            .orderBy('id')
            .execute()
        ).map((r) => [r.action, r.details.status ?? null, r.details.rows ?? null]),
      )
      .toEqual([
        ['export_started', null, null],
        ['export', 'completed', rows.length],
      ]);
    // One line per required value of every school-year of the year (optional values only when reported).
    const yearStats = demo.stats.filter((s) => s.year === target.year);
    expect(new Set(rows.map((r) => r[0])).size).toBe(yearStats.length);
    expect(rows.every((r) => r[2] === String(target.year))).toBe(true);
  });

  it('should replace the source when another file imports the same school-year', async () => {
    // A template XLSX with a title row: header on row 2, the one data row on row 3, in sheet 补报.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('补报');
    sheet.addRow(['某县学校年度统计（补报）']);
    sheet.addRow(statsHeader);
    const row = csvRows(csv['school_stats.csv'])[STAT_INDEX + 1] as string[];
    row[BOOKS] = String(target.books + 1000);
    sheet.addRow(row.map((cell, i) => (i === statsHeader.indexOf('学校标识码') ? cell : Number(cell))));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    // A dry run changes nothing, provenance included.
    const before = await fingerprintDatabase(database.db);
    const dry = await postFiles(app, [{ name: '补报.xlsx', bytes }], '?dryRun=true');
    expect(dry.body.applied).toBe(false);
    expect(await fingerprintDatabase(database.db)).toEqual(before);

    const res = await postFiles(app, [{ name: '补报.xlsx', bytes }]);
    expect(res.body).toMatchObject({ applied: true, errors: [] });
    const body = await sourcesOf(target.schoolCode, target.year);
    expect(fieldOf(body.values, 'books')).toMatchObject({
      value: target.books + 1000,
      source: { file: '补报.xlsx', sheet: '补报', cell: `${letter(BOOKS)}3`, label: '图书册数' },
      batch: { id: res.body.batchId },
    });
    // Other school-years keep the first file's sources.
    const other = demo.stats[STAT_INDEX + 1] as (typeof demo.stats)[number];
    const otherBody = await sourcesOf(other.schoolCode, other.year);
    expect(fieldOf(otherBody.values, 'books')?.source?.file).toBe('school_stats.csv');
    // The school's attributes were not re-imported: still the schools file.
    expect(fieldOf(body.attributes, 'schoolName')?.source?.file).toBe('schools.csv');
  });

  it('should show no source for values written without one (the demo loader)', async () => {
    const only = { schools: [], stats: [target], rotations: [] };
    await database.db
      .transaction()
      .execute((trx) => applyDataset(trx, only, { source: 'demo', files: [], warnings: 0 }));
    const body = await sourcesOf(target.schoolCode, target.year);
    const books = fieldOf(body.values, 'books');
    expect(books?.value).toBe(target.books);
    expect(books?.source).toBeNull();
    expect(books?.batch?.source).toBe('demo');
    const res = await app.fetch(
      `${app.baseUrl}/api/v1/districts/${DISTRICT}/data-check?year=${target.year}&format=csv&bom=false`,
    );
    const line = csvRows(await res.text()).find((r) => r[0] === target.schoolCode && r[3] === '图书册数');
    expect(line?.[6]).toBe('（无来源记录）');
  });

  it('should write the 数据核对表 as XLSX with a header row and print setup', async () => {
    const res = await app.fetch(
      `${app.baseUrl}/api/v1/districts/${DISTRICT}/data-check?year=${target.year}&format=xlsx`,
    );
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('数据核对表');
    expect(sheet).toBeDefined();
    expect(sheet?.getRow(1).getCell(7).value).toBe('来源文件');
    expect(sheet?.pageSetup.printTitlesRow).toBe('1:1');
    const lines: unknown[][] = [];
    sheet?.eachRow((r, n) => {
      if (n > 1) lines.push((r.values as unknown[]).slice(1));
    });
    const other = demo.stats[STAT_INDEX + 1] as (typeof demo.stats)[number];
    const line = lines.find((l) => l[0] === other.schoolCode && l[3] === '图书册数');
    expect(line?.[4]).toBe(other.books);
    expect(line?.[6]).toBe('school_stats.csv');
    expect(line?.[8]).toBe(`${letter(BOOKS)}${STAT_INDEX + 3}`);
    expect(workbook.getWorksheet('说明')).toBeDefined();
  });

  it('should keep to the user’s scope', async () => {
    const township = demo.schools.find((s) => s.schoolCode === target.schoolCode)?.townshipCode as string;
    const outside = demo.schools.find((s) => s.townshipCode !== township) as (typeof demo.schools)[number];
    const viewer = await app.as('viewer', { townships: [township] });
    expect((await viewer(`${app.baseUrl}/api/v1/schools/${outside.schoolCode}/sources`)).status).toBe(404);
    expect((await viewer(`${app.baseUrl}/api/v1/schools/${target.schoolCode}/sources`)).status).toBe(200);
    const res = await viewer(`${app.baseUrl}/api/v1/districts/${DISTRICT}/data-check?year=${target.year}&format=csv`);
    const rows = csvRows(await res.text()).slice(1);
    const inTownship = new Set(demo.schools.filter((s) => s.townshipCode === township).map((s) => s.schoolCode));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => inTownship.has(r[0] as string))).toBe(true);
    const other = await app.as('analyst', { districtCode: '330991' });
    expect((await other(`${app.baseUrl}/api/v1/districts/${DISTRICT}/data-check?format=csv`)).status).toBe(404);
  });

  it('should answer 404 for a year without statistics', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/v1/schools/${target.schoolCode}/sources?year=2001`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('YearNotFound');
  });
});
