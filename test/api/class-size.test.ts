import { applyDataset } from '@junheng/server';
import { ClassSizeResponseSchema, emptySchoolStat, type SchoolRow, type SchoolStatRow } from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * 大班额 / 超大班额 and 大校额 over HTTP (issue #9 points 5 and 6), on a hand-computed county 140999 石岭县:
 *
 * 2024, primary:
 * | school | type        | primary classes | class-size data                         | 56–65 | 66+ | largest | size       |
 * | A      | primary     | 20              | per stage: max 60, 3 × 56–65            | 3     | 0   | 60 ✗    | 900        |
 * | B      | nine-year   | 12 (+9 junior)  | school-wide only: max 68, 2 / 1         | 无数据 | 无数据 | ≤ 68 ?  | 900        |
 * | C      | nine-year   | 10 (+6 junior)  | per stage: primary max 66, 1 × 66+      | 0     | 1   | 66 ✗    | 2600 > 2500 |
 * | D      | primary     | 30              | school-wide only: max 44, none large    | 0     | 0   | 44 ✓    | 2100 > 2000 |
 * classes 72, 56–65: 3, 66+: 1, without data 12; largeShare = 4/72 = 0.0555… (> 5%), hugeShare = 1/72.
 * 2023: only A, 20 classes, 1 × 56–65 → share 1/20 = 0.05 (meets ≤ 5%); no 66+.
 * Junior 2024: B 9 classes (无数据), C 6 classes (max 50 ✓) → 0 / 15, unjudged (null).
 */
const DISTRICT = { code: '140999', name: '石岭县' };

const school = (code: string, schoolType: SchoolRow['schoolType']): SchoolRow => ({
  schoolCode: code,
  schoolName: `石岭${code}学校`,
  districtCode: DISTRICT.code,
  districtName: DISTRICT.name,
  townshipCode: '140999001',
  townshipName: '城关镇',
  urbanRuralCode: '111',
  schoolType,
  ownership: 'public',
  boarding: false,
  parentSchoolCode: null,
  groupName: null,
});

const stat = (code: string, year: number, v: Partial<SchoolStatRow>): SchoolStatRow => ({
  ...emptySchoolStat(code, year),
  ...v,
});

const SCHOOLS = [school('A', 'primary'), school('B', 'nine_year'), school('C', 'nine_year'), school('D', 'primary')];
const STATS: SchoolStatRow[] = [
  stat('A', 2023, { studentsPrimary: 900, classesPrimary: 20, maxClassSize: 57, classes56To65: 1, classes66Plus: 0 }),
  stat('A', 2024, {
    studentsPrimary: 900,
    classesPrimary: 20,
    maxClassSizePrimary: 60,
    classes56To65Primary: 3,
    classes66PlusPrimary: 0,
  }),
  stat('B', 2024, {
    studentsPrimary: 500,
    studentsJunior: 400,
    classesPrimary: 12,
    classesJunior: 9,
    maxClassSize: 68,
    classes56To65: 2,
    classes66Plus: 1,
  }),
  stat('C', 2024, {
    studentsPrimary: 1600,
    studentsJunior: 1000,
    classesPrimary: 10,
    classesJunior: 6,
    maxClassSizePrimary: 66,
    classes56To65Primary: 0,
    classes66PlusPrimary: 1,
    maxClassSizeJunior: 50,
    classes56To65Junior: 0,
    classes66PlusJunior: 0,
  }),
  stat('D', 2024, { studentsPrimary: 2100, classesPrimary: 30, maxClassSize: 44, classes56To65: 0, classes66Plus: 0 }),
];

describe(`class-size API on a hand-computed county (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const base = () => `${app.baseUrl}/api/v1/districts/${DISTRICT.code}/class-size`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(trx, { schools: SCHOOLS, stats: STATS, rotations: [] }, { source: 'cli', files: [], warnings: 0 }),
      );
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should give the 56–65 and 66+ classes, their shares and the schools of a stage and year', async () => {
    const res = await app.fetch(`${base()}?year=2024&stage=primary`);
    expect(res.status).toBe(200);
    const sut = ClassSizeResponseSchema.parse(await res.json());
    expect(sut).toMatchObject({
      stage: 'primary',
      year: 2024,
      classes: 72,
      largeClasses: 3,
      hugeClasses: 1,
      classesWithoutData: 12,
      largeSharePasses: false,
      hugeSharePasses: false,
      largeShareTarget: 0.05,
      hugeShareTarget: 0,
      oversizeSchools: 2,
    });
    expect(sut.largeShare).toBeCloseTo(4 / 72, 15);
    expect(sut.hugeShare).toBeCloseTo(1 / 72, 15);
    expect(
      sut.schools.map((s) => [
        s.code,
        s.classes,
        s.largeClasses,
        s.hugeClasses,
        s.maxClassSize,
        s.students,
        s.oversize,
      ]),
    ).toEqual([
      ['C', 10, 0, 1, 66, 2600, true],
      ['A', 20, 3, 0, 60, 900, false],
      ['B', 12, null, null, null, 900, false],
      ['D', 30, 0, 0, 44, 2100, true],
    ]);
    expect(sut.schools.find((s) => s.code === 'B')).toMatchObject({ maxBound: 68, passes: null, basis: 'school' });
  });

  it('should give the trend of every year, a 5% share meeting the target', async () => {
    const sut = ClassSizeResponseSchema.parse(await (await app.fetch(`${base()}?year=2024&stage=primary`)).json());
    expect(sut.trend.map((t) => [t.year, t.classes, t.largeClasses, t.hugeClasses, t.largeShare])).toEqual([
      [2023, 20, 1, 0, 0.05],
      [2024, 72, 3, 1, 4 / 72],
    ]);
    expect(sut.trend[0]).toMatchObject({ largeSharePasses: true, hugeSharePasses: true });
  });

  it('should judge the junior stage on its own figures and leave unknown shares unjudged', async () => {
    const sut = ClassSizeResponseSchema.parse(await (await app.fetch(`${base()}?year=2024&stage=junior`)).json());
    expect(sut).toMatchObject({ classes: 15, largeClasses: 0, hugeClasses: 0, classesWithoutData: 9 });
    expect([sut.largeSharePasses, sut.hugeSharePasses]).toEqual([null, null]);
    expect(sut.schools.map((s) => [s.code, s.maxClassSize, s.passes])).toEqual([
      ['B', null, null],
      ['C', 50, true],
    ]);
  });

  it('should export the same numbers as the JSON, unknown values as 无数据 (CSV and XLSX)', async () => {
    const csv = await (await app.fetch(`${base()}?year=2024&stage=primary&format=csv&bom=false`)).text();
    const lines = csv.split('\r\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(1 + 4);
    const header = (lines[0] ?? '').split(',');
    const col = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    expect(header.slice(0, 2)).toEqual(['学校标识码', '学校名称']);
    const byCode = new Map(lines.slice(1).map((l) => [l.split(',')[0], l]));
    expect(col(byCode.get('C') ?? '', '超大班额班数(66人及以上)')).toBe('1');
    expect(col(byCode.get('A') ?? '', '大班额班数(56-65人)')).toBe('3');
    expect(col(byCode.get('B') ?? '', '大班额班数(56-65人)')).toBe('无数据');
    expect(col(byCode.get('B') ?? '', '最大班额(人)')).toBe('无数据');
    expect(col(byCode.get('D') ?? '', '超规模(大校额)')).toBe('是');

    const trend = await (await app.fetch(`${base()}?year=2024&stage=primary&format=csv&bom=false&table=trend`)).text();
    const trendLines = trend.split('\r\n').filter((l) => l.length > 0);
    const trendHeader = (trendLines[0] ?? '').split(',');
    const share = trendLines[2]?.split(',')[trendHeader.indexOf('大班额占比(56人及以上)')];
    expect(Number(share)).toBeCloseTo(4 / 72, 15);

    const res = await app.fetch(`${base()}?year=2024&stage=primary&format=xlsx`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const [data, about] = workbook.worksheets;
    expect(data?.rowCount).toBe(1 + 4);
    expect(data?.getRow(2).getCell(1).value).toBe('C');
    expect(JSON.stringify(about?.getSheetValues())).toContain('大班额');
  });

  it('should answer 400 for a bad stage', async () => {
    const res = await app.fetch(`${base()}?year=2024&stage=senior`);
    expect(res.status).toBe(400);
  });
});
