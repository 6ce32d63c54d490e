import { ApiErrorSchema, SchoolComparisonResponseSchema, YearOverYearResponseSchema } from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCounty, SMALL_DISTRICT } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * Issue #15 point 8 on the hand-computed county 小河县 (test/fixtures/small-county.ts): counted primary schools
 * A (100 students), B (200), C (100); every school has 10 teachers, 4 senior-title teachers, 5 ㎡ rooms, 8 ㎡ sports,
 * 2500 yuan equipment, 30 books per student and ceil(students/40) multimedia rooms, no backbone or PE/art teachers.
 *
 * Higher-degree teachers per 100: 2024 A 5, B 3, C 2 (X̄ 3.25, CV √1.1875 / 3.25 = 0.3352999);
 *                                 2023 A 4, B 2, C 1 (X̄ 2.25, CV √1.1875 / 2.25 = 0.4843221).
 * 2012 composite = mean of 8 CVs: rooms, sports, equipment, computers, books 0; teachers per 100 (10, 5, 10 → X̄ 7.5,
 * S 2.5) 1/3; senior title (4, 2, 4 → X̄ 3, S 1) 1/3; higher degree as above.
 *   2024: (0.3352999 + 2/3) / 8 = 0.1252458; 2023: (0.4843221 + 2/3) / 8 = 0.1438736.
 * 2024 A meets higher (5 ≥ 4.2), rooms, sports, equipment, multimedia (3 ≥ 2.3): 5 of 7; C misses higher: 4 of 7.
 */
describe(`school comparison and year-over-year API (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const base = () => `${app.baseUrl}/api/v1/districts/${SMALL_DISTRICT.code}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should put the schools side by side on every indicator, in the order asked', async () => {
    const res = await app.fetch(`${base()}/school-comparison?year=2024&stage=primary&schools=C,A`);
    expect(res.status).toBe(200);
    const report = SchoolComparisonResponseSchema.parse(await res.json());
    expect(report.schools.map((s) => [s.code, s.metCount, s.passes])).toEqual([
      ['C', 4, false],
      ['A', 5, false],
    ]);
    expect(report.rows.map((r) => r.key)).toHaveLength(7);
    const higher = report.rows.find((r) => r.key === 'higher_degree_teachers_per100');
    expect(higher?.threshold).toBe(4.2);
    expect(higher?.countyMean).toBeCloseTo(3.25, 12);
    expect(higher?.values).toEqual([
      { code: 'C', value: 2, meets: false },
      { code: 'A', value: 5, meets: true },
    ]);
    const multimedia = report.rows.find((r) => r.key === 'multimedia_rooms_per100');
    expect(multimedia?.values.map((v) => [v.value, v.meets])).toEqual([
      [3, true],
      [3, true],
    ]);
  });

  it('should name a school that is not counted that year, and refuse more than five schools', async () => {
    const missing = await app.fetch(`${base()}/school-comparison?year=2024&stage=primary&schools=A,T`);
    expect(missing.status).toBe(404);
    const error = ApiErrorSchema.parse(await missing.json()).error;
    expect(error.code).toBe('SchoolNotFound');
    expect(error.details).toEqual({ missing: ['T'] });

    const many = await app.fetch(`${base()}/school-comparison?year=2024&stage=primary&schools=A,B,C,D,E,F`);
    expect(many.status).toBe(400);
    const tooMany = ApiErrorSchema.parse(await many.json()).error;
    expect(tooMany.code).toBe('ValidationFailed');
    expect(JSON.stringify(tooMany.details)).toContain('schools');
    const none = await app.fetch(`${base()}/school-comparison?year=2024&stage=primary`);
    expect(none.status).toBe(400);
  });

  it('should export the comparison with one value and one verdict column per school', async () => {
    const res = await app.fetch(`${base()}/school-comparison?year=2024&stage=primary&schools=C,A&format=xlsx`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no data sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '指标键',
      '指标',
      '单位',
      '标准',
      '县加权平均',
      '西山乡中心小学',
      '西山乡中心小学 达标',
      '城关第一小学',
      '城关第一小学 达标',
    ]);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row).toEqual([
      'higher_degree_teachers_per100',
      expect.any(String),
      expect.any(String),
      4.2,
      3.25,
      2,
      '否',
      5,
      '是',
    ]);
  });

  it('should compare this year with last year and the first year, with changes', async () => {
    const res = await app.fetch(`${base()}/year-over-year?year=2024&stage=primary`);
    expect(res.status).toBe(200);
    const report = YearOverYearResponseSchema.parse(await res.json());
    expect(report.compared).toEqual({ first: 2023, previous: 2023, current: 2024 });
    expect(report.schoolsCounted).toMatchObject({ first: 3, previous: 3, current: 3, changeFromPrevious: 0 });
    const higher = report.rows.find((r) => r.key === 'higher_degree_teachers_per100');
    expect(higher?.cvLimit).toBe(0.5);
    expect(higher?.mean.current).toBeCloseTo(3.25, 12);
    expect(higher?.mean.previous).toBeCloseTo(2.25, 12);
    expect(higher?.mean.changeFromPrevious).toBeCloseTo(1, 12);
    expect(higher?.cv.current).toBeCloseTo(0.3352999, 6);
    expect(higher?.cv.previous).toBeCloseTo(0.4843221, 6);
    expect(higher?.cv.first).toBeCloseTo(0.4843221, 6);
    expect(higher?.cv.changeFromPrevious).toBeCloseTo(-0.1490222, 6);
    expect(higher?.cv.changeFromFirst).toBeCloseTo(-0.1490222, 6);
    const books = report.rows.find((r) => r.key === 'books_per_student');
    expect(books?.mean.current).toBeCloseTo(30, 12);
    expect(books?.cv.current).toBeCloseTo(0, 12);
    const composite = report.rows.find((r) => r.key === 'composite_2012');
    expect(composite?.cvLimit).toBe(0.65);
    // The 2012 table's rows leave out the private school B (#9.1): A and C, 100 students each. Seven of the eight
    // values are equal at A and C (CV 0); higher-degree teachers per student 2024: 0.05 and 0.02 → X̄ 0.035, S 0.015,
    // CV 3/7; 2023: 0.04 and 0.01 → X̄ 0.025, S 0.015, CV 0.6. Composite = CV / 8.
    expect(composite?.cv.current).toBeCloseTo(3 / 7 / 8, 12);
    expect(composite?.cv.previous).toBeCloseTo(0.6 / 8, 12);
    expect(composite?.cv.changeFromPrevious).toBeCloseTo(3 / 7 / 8 - 0.6 / 8, 12);
    expect(composite?.mean.current).toBeNull();
    // 7 indicators of 2017, the 4 only 2012 has, the composite.
    expect(report.rows).toHaveLength(12);
  });

  it('should leave last year and the first year empty for the first year with data', async () => {
    const res = await app.fetch(`${base()}/year-over-year?year=2023&stage=primary`);
    const report = YearOverYearResponseSchema.parse(await res.json());
    expect(report.compared).toEqual({ first: null, previous: null, current: 2023 });
    const higher = report.rows.find((r) => r.key === 'higher_degree_teachers_per100');
    expect(higher?.cv).toMatchObject({ first: null, previous: null, changeFromPrevious: null, changeFromFirst: null });
    const missing = await app.fetch(`${base()}/year-over-year?year=2019&stage=primary`);
    expect(missing.status).toBe(404);
    expect(ApiErrorSchema.parse(await missing.json()).error.code).toBe('YearNotFound');
  });

  it('should export the year-over-year table as CSV with the same numbers', async () => {
    const res = await app.fetch(`${base()}/year-over-year?year=2024&stage=primary&format=csv&bom=false`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('差异系数 本年(2024)');
    expect(lines[0]).toContain('差异系数 上年(2023)');
    const higher = lines.find((line) => line.startsWith('higher_degree_teachers_per100'));
    expect(higher).toContain('0.3352999');
    expect(higher).toContain('0.4843221');
  });
});
