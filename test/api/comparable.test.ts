import {
  ApiErrorSchema,
  BalanceResponseSchema,
  ComparableCountiesResponseSchema,
  ComparableSchoolsResponseSchema,
} from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_RIVER, EAST_LAKE, loadPeerCounties } from '../fixtures/peer-counties.ts';
import { loadSmallCounty, SMALL_DISTRICT } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * Issue #14 point 3 on three counties: 小河县 (small-county.ts), 大河县 and 东湖县 (peer-counties.ts), 2024 primary.
 * School A (小河县, 100 students, 城区, 小学). Same-type counted parts elsewhere and their distance
 * |ln(students ratio)| + 0.5 × urban–rural steps:
 *   E1 100 城区 0 · D1 110 城区 ln 1.1 · E2 105 镇区 ln 1.05 + 0.5 · B 200 城区 ln 2 · C 100 乡村 1
 *   D3 90 乡村 ln(10/9) + 1 · D2 400 镇区 ln 4 + 0.5 · E3 1000 城区 ln 10
 * (T is a 教学点, S a 特殊教育学校 and D4 a 初级中学: other types, never comparators.)
 * Higher-degree teachers per 100 of the eight: 3, 10, 0, 3, 2, 10, 2, 6 → sorted 0 2 2 3 3 6 10 10:
 *   median 3, Q1 (position 1.75) 2, Q3 (position 5.25) 6 + 0.25 × 4 = 7; A has 5 → rank 4 of 9.
 * Counties 2024, compulsory students and share in 城区 schools:
 *   小河县 470 (A 100 + B 200 + S 40 城区 = 340) · 大河县 900 (D1 110 + D4 300 = 410) · 东湖县 1205 (E1 + E3 = 1100).
 */
const EXPECTED_ORDER = ['E1', 'D1', 'E2', 'B', 'C', 'D3', 'D2', 'E3'];
const EXPECTED_DISTANCES = [
  0,
  Math.log(1.1),
  Math.log(1.05) + 0.5,
  Math.LN2,
  1,
  Math.log(100 / 90) + 1,
  Math.log(4) + 0.5,
  Math.log(10),
];

describe(`comparable schools and counties API (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const schoolUrl = (code: string, query = 'year=2024&stage=primary') =>
    `${app.baseUrl}/api/v1/schools/${code}/comparable?${query}`;
  const countyUrl = (code: string, query = 'year=2024&stage=primary') =>
    `${app.baseUrl}/api/v1/districts/${code}/comparable?${query}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db);
    await loadPeerCounties(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should pick the nearest schools of the same type across counties, nearest first, ties by code', async () => {
    const res = await app.fetch(schoolUrl('A'));
    expect(res.status).toBe(200);
    const body = ComparableSchoolsResponseSchema.parse(await res.json());
    expect(body.school).toMatchObject({ code: 'A', students: 100, locale: 'urban', distance: 0 });
    expect(body.candidates).toBe(8);
    expect(body.rule).toEqual({ limit: 10, localeStepWeight: 0.5 });
    expect(body.comparators.map((c) => c.code)).toEqual(EXPECTED_ORDER);
    body.comparators.forEach((c, i) => {
      expect(c.distance).toBeCloseTo(EXPECTED_DISTANCES[i] as number, 12);
    });
    expect(body.comparators.map((c) => c.district.name)).toEqual([
      EAST_LAKE.name,
      BIG_RIVER.name,
      EAST_LAKE.name,
      SMALL_DISTRICT.name,
      SMALL_DISTRICT.name,
      BIG_RIVER.name,
      BIG_RIVER.name,
      EAST_LAKE.name,
    ]);
    const higher = body.indicators.find((i) => i.key === 'higher_degree_teachers_per100');
    expect(higher).toMatchObject({ value: 5, threshold: 4.2, met: true });
    expect(higher?.standing).toEqual({ n: 8, min: 0, q1: 2, median: 3, q3: 7, max: 10, rank: 4, of: 9 });
    expect(body.comparators.map((c) => c.values.higher_degree_teachers_per100)).toEqual([3, 10, 0, 3, 2, 10, 2, 6]);
  });

  it('should leave private schools out when asked, and 404 a school without a counted part of the stage', async () => {
    const publicOnly = ComparableSchoolsResponseSchema.parse(
      await (await app.fetch(schoolUrl('A', 'year=2024&stage=primary&includePrivate=false'))).json(),
    );
    expect(publicOnly.comparators.map((c) => c.code)).toEqual(EXPECTED_ORDER.filter((code) => code !== 'B'));
    const junior = await app.fetch(schoolUrl('A', 'year=2024&stage=junior'));
    expect(junior.status).toBe(404);
    expect(ApiErrorSchema.parse(await junior.json()).error.code).toBe('SchoolNotFound');
    const special = await app.fetch(schoolUrl('S'));
    expect(special.status).toBe(404);
    const bad = await app.fetch(schoolUrl('A', 'year=2024&stage=senior'));
    expect(bad.status).toBe(400);
  });

  it('should never return a comparator outside the scope of a restricted user, and 404 a school outside it', async () => {
    const county = await app.as('analyst', { districtCode: SMALL_DISTRICT.code });
    const inCounty = ComparableSchoolsResponseSchema.parse(await (await county(schoolUrl('A'))).json());
    expect(inCounty.restricted).toBe(true);
    expect(inCounty.comparators.map((c) => c.code)).toEqual(['B', 'C']);
    expect(inCounty.candidates).toBe(2);

    const township = await app.as('viewer', { districtCode: SMALL_DISTRICT.code, townships: ['110999001'] });
    const inTownship = ComparableSchoolsResponseSchema.parse(await (await township(schoolUrl('A'))).json());
    expect(inTownship.comparators.map((c) => c.code)).toEqual(['B']);
    expect((await township(schoolUrl('C'))).status).toBe(404);

    const elsewhere = await app.as('analyst', { districtCode: BIG_RIVER.code });
    const outside = await elsewhere(schoolUrl('A'));
    expect(outside.status).toBe(404);
    expect(ApiErrorSchema.parse(await outside.json()).error.code).toBe('SchoolNotFound');
    const outsideCsv = await elsewhere(schoolUrl('A', 'year=2024&stage=primary&format=csv'));
    expect(outsideCsv.status).toBe(404);
    const own = ComparableSchoolsResponseSchema.parse(await (await elsewhere(schoolUrl('D1'))).json());
    expect(own.comparators.map((c) => c.code)).toEqual(['D3', 'D2']);
  });

  it('should export both tables of the school as CSV, the school first', async () => {
    const res = await app.fetch(schoolUrl('A', 'year=2024&stage=primary&format=csv&bom=false'));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 8);
    expect(lines[0]).toContain('学校标识码');
    expect(lines[1]).toContain('本校,A,城关第一小学');
    expect(lines[2]).toContain('可比学校,E1,');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('可比学校'));
    const standing = await app.fetch(schoolUrl('A', 'year=2024&stage=primary&format=csv&bom=false&table=standing'));
    const standingLines = (await standing.text()).trim().split('\r\n');
    expect(standingLines).toHaveLength(1 + 7);
    expect(standingLines.find((l) => l.startsWith('higher_degree_teachers_per100'))).toContain(
      ',5,是,8,0,2,3,7,10,4,9',
    );
    const xlsx = await app.fetch(schoolUrl('A', 'year=2024&stage=primary&format=xlsx&table=standing'));
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['可比学校位次', '说明']);
    expect(book.worksheets[0]?.rowCount).toBe(1 + 7);
    const notes = (book.getWorksheet('说明')?.getSheetValues() ?? []).flat().join(' ');
    expect(notes).toContain('|ln(学生数之比)|');
  });

  it('should pick the nearest counties by students and urban share, with the CVs of their county reports', async () => {
    const res = await app.fetch(countyUrl(SMALL_DISTRICT.code));
    expect(res.status).toBe(200);
    const body = ComparableCountiesResponseSchema.parse(await res.json());
    expect(body.county).toMatchObject({ code: SMALL_DISTRICT.code, students: 470, distance: 0 });
    expect(body.county.urbanShare).toBeCloseTo(340 / 470, 12);
    expect(body.candidates).toBe(2);
    const distance = (students: number, urban: number) =>
      Math.abs(Math.log(students / 470)) + 2 * Math.abs(urban / students - 340 / 470);
    expect(body.comparators.map((c) => [c.code, c.students])).toEqual([
      [BIG_RIVER.code, 900],
      [EAST_LAKE.code, 1205],
    ]);
    expect(body.comparators[0]?.distance).toBeCloseTo(distance(900, 410), 12);
    expect(body.comparators[1]?.distance).toBeCloseTo(distance(1205, 1100), 12);
    for (const county of [body.county, ...body.comparators]) {
      const report = BalanceResponseSchema.parse(
        await (
          await app.fetch(`${app.baseUrl}/api/v1/districts/${county.code}/balance?year=2024&stage=primary`)
        ).json(),
      );
      expect(county.schoolsCounted).toBe(report.schoolsCounted);
      for (const indicator of report.indicators) expect(county.cvs[indicator.key]).toBe(indicator.cv);
    }
    expect(body.county.cvs.higher_degree_teachers_per100).toBeCloseTo(0.3352999, 6);
  });

  it('should give a county-restricted user no comparable county, and 404 a county outside the scope', async () => {
    const county = await app.as('analyst', { districtCode: SMALL_DISTRICT.code });
    const own = ComparableCountiesResponseSchema.parse(await (await county(countyUrl(SMALL_DISTRICT.code))).json());
    expect(own.comparators).toEqual([]);
    expect(own.candidates).toBe(0);
    const outside = await county(countyUrl(BIG_RIVER.code));
    expect(outside.status).toBe(404);
    expect(ApiErrorSchema.parse(await outside.json()).error.code).toBe('DistrictNotFound');
    const noYear = await app.fetch(countyUrl(BIG_RIVER.code, 'year=2023&stage=primary'));
    expect(noYear.status).toBe(404);
  });

  it('should export the counties as CSV, the county first', async () => {
    const res = await app.fetch(countyUrl(SMALL_DISTRICT.code, 'year=2024&stage=primary&format=csv&bom=false'));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`本县,${SMALL_DISTRICT.code},${SMALL_DISTRICT.name},470`);
    expect(lines[2]).toContain(`可比区县,${BIG_RIVER.code}`);
  });
});
