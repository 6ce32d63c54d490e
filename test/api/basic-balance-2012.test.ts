import { BalanceResponseSchema, BasicBalanceResponseSchema, TrendsResponseSchema } from '@junheng/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCounty, SMALL_DISTRICT } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const DEMO = '330999';

/** Issue #9 points 1, 10, 11 and issue #15 point 6 over HTTP, with the CSV/XLSX carrying the numbers of the JSON. */
describe(`2012 rows, units and too-small selections (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const demo = () => `${app.baseUrl}/api/v1/districts/${DEMO}`;
  const small = () => `${app.baseUrl}/api/v1/districts/${SMALL_DISTRICT.code}`;
  const getJson = async (url: string) => {
    const res = await app.fetch(url);
    expect(res.status, url).toBe(200);
    return (await res.json()) as unknown;
  };
  const getCsv = async (url: string) => {
    const res = await app.fetch(url);
    expect(res.status, url).toBe(200);
    const [header = [], ...rows] = parse(await res.text(), { bom: true }) as string[][];
    return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db, { demo: true });
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should count the 2012 rows of the demo 2025 junior table: 14, composite 0.1320 (#9.1)', async () => {
    for (const includePrivate of ['true', 'false']) {
      const report = BasicBalanceResponseSchema.parse(
        await getJson(`${demo()}/basic-balance?year=2025&stage=junior&includePrivate=${includePrivate}`),
      );
      expect(report.schoolsCounted).toBe(14);
      expect(report.compositeCv?.toFixed(4)).toBe('0.1320');
      expect(report.excluded.filter((row) => row.reason === 'basic_private')).toHaveLength(3);
      expect(report.excluded.some((row) => row.reason === 'private')).toBe(false);
    }
    // The 2017 report keeps its own rows and reasons.
    const quality = BalanceResponseSchema.parse(await getJson(`${demo()}/balance?year=2025&stage=junior`));
    expect(quality.schoolsCounted).toBe(17);
    expect(quality.excluded.some((row) => row.reason.startsWith('basic_'))).toBe(false);
  });

  it('should give the 2012 teacher indicators as ratios per student and export them as shown (#9.10)', async () => {
    const url = `${demo()}/basic-balance?year=2025&stage=junior`;
    const report = BasicBalanceResponseSchema.parse(await getJson(url));
    const teachers = report.indicators.find((i) => i.key === 'teachers_per100');
    // A junior 师生比 lies between 1 : 8 and 1 : 20: a ratio, not a count per 100.
    expect(teachers?.mean).toBeGreaterThan(0.05);
    expect(teachers?.mean).toBeLessThan(0.125);
    expect(teachers).toMatchObject({ unitZh: '人/生', unitEn: 'per student' });
    const rows = await getCsv(`${url}&format=csv`);
    expect(rows).toHaveLength(9);
    const csvTeachers = rows.find((row) => row.指标键 === 'teachers_per100');
    expect(csvTeachers?.单位).toBe('人/生');
    // The Excel CSV shows the screen's decimals (0.077, #12.5); the plain CSV keeps full precision.
    expect(csvTeachers?.加权平均值).toBe(teachers?.mean?.toFixed(3));
    const composite = rows.find((row) => row.指标键 === 'composite');
    expect(composite?.差异系数).toBe(report.compositeCv?.toFixed(3));
    const plain = await getCsv(`${url}&format=csv&bom=false`);
    expect(Number(plain.find((row) => row.指标键 === 'teachers_per100')?.加权平均值)).toBe(teachers?.mean);
    expect(Number(plain.find((row) => row.指标键 === 'composite')?.差异系数)).toBe(report.compositeCv);
    expect(composite?.是否达标).toBe('是');
  });

  it('should give no CV and no CV verdict when the filter leaves one school (#15.6)', async () => {
    // The small county's rural primary selection is school C alone.
    const url = `${small()}/balance?year=2024&stage=primary&locale=rural`;
    const report = BalanceResponseSchema.parse(await getJson(url));
    expect(report.schoolsCounted).toBe(1);
    expect(report.indicators.every((i) => i.cv === null && i.cvPasses === null)).toBe(true);
    expect(report.indicators.every((i) => i.cvNullReason === 'too_few_units')).toBe(true);
    expect(report.verdict).toMatchObject({ cvPasses: null, passes: null });
    const rows = await getCsv(`${url}&format=csv`);
    expect(rows.map((row) => row.差异系数达标)).toEqual(
      Array.from({ length: 7 }, () => '不适用：少于 2 所学校，差异系数无意义'),
    );
    expect(rows.every((row) => row.差异系数 === '')).toBe(true);

    const basic = BasicBalanceResponseSchema.parse(
      await getJson(`${small()}/basic-balance?year=2024&stage=primary&locale=rural`),
    );
    expect(basic).toMatchObject({ compositeCv: null, compositePasses: null, compositeNullReason: 'too_few_units' });

    const trends = TrendsResponseSchema.parse(
      await getJson(`${small()}/trends?stage=primary&indicator=books_per_student&locale=rural`),
    );
    expect(trends.rows.every((row) => row.cv === null && row.cvNullReason === 'too_few_units')).toBe(true);
  });

  it('should give an XLSX 2012 mean cell the decimals the screen shows (0.054, not 0.05)', async () => {
    const url = `${demo()}/basic-balance?year=2025&stage=junior&format=xlsx`;
    const res = await app.fetch(url);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]) ?? [];
    const meanColumn = header.indexOf('加权平均值');
    const teachersRow = [...Array(sheet?.rowCount ?? 0).keys()]
      .map((i) => sheet?.getRow(i + 1))
      .find((row) => row?.getCell(1).value === 'teachers_per100');
    expect(teachersRow?.getCell(meanColumn).numFmt).toBe('0.000');
  });
});
