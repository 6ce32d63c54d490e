import { applyDataset } from '@junheng/server';
import {
  emptySchoolStat,
  type RotationRow,
  type SchoolRow,
  type SchoolStatRow,
  TeacherExchangeResponseSchema,
} from '@junheng/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/*
 * Issue #9 point 8, a hand-computable county (120997 轮岗县), 2023–2025: public schools A (20 eligible) and B (10),
 * private school P (10).
 *   t1 A → B begun 2023 for 36 months, listed again in 2024 (a continuation), no 2025 row;
 *   t2 A → B 2024; t3 B → A 2024 (backbone); t4 P → A 2024; t5 A → P 2024. (The database keeps one row per teacher
 *   and year, so "a teacher listed twice in one year" is tested on the engine: rotation-conventions.test.ts.)
 * 2024 by default (first year, public): t2, t3, t5 of 30 = 10%; backbone t3 = 1 of 3.
 * 2024 every year + all schools: t1–t5 of 40 = 12.5%; backbone 1 of 5 = 20%.
 * 2025 every year: t1 still away → 1 of 30; first year: 0.
 */
const DISTRICT = { code: '120997', name: '轮岗县' };

const school = (code: string, ownership: 'public' | 'private'): SchoolRow => ({
  schoolCode: code,
  schoolName: `轮岗${code}校`,
  districtCode: DISTRICT.code,
  districtName: DISTRICT.name,
  townshipCode: `${DISTRICT.code}001`,
  townshipName: '城关街道',
  urbanRuralCode: '111',
  schoolType: 'primary',
  ownership,
  boarding: false,
  parentSchoolCode: null,
  groupName: null,
});

const stat = (code: string, year: number, eligible: number): SchoolStatRow => ({
  ...emptySchoolStat(code, year),
  studentsPrimary: 400,
  classesPrimary: 10,
  teachersPrimary: 30,
  higherDegreeTeachersPrimary: 30,
  certifiedTeachers: 30,
  rotationEligibleTeachers: eligible,
});

const rotation = (
  teacherRef: string,
  from: string,
  to: string,
  year: number,
  extra: Partial<RotationRow> = {},
): RotationRow => ({
  year,
  teacherRef,
  fromSchoolCode: from,
  toSchoolCode: to,
  backbone: false,
  months: 12,
  ...extra,
});

const SCHOOLS = [school('A', 'public'), school('B', 'public'), school('P', 'private')];
const STATS = [2023, 2024, 2025].flatMap((year) => [stat('A', year, 20), stat('B', year, 10), stat('P', year, 10)]);
const ROTATIONS = [
  rotation('t1', 'A', 'B', 2023, { months: 36 }),
  rotation('t1', 'A', 'B', 2024, { months: 36 }),
  rotation('t2', 'A', 'B', 2024),
  rotation('t3', 'B', 'A', 2024, { backbone: true }),
  rotation('t4', 'P', 'A', 2024),
  rotation('t5', 'A', 'P', 2024),
];

describe(`teacher-exchange conventions (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const url = (query: string) => `${app.baseUrl}/api/v1/districts/${DISTRICT.code}/teacher-exchange?${query}`;
  const getReport = async (query: string) => {
    const res = await app.fetch(url(query));
    expect(res.status, query).toBe(200);
    return TeacherExchangeResponseSchema.parse(await res.json());
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(
          trx,
          { schools: SCHOOLS, stats: STATS, rotations: ROTATIONS },
          { source: 'cli', files: [], warnings: 0 },
        ),
      );
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should count multi-year rotations in their first year and public schools only by default', async () => {
    const sut = await getReport('year=2024');
    expect(sut).toMatchObject({
      multiYear: 'first_year',
      ratioSchools: 'public',
      continuingRows: 1,
      eligible: 30,
      rotated: 3,
      ratio: 0.1,
      backboneRotated: 1,
    });
    expect(sut.series.map((s) => [s.year, s.rotated, s.eligible])).toEqual([
      [2023, 1, 30],
      [2024, 3, 30],
      [2025, 0, 30],
    ]);
  });

  it('should follow the other readings when asked', async () => {
    const sut = await getReport('year=2024&multiYear=every_year&ratioSchools=all');
    expect(sut).toMatchObject({ eligible: 40, rotated: 5, ratio: 0.125, backboneRotated: 1, backboneShare: 0.2 });
    expect(sut.series.find((s) => s.year === 2025)).toMatchObject({ rotated: 1, eligible: 40 });
  });

  it('should refuse an unknown convention with a located error', async () => {
    const res = await app.fetch(url('year=2024&multiYear=both'));
    expect(res.status).toBe(400);
    // biome-ignore lint/suspicious/noExplicitAny: the error body is read field by field
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('ValidationFailed');
    expect(body.error.details.fields[0].field).toBe('multiYear');
  });

  it('should carry the convention into the CSV and XLSX downloads', async () => {
    const query = 'year=2025&multiYear=every_year&table=years';
    const json = await getReport(query);
    // The plain CSV: full precision, equal to the JSON (the Excel CSV shows the screen's decimals).
    const res = await app.fetch(url(`${query}&format=csv&bom=false`));
    const disposition = decodeURIComponent(res.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '');
    expect(disposition).toContain('多年交流在外每个学年都计');
    const [header = [], ...rows] = parse(await res.text(), { bom: true }) as string[][];
    const col = (name: string) => header.findIndex((h) => h === name || h.startsWith(`${name}(`));
    expect(rows.map((r) => [Number(r[col('年度')]), Number(r[col('交流教师数')]), Number(r[col('交流比例')])])).toEqual(
      json.series.map((s) => [s.year, s.rotated, s.ratio]),
    );

    const xlsx = await app.fetch(url(`${query}&format=xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const about = JSON.stringify(workbook.worksheets[1]?.getSheetValues());
    expect(about).toContain('多年交流在外每个学年都计');
    expect(about).toContain('比例只计公办学校');
  });
});
