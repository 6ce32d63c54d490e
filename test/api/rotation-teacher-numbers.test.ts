import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { applyDataset } from '@junheng/server';
import type { RotationRow, SchoolRow } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/** Teacher numbers are unique per county and year: a second county may number its teachers the same way. */
const demo = generateDemoCounty();
const COUNTY_B = '330998';
const inB = (code: string) => `8${code.slice(1)}`;
const schoolsB: SchoolRow[] = demo.schools.map((s) => ({
  ...s,
  schoolCode: inB(s.schoolCode),
  districtCode: COUNTY_B,
  districtName: '临川县',
  townshipCode: `${COUNTY_B}${s.townshipCode.slice(6)}`,
  parentSchoolCode: null,
}));
const [a1, a2] = demo.schools.map((s) => s.schoolCode) as [string, string];
const [b1, b2] = schoolsB.map((s) => s.schoolCode) as [string, string];

const rotation = (teacherRef: string, fromSchoolCode: string, toSchoolCode: string): RotationRow => ({
  year: 2024,
  teacherRef,
  fromSchoolCode,
  toSchoolCode,
  backbone: false,
  months: 12,
});
const csv = (rotations: RotationRow[]) => datasetToCsvFiles({ schools: [], stats: [], rotations })['rotations.csv'];

describe(`teacher numbers per county (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.db);
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(
          trx,
          { schools: [...demo.schools, ...schoolsB], stats: [], rotations: [] },
          { source: 'demo', files: [], warnings: 0 },
        ),
      );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const stored = () =>
    database.db
      .selectFrom('rotation')
      .select(['district_code', 'teacher_ref', 'from_school_code'])
      .orderBy('district_code')
      .orderBy('teacher_ref')
      .execute();

  it('should accept a county reusing the teacher numbers of another county, and replace only its own', async () => {
    const a = await postFiles(app, [
      { name: 'a.csv', bytes: csv([rotation('T001', a1, a2), rotation('T002', a2, a1)]) },
    ]);
    expect(a.status).toBe(200);
    const b = await postFiles(app, [{ name: 'b.csv', bytes: csv([rotation('T001', b1, b2)]) }]);
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ applied: true, errors: [], warnings: [] });
    expect(await stored()).toEqual([
      { district_code: COUNTY_B, teacher_ref: 'T001', from_school_code: b1 },
      { district_code: '330999', teacher_ref: 'T001', from_school_code: a1 },
      { district_code: '330999', teacher_ref: 'T002', from_school_code: a2 },
    ]);

    // County B's corrected file replaces B's 2024, and leaves A's as it was.
    const again = await postFiles(app, [{ name: 'b2.csv', bytes: csv([rotation('T002', b2, b1)]) }]);
    expect(again.status).toBe(200);
    expect(await stored()).toEqual([
      { district_code: COUNTY_B, teacher_ref: 'T002', from_school_code: b2 },
      { district_code: '330999', teacher_ref: 'T001', from_school_code: a1 },
      { district_code: '330999', teacher_ref: 'T002', from_school_code: a2 },
    ]);
  });

  it('should keep the same number in two counties of one file, and report a repeat within a county at its row', async () => {
    const rows = [rotation('T009', a1, a2), rotation('T009', b1, b2), rotation('T009', a2, a1)];
    const res = await postFiles(app, [{ name: 'two.csv', bytes: csv(rows) }]);
    expect(res.status).toBe(200);
    expect(res.body.counts.rotations).toBe(2);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        file: 'two.csv',
        row: 4,
        column: '教师编号',
        value: 'T009',
        message: expect.stringContaining('已在「two.csv」第 2 行记录过交流'),
      }),
    ]);
    expect(await stored()).toEqual([
      { district_code: COUNTY_B, teacher_ref: 'T009', from_school_code: b1 },
      { district_code: '330999', teacher_ref: 'T009', from_school_code: a1 },
    ]);
  });
});
