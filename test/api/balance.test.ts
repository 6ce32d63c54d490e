import { applyDataset, getBalance, getBalanceSummary } from '@junheng/server';
import {
  type AccessScope,
  BalanceResponseSchema,
  BalanceSummaryQuerySchema,
  BalanceSummaryResponseSchema,
  BasicBalanceResponseSchema,
  CountyYearQuerySchema,
  cvDisplayDecimals,
  RankingResponseSchema,
} from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCounty, SMALL_DISTRICT, SMALL_STATS } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/** The summary's sums are the database's, added in school-code order as the report adds them: the same CV, null alike. */
function expectSameCv(actual: number | null | undefined, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBe(expected);
}

describe(`balance, basic balance and rankings API (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const base = () => `${app.baseUrl}/api/v1/districts/${SMALL_DISTRICT.code}`;
  const getJson = async (url: string) => {
    const res = await app.fetch(url);
    return { status: res.status, body: (await res.json()) as any };
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

  it('should compute the student-weighted CV of the hand-computed county', async () => {
    const { status, body } = await getJson(`${base()}/balance?year=2024&stage=primary`);
    expect(status).toBe(200);
    const report = BalanceResponseSchema.parse(body);
    expect(report.district).toEqual(SMALL_DISTRICT);
    expect(report.years).toEqual([2023, 2024]);
    expect(report.schoolsCounted).toBe(3);
    expect(report.excluded.map((e) => [e.code, e.reason]).sort()).toEqual([
      ['S', 'special'],
      ['T', 'teaching_point'],
    ]);
    const higher = report.indicators.find((i) => i.key === 'higher_degree_teachers_per100');
    expect(higher).toMatchObject({ threshold: 4.2, cvLimit: 0.5, schoolsMeeting: 1, cvPasses: true });
    expect(higher?.mean).toBeCloseTo(3.25, 12);
    expect(higher?.sd).toBeCloseTo(1.0897247, 6);
    expect(higher?.cv).toBeCloseTo(0.3353, 6);
    const a = report.schools.find((s) => s.code === 'A');
    expect(a?.values.higher_degree_teachers_per100).toBeCloseTo(5, 12);
    expect(a?.met.higher_degree_teachers_per100).toBe(true);
  });

  it('should filter by township, locale and private ownership in the same report', async () => {
    const township = BalanceResponseSchema.parse(
      (await getJson(`${base()}/balance?year=2024&stage=primary&township=110999001`)).body,
    );
    expect(township.schools.map((s) => s.code).sort()).toEqual(['A', 'B']);
    expect(township.filters.townships).toEqual([{ code: '110999001', name: '城关街道' }]);
    const rural = BalanceResponseSchema.parse(
      (await getJson(`${base()}/balance?year=2024&stage=primary&locale=rural`)).body,
    );
    expect(rural.schools.map((s) => s.code)).toEqual(['C']);
    const publicOnly = BalanceResponseSchema.parse(
      (await getJson(`${base()}/balance?year=2024&stage=primary&includePrivate=false`)).body,
    );
    expect(publicOnly.schools.map((s) => s.code).sort()).toEqual(['A', 'C']);
    expect(publicOnly.excluded.map((e) => e.reason)).toContain('private');
  });

  it('should rank schools on an indicator with the threshold and the weighted mean', async () => {
    const { status, body } = await getJson(
      `${base()}/rankings?year=2024&stage=primary&indicator=higher_degree_teachers_per100`,
    );
    expect(status).toBe(200);
    const ranking = RankingResponseSchema.parse(body);
    expect(ranking.rows.map((r) => [r.rank, r.code, r.meets])).toEqual([
      [1, 'A', true],
      [2, 'B', false],
      [3, 'C', false],
    ]);
    expect(ranking.mean).toBeCloseTo(3.25, 12);
    expect(ranking.threshold).toBe(4.2);
  });

  it('should compute the 2012 basic balance with its composite', async () => {
    const report = BasicBalanceResponseSchema.parse(
      (await getJson(`${base()}/basic-balance?year=2024&stage=primary`)).body,
    );
    expect(report.indicators).toHaveLength(8);
    const cvs = report.indicators.map((i) => i.cv ?? Number.NaN);
    expect(report.compositeCv).toBeCloseTo(cvs.reduce((s, v) => s + v, 0) / 8, 12);
  });

  describe('exports', () => {
    it('should download an Excel CSV (BOM, CRLF, Chinese headers, no sep= line) showing the JSON rows as the screen does', async () => {
      const json = BalanceResponseSchema.parse((await getJson(`${base()}/balance?year=2024&stage=primary`)).body);
      const res = await app.fetch(`${base()}/balance?year=2024&stage=primary&format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('小河县_2024_小学_差异系数.csv');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.subarray(3));
      expect(text.startsWith('sep=')).toBe(false);
      const lines = text.split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]?.split(',')).toContain('差异系数');
      expect(lines.length - 2).toBe(json.indicators.length);
      const cvColumn = lines[0]?.split(',').indexOf('差异系数') ?? -1;
      const higherRow = lines.find((l) => l.startsWith('higher_degree_teachers_per100,'))?.split(',');
      const higher = json.indicators.find((i) => i.key === 'higher_degree_teachers_per100');
      // The screen's decimals (#12.5): the CV as next to its limit, the mean and SD in the indicator's decimals.
      expect(higherRow?.[cvColumn]).toBe(higher?.cv?.toFixed(cvDisplayDecimals(higher?.cv, higher?.cvLimit)));
      const meanColumn = lines[0]?.split(',').indexOf('加权平均值') ?? -1;
      const sdColumn = lines[0]?.split(',').indexOf('标准差') ?? -1;
      expect(higherRow?.[meanColumn]).toBe(higher?.mean?.toFixed(2));
      expect(higherRow?.[sdColumn]).toBe(higher?.sd?.toFixed(2));
      const equipmentRow = lines.find((l) => l.startsWith('equipment_value_per_student,'))?.split(',');
      const equipment = json.indicators.find((i) => i.key === 'equipment_value_per_student');
      expect(equipmentRow?.[meanColumn]).toBe(equipment?.mean?.toFixed(0));
    });

    it('should give the plain CSV full precision and a name of its own', async () => {
      const json = BalanceResponseSchema.parse((await getJson(`${base()}/balance?year=2024&stage=primary`)).body);
      const res = await app.fetch(`${base()}/balance?year=2024&stage=primary&format=csv&bom=false`);
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('小河县_2024_小学_差异系数_完整精度.csv');
      const lines = (await res.text()).split('\r\n');
      const cvColumn = lines[0]?.split(',').indexOf('差异系数') ?? -1;
      const higherRow = lines.find((l) => l.startsWith('higher_degree_teachers_per100,'))?.split(',');
      expect(Number(higherRow?.[cvColumn])).toBe(
        json.indicators.find((i) => i.key === 'higher_degree_teachers_per100')?.cv,
      );
    });

    it('should download a plain CSV without BOM and a school table on request', async () => {
      const res = await app.fetch(
        `${base()}/balance?year=2024&stage=primary&format=csv&bom=false&table=schools&lang=en`,
      );
      const text = await res.text();
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.split('\r\n')[0]).toMatch(/^School code,School,/);
      expect(text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(1 + 3);
    });

    it('should download an XLSX with a frozen header row and a 说明 sheet naming the filters', async () => {
      const res = await app.fetch(
        `${base()}/rankings?year=2024&stage=primary&indicator=books_per_student&format=xlsx&township=110999201`,
      );
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const [data, about] = workbook.worksheets;
      expect(data?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(data?.getRow(1).getCell(1).value).toBe('排名');
      expect(data?.rowCount).toBe(1 + 1);
      expect(about?.name).toBe('说明');
      const aboutText = JSON.stringify(about?.getSheetValues());
      expect(aboutText).toContain('西山乡');
      expect(aboutText).toContain('生成时间');
    });
  });

  describe('errors', () => {
    it('should answer 404 for an unknown district', async () => {
      const { status, body } = await getJson(`${app.baseUrl}/api/v1/districts/999999/balance?year=2024&stage=primary`);
      expect(status).toBe(404);
      expect(body.error.code).toBe('DistrictNotFound');
    });

    it('should answer 404 listing the available years for a year without data', async () => {
      const { status, body } = await getJson(`${base()}/balance?year=2019&stage=primary`);
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'YearNotFound', details: { availableYears: [2023, 2024] } });
    });

    it('should answer 400 naming each bad parameter', async () => {
      for (const [query, field] of [
        ['year=2024&stage=senior', 'stage'],
        ['year=abc&stage=primary', 'year'],
        ['year=2024&stage=primary&township=12', 'township'],
        ['year=2024&stage=primary&format=pdf', 'format'],
      ] as const) {
        const { status, body } = await getJson(`${base()}/balance?${query}`);
        expect(status).toBe(400);
        expect(body.error.code).toBe('ValidationFailed');
        expect(body.error.details.fields.map((f: { field: string }) => f.field.split('.')[0])).toContain(field);
      }
      const bad = await getJson(`${app.baseUrl}/api/v1/districts/abc/balance?year=2024&stage=primary`);
      expect(bad.status).toBe(400);
    });
  });

  it('should never answer from a stale cache after new data arrives', async () => {
    const url = `${base()}/rankings?year=2023&stage=primary&indicator=higher_degree_teachers_per100`;
    const before = RankingResponseSchema.parse((await getJson(url)).body);
    expect(before.rows.find((r) => r.code === 'C')?.value).toBeCloseTo(1, 12);
    const stat = SMALL_STATS.find((s) => s.schoolCode === 'C' && s.year === 2023);
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(
          trx,
          { schools: [], stats: [{ ...stat!, higherDegreeTeachersPrimary: 9 }], rotations: [] },
          { source: 'cli', files: [], warnings: 0 },
        ),
      );
    const after = RankingResponseSchema.parse((await getJson(url)).body);
    expect(after.rows[0]).toMatchObject({ code: 'C', rank: 1 });
    expect(after.rows[0]?.value).toBeCloseTo(9, 12);
  });

  it('should summarise every district and year exactly as the county-year reports do', async () => {
    const { status, body } = await getJson(`${app.baseUrl}/api/v1/balance-summary?stage=primary`);
    expect(status).toBe(200);
    const summary = BalanceSummaryResponseSchema.parse(body);
    expect(summary.rows.filter((r) => r.districtCode === '330999').map((r) => r.year)).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    for (const [code, year] of [
      ['330999', 2019],
      ['330999', 2025],
      [SMALL_DISTRICT.code, 2024],
    ] as const) {
      const report = BalanceResponseSchema.parse(
        (await getJson(`${app.baseUrl}/api/v1/districts/${code}/balance?year=${year}&stage=primary`)).body,
      );
      const row = summary.rows.find((r) => r.districtCode === code && r.year === year);
      expect(row).toMatchObject({
        schoolsCounted: report.schoolsCounted,
        passes: report.verdict.passes,
        blockingIndicators: report.verdict.blockingIndicators,
      });
      for (const indicator of report.indicators) expectSameCv(row?.cvs[indicator.key], indicator.cv);
    }
    const csv = await (await app.fetch(`${app.baseUrl}/api/v1/balance-summary?stage=primary&format=csv`)).text();
    expect(csv.split('\r\n').length - 2).toBe(summary.rows.length);
    // The small county has no junior students: its lines are still there, with nothing counted and no verdict
    // (fewer than 2 schools: the CVs are not meaningful, issue #15 point 6).
    const junior = BalanceSummaryResponseSchema.parse(
      (await getJson(`${app.baseUrl}/api/v1/balance-summary?stage=junior`)).body,
    );
    const keys = (rows: typeof summary.rows) => rows.map((r) => `${r.districtCode}/${r.year}`);
    expect(keys(junior.rows)).toEqual(keys(summary.rows));
    for (const row of junior.rows.filter((r) => r.districtCode === SMALL_DISTRICT.code)) {
      expect(row).toMatchObject({ schoolsCounted: 0, studentsCounted: 0, passes: null, cvPasses: null });
    }
  });

  it('should summarise only the schools a restricted user may see, as the county-year reports for that user do', async () => {
    const townships = await database.db
      .selectFrom('township')
      .select('code')
      .where('district_code', '=', '330999')
      .orderBy('code')
      .execute();
    const access: AccessScope = { districtCodes: ['330999'], townships: townships.slice(0, 3).map((t) => t.code) };
    const query = BalanceSummaryQuerySchema.parse({ stage: 'junior' });
    const everything = await getBalanceSummary(database.db, query, { districtCodes: null, townships: null });
    const summary = await getBalanceSummary(database.db, query, access);
    expect(new Set(summary.rows.map((r) => r.districtCode))).toEqual(new Set(['330999']));
    expect(summary.rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const row of summary.rows) {
      const whole = everything.rows.find((r) => r.districtCode === '330999' && r.year === row.year);
      expect(row.schoolsCounted).toBeGreaterThan(0);
      expect(row.schoolsCounted).toBeLessThan(whole?.schoolsCounted ?? 0);
      const report = await getBalance(
        database.db,
        '330999',
        CountyYearQuerySchema.parse({ year: String(row.year), stage: 'junior' }),
        access,
      );
      expect(row).toMatchObject({
        schoolsCounted: report.schoolsCounted,
        studentsCounted: report.studentsCounted,
        cvPasses: report.verdict.cvPasses,
        blockingIndicators: report.verdict.blockingIndicators,
        schoolsPassing: report.verdict.schoolsPassing,
        passes: report.verdict.passes,
      });
      for (const indicator of report.indicators) expectSameCv(row.cvs[indicator.key], indicator.cv);
    }
  });

  it('should serve cached reports compressed in production, equal to the validated answer', async () => {
    const production = await startTestApp(database.db, { NODE_ENV: 'production' });
    try {
      const url = `/api/v1/districts/330999/balance?year=2024&stage=junior`;
      const expected = (await getJson(`${app.baseUrl}${url}`)).body;
      for (let i = 0; i < 2; i += 1) {
        const res = await production.fetch(`${production.baseUrl}${url}`, { headers: { 'accept-encoding': 'gzip' } });
        expect(res.headers.get('content-encoding')).toBe('gzip');
        expect(res.headers.get('vary')).toContain('Accept-Encoding');
        expect(await res.json()).toEqual(expected);
      }
      const plain = await production.fetch(`${production.baseUrl}${url}`, {
        headers: { 'accept-encoding': 'identity' },
      });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.json()).toEqual(expected);
    } finally {
      await production.close();
    }
  });

  it('should report the demo county with every indicator computed', async () => {
    const report = BalanceResponseSchema.parse(
      (await getJson(`${app.baseUrl}/api/v1/districts/330999/balance?year=2025&stage=junior`)).body,
    );
    expect(report.schoolsCounted).toBeGreaterThan(10);
    expect(report.indicators.every((i) => i.cv !== null)).toBe(true);
  });
});
