import {
  BalanceResponseSchema,
  CountyComparisonResponseSchema,
  placeCountiesInGrid,
  placeCounty,
  QUALITY_INDICATOR_KEYS,
  STAGES,
} from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCounty, SMALL_DISTRICT } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/** The demo city 澄州市 (3309): 澄川县 and its four peer counties. */
const DEMO_CITY = '3309';
const DEMO_CITY_COUNTIES = ['330991', '330992', '330993', '330994', '330999'];

describe(`county comparison: every county's numbers are its own balance report's (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const getJson = async (path: string) => {
    const res = await app.fetch(`${app.baseUrl}/api/v1${path}`);
    expect(res.status, path).toBe(200);
    return res.json();
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

  it('should give each county the CVs, verdict and schools counted of its balance report, its last year’s and the first year it passed', async () => {
    for (const stage of STAGES) {
      const comparison = CountyComparisonResponseSchema.parse(
        await getJson(`/county-comparison?stage=${stage}&year=2024&city=${DEMO_CITY}`),
      );
      expect(comparison).toMatchObject({ year: 2024, city: DEMO_CITY, cvLimit: stage === 'primary' ? 0.5 : 0.45 });
      expect(comparison.rows.map((r) => r.districtCode)).toEqual(DEMO_CITY_COUNTIES);
      for (const row of comparison.rows) {
        const reports = new Map<number, ReturnType<typeof BalanceResponseSchema.parse>>();
        for (const year of comparison.years.filter((y) => y <= 2024)) {
          reports.set(
            year,
            BalanceResponseSchema.parse(
              await getJson(`/districts/${row.districtCode}/balance?year=${year}&stage=${stage}`),
            ),
          );
        }
        const report = reports.get(2024);
        const previous = reports.get(2023);
        expect(row).toMatchObject({
          year: 2024,
          cityCode: DEMO_CITY,
          cityName: '澄州市',
          schoolsCounted: report?.schoolsCounted,
          passes: report?.verdict.passes,
          blockingIndicators: report?.verdict.blockingIndicators,
          previousYear: 2023,
          previousPasses: previous?.verdict.passes,
        });
        for (const indicator of report?.indicators ?? []) expect(row.cvs[indicator.key]).toBe(indicator.cv);
        for (const indicator of previous?.indicators ?? []) expect(row.previousCvs?.[indicator.key]).toBe(indicator.cv);
        const passedYears = [...reports.entries()].filter(([, r]) => r.verdict.passes === true).map(([y]) => y);
        expect(row.firstPassedYear).toBe(passedYears.length ? Math.min(...passedYears) : null);
      }
    }
  });

  it('should give the demo city something to compare: CVs within and over the limit, and different places in the grid', async () => {
    const comparison = CountyComparisonResponseSchema.parse(await getJson('/county-comparison?stage=primary'));
    expect(comparison.year).toBe(2025);
    expect(comparison.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const demoCity = comparison.rows.filter((r) => r.cityCode === DEMO_CITY);
    const over = (r: (typeof demoCity)[number]) => QUALITY_INDICATOR_KEYS.filter((k) => (r.cvs[k] ?? 0) > 0.5).length;
    expect(demoCity.some((r) => over(r) > 0)).toBe(true);
    expect(demoCity.some((r) => over(r) === 0)).toBe(true);
    const places = new Set(demoCity.map((r) => JSON.stringify(placeCounty(r, 'passes', comparison.cvLimit))));
    expect(places.size).toBeGreaterThan(1);
  });

  it('should filter by city and list every city with its name where the data has one', async () => {
    const all = CountyComparisonResponseSchema.parse(await getJson('/county-comparison?stage=primary&year=2024'));
    expect(all.cities).toEqual([
      { code: SMALL_DISTRICT.code.slice(0, 4), name: null, counties: 1 },
      { code: DEMO_CITY, name: '澄州市', counties: 5 },
    ]);
    expect(all.rows.map((r) => r.districtCode)).toEqual([SMALL_DISTRICT.code, ...DEMO_CITY_COUNTIES]);
    const other = CountyComparisonResponseSchema.parse(
      await getJson(`/county-comparison?stage=primary&year=2024&city=${SMALL_DISTRICT.code.slice(0, 4)}`),
    );
    expect(other.rows.map((r) => r.districtCode)).toEqual([SMALL_DISTRICT.code]);
    expect(other.cities).toEqual(all.cities);
    const bad = await app.fetch(`${app.baseUrl}/api/v1/county-comparison?stage=primary&city=33`);
    expect(bad.status).toBe(400);
  });

  it('should send a first screen when asked: the first counties, how many there are, and the grid of them all', async () => {
    for (const measure of ['passes', 'sports_area_per_student'] as const) {
      const all = CountyComparisonResponseSchema.parse(
        await getJson(`/county-comparison?stage=primary&year=2024&measure=${measure}`),
      );
      expect(all.rows).toHaveLength(6);
      expect(all.total).toBe(6);
      expect(all.grid).toEqual(placeCountiesInGrid(all.rows, measure, all.cvLimit));
      expect(all.grid.reduce((n, cell) => n + cell.count, 0)).toBe(6);
      const first = CountyComparisonResponseSchema.parse(
        await getJson(`/county-comparison?stage=primary&year=2024&measure=${measure}&first=2`),
      );
      expect(first.rows).toEqual(all.rows.slice(0, 2));
      expect(first.total).toBe(6);
      // The grid is every county's, not only the two sent.
      expect(first.grid).toEqual(all.grid);
      const { rows: _rows, ...rest } = first;
      const { rows: _allRows, ...allRest } = all;
      expect(rest).toEqual(allRest);
    }
    const many = CountyComparisonResponseSchema.parse(
      await getJson('/county-comparison?stage=primary&year=2024&first=100'),
    );
    expect(many.rows).toHaveLength(6);
    for (const bad of ['first=0', 'first=abc', 'first=2&format=csv', 'first=2&format=xlsx']) {
      const res = await app.fetch(`${app.baseUrl}/api/v1/county-comparison?stage=primary&${bad}`);
      expect(res.status, bad).toBe(400);
      expect(JSON.stringify(await res.json()), bad).toContain('first');
    }
  });

  it('should export the comparison like every table: Excel CSV, plain CSV and XLSX with one line per county', async () => {
    const query = `stage=junior&year=2025&city=${DEMO_CITY}&measure=sports_area_per_student`;
    const excel = await app.fetch(`${app.baseUrl}/api/v1/county-comparison?${query}&format=csv`);
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeURIComponent(excel.headers.get('content-disposition') ?? '')).toContain('多县对比');
    const plain = await (
      await app.fetch(`${app.baseUrl}/api/v1/county-comparison?${query}&format=csv&bom=false`)
    ).text();
    const lines = plain.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + DEMO_CITY_COUNTIES.length);
    expect(lines[0]).toContain('首次达标年度');
    expect(lines[0]).toContain('状态（生均体育运动场馆面积）');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(DEMO_CITY_COUNTIES);
    const xlsx = await app.fetch(`${app.baseUrl}/api/v1/county-comparison?${query}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]?.rowCount).toBeGreaterThanOrEqual(1 + DEMO_CITY_COUNTIES.length);
  });
});
