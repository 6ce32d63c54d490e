import { loadDemoCountyIfEmpty } from '@junheng/server';
import {
  BalanceResponseSchema,
  BasicBalanceResponseSchema,
  cvDisplayDecimals,
  QUALITY_INDICATORS,
  qualityCellState,
  STAGES,
} from '@junheng/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenUser, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const DEMO = '330999';
const YEAR = 2025;

const fileNameOf = (res: Response) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '');

async function readWorkbook(res: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

/** The data rows of a filing sheet: below the title (1), county line (2) and header (3), up to the first empty row. */
function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let r = 4; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === null) break;
    rows.push(row);
  }
  return rows;
}

describe(`filing tables (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const url = (query: string) => `${app.baseUrl}/api/v1/districts/${DEMO}/filing-tables?year=${YEAR}${query}`;
  const balanceOf = async (stage: string, fetch = app.fetch) => {
    const res = await fetch(`${app.baseUrl}/api/v1/districts/${DEMO}/balance?year=${YEAR}&stage=${stage}`);
    expect(res.status).toBe(200);
    return BalanceResponseSchema.parse(await res.json());
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should answer one workbook with a print-ready sheet per standard table', async () => {
    const res = await app.fetch(url('&format=xlsx'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(fileNameOf(res)).toMatch(/_2025_督导评估标准表格\.xlsx$/);
    const workbook = await readWorkbook(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '校际均衡情况',
      '七项指标达标情况',
      '基本均衡差异系数',
      '班额与校额',
      '教师交流轮岗',
      '说明',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      if (sheet.name !== '说明') expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:3');
    }
    const about = workbook.getWorksheet('说明') as ExcelJS.Worksheet;
    expect(about.getColumn(2).width).toBeGreaterThanOrEqual(80);
    expect(about.getRow(2).alignment?.wrapText).toBe(true);
  });

  it('should give per stage the mean, SD and CV of the seven indicators and the mean of the seven CVs, as the balance report', async () => {
    const workbook = await readWorkbook(await app.fetch(url('')));
    const sheet = workbook.getWorksheet('校际均衡情况') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('县域义务教育学校校际均衡情况表');
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toHaveLength(10);
    expect(header[9]).toBe('七项指标差异系数平均值');
    const rows = dataRows(sheet);
    expect(rows.map((r) => `${r.getCell(1).value}:${r.getCell(2).value}`)).toEqual([
      '小学:全县平均值',
      '小学:标准差',
      '小学:差异系数',
      '初中:全县平均值',
      '初中:标准差',
      '初中:差异系数',
    ]);
    for (const [s, stage] of STAGES.entries()) {
      const report = await balanceOf(stage);
      const [mean, sd, cv] = rows.slice(s * 3, s * 3 + 3) as [ExcelJS.Row, ExcelJS.Row, ExcelJS.Row];
      QUALITY_INDICATORS.forEach((d, i) => {
        const indicator = report.indicators.find((x) => x.key === d.key);
        expect(mean.getCell(i + 3).value).toBe(indicator?.mean);
        expect(mean.getCell(i + 3).numFmt).toBe(d.decimals === 0 ? '#,##0' : `0.${'0'.repeat(d.decimals)}`);
        expect(sd.getCell(i + 3).value).toBe(indicator?.sd);
        expect(cv.getCell(i + 3).value).toBe(indicator?.cv);
        expect(cv.getCell(i + 3).numFmt).toBe(`0.${'0'.repeat(cvDisplayDecimals(indicator?.cv, report.cvLimit))}`);
      });
      expect(cv.getCell(10).value).toBe(report.compositeCv.value);
      expect(cv.getCell(10).numFmt).toBe('0.000');
    }
  });

  it('should list every school and indicator with base, standard, value, numerator, students and state, shaded as on screen', async () => {
    const workbook = await readWorkbook(await app.fetch(url('')));
    const sheet = workbook.getWorksheet('七项指标达标情况') as ExcelJS.Worksheet;
    expect((sheet.getRow(3).values as unknown[]).slice(1, 10)).toEqual([
      '序号',
      '学段',
      '学校名称',
      '指标',
      '基本值（达标值×85%）',
      '达标值',
      '实际值',
      '分子',
      '学生数',
    ]);
    const rows = dataRows(sheet);
    let r = 0;
    const states = new Set<string>();
    for (const stage of STAGES) {
      const report = await balanceOf(stage);
      for (const school of report.schools) {
        for (const d of QUALITY_INDICATORS) {
          const row = rows[r] as ExcelJS.Row;
          r += 1;
          expect(row.getCell(3).value).toBe(school.name);
          const threshold = d.threshold[stage];
          expect(row.getCell(5).value).toBeCloseTo(threshold * 0.85, 12);
          expect(row.getCell(6).value).toBe(threshold);
          const value = school.values[d.key] ?? null;
          expect(row.getCell(7).value).toBe(value);
          expect(row.getCell(9).value).toBe(school.students);
          // The numerator gives the value back: X = per × numerator ÷ students.
          const per = d.key.endsWith('per100') ? 100 : 1;
          expect((per * Number(row.getCell(8).value)) / school.students).toBeCloseTo(value as number, 9);
          const state = qualityCellState(value, school.met[d.key], threshold);
          states.add(state);
          const fill = row.getCell(10).fill as ExcelJS.FillPattern | undefined;
          const expected = { met: undefined, none: undefined, near: 'FFFFF6E0', under: 'FFFDECEA' }[state];
          expect(fill?.fgColor?.argb, `${school.name} ${d.key}`).toBe(expected);
          expect(row.getCell(10).value).toBe(
            { met: '达标', near: '未达标但≥85%', under: '低于标准的85%', none: '无数据' }[state],
          );
        }
      }
    }
    expect(r).toBe(rows.length);
    // The demo county has all three states, so the shading is exercised.
    expect([...states].sort()).toEqual(['met', 'near', 'under']);
    // Full school names fit: the column is as wide as the longest name (a CJK character is two wide).
    const longest = Math.max(...rows.map((row) => String(row.getCell(3).value).length));
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(longest * 2);
  });

  it('should give the 2012 table the basic-balance report’s means, CVs and composite', async () => {
    const workbook = await readWorkbook(await app.fetch(url('')));
    const rows = dataRows(workbook.getWorksheet('基本均衡差异系数') as ExcelJS.Worksheet);
    expect(rows).toHaveLength(4);
    for (const [s, stage] of STAGES.entries()) {
      const res = await app.fetch(`${app.baseUrl}/api/v1/districts/${DEMO}/basic-balance?year=${YEAR}&stage=${stage}`);
      const report = BasicBalanceResponseSchema.parse(await res.json());
      const [mean, cv] = rows.slice(s * 2, s * 2 + 2) as [ExcelJS.Row, ExcelJS.Row];
      report.indicators.forEach((indicator, i) => {
        expect(mean.getCell(i + 3).value).toBe(indicator.mean);
        expect(cv.getCell(i + 3).value).toBe(indicator.cv);
      });
      expect(cv.getCell(11).value).toBe(report.compositeCv);
    }
  });

  it('should answer one table as CSV: the screen’s decimals for Excel, full precision (and another name) for scripts', async () => {
    const excel = await app.fetch(url('&format=csv&table=school-balance'));
    const plain = await app.fetch(url('&format=csv&table=school-balance&bom=false'));
    expect(excel.status).toBe(200);
    expect(plain.status).toBe(200);
    expect(fileNameOf(excel)).not.toBe(fileNameOf(plain));
    expect(fileNameOf(plain)).toMatch(/完整精度/);
    const excelRows = parse(await excel.text(), { bom: true }) as string[][];
    const plainRows = parse(await plain.text()) as string[][];
    const report = await balanceOf('primary');
    const cvRow = (rows: string[][]) => rows.find((r) => r[0] === '小学' && r[1] === '差异系数') as string[];
    QUALITY_INDICATORS.forEach((d, i) => {
      const cv = report.indicators.find((x) => x.key === d.key)?.cv as number;
      expect(Number(cvRow(plainRows)[i + 2])).toBe(cv);
      expect(cvRow(excelRows)[i + 2]).toBe(cv.toFixed(cvDisplayDecimals(cv, report.cvLimit)));
    });
    expect(cvRow(excelRows)[9]).toBe(report.compositeCv.value?.toFixed(3));
  });

  it('should keep each indicator’s ≥ 85% state in the compliance export (XLSX and CSV)', async () => {
    const report = await balanceOf('primary');
    const base = `${app.baseUrl}/api/v1/districts/${DEMO}/balance?year=${YEAR}&stage=primary&table=schools`;
    const csv = parse(await (await app.fetch(`${base}&format=csv`)).text(), { bom: true }) as string[][];
    const [header = [], ...rows] = csv;
    const workbook = await readWorkbook(await app.fetch(`${base}&format=xlsx`));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const xlsxHeader = (sheet.getRow(1).values as unknown[]).slice(1);
    const seen = new Set<string>();
    report.schools.forEach((school, r) => {
      for (const d of QUALITY_INDICATORS) {
        const state = qualityCellState(school.values[d.key], school.met[d.key], d.threshold.primary);
        seen.add(state);
        const label = { met: '达标', near: '未达标但≥85%', under: '低于标准的85%', none: '无数据' }[state];
        expect(rows[r]?.[header.indexOf(`${d.zh}-达标情况`)], `${school.name} ${d.key}`).toBe(label);
        expect(sheet.getRow(r + 2).getCell(xlsxHeader.indexOf(`${d.zh}-达标情况`) + 1).value).toBe(label);
      }
    });
    expect(seen.has('near')).toBe(true);
  });

  it('should refuse a CSV without a table', async () => {
    const res = await app.fetch(url('&format=csv'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ValidationFailed');
  });

  it('should obey the user’s township scope and audit the export', async () => {
    const all = await balanceOf('primary');
    const township = all.schools[0]?.townshipCode as string;
    const user = await createTokenUser(database.db, 'analyst', { townships: [township] });
    const fetchAs = (u: string) => fetch(u, user.authorize());
    const scoped = await balanceOf('primary', fetchAs);
    const res = await fetchAs(url(''));
    expect(res.status).toBe(200);
    const rows = dataRows((await readWorkbook(res)).getWorksheet('七项指标达标情况') as ExcelJS.Worksheet);
    const names = new Set(rows.filter((r) => r.getCell(2).value === '小学').map((r) => r.getCell(3).value));
    expect([...names].sort()).toEqual(scoped.schools.map((s) => s.name).sort());
    expect(names.size).toBeLessThan(all.schools.length);
    let entries: { action: string; details: unknown }[] = [];
    for (let i = 0; i < 50 && entries.length < 2; i += 1) {
      entries = await database.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('username', '=', user.username)
        .where('action', 'in', ['export_started', 'export'])
        .orderBy('id')
        .execute();
      if (entries.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(entries.map((e) => e.action)).toEqual(['export_started', 'export']);
    expect(entries[1]?.details).toMatchObject({ format: 'xlsx', status: 'completed' });
  });
});
