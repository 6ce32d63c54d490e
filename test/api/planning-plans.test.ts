import { applyDataset } from '@junheng/server';
import {
  DistanceToPassResponseSchema,
  emptySchoolStat,
  type SchoolRow,
  type SchoolStatRow,
  WHAT_IF_MAX_CHANGES,
  type WhatIfChange,
  WhatIfResponseSchema,
} from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';
import { fingerprintDatabase } from '../helpers/fingerprint.ts';

// biome-ignore lint/suspicious/noExplicitAny: error bodies are read field by field; success bodies are parsed by their schema
type Body = any;

/**
 * A hand-computable county (120999 试算县), 2024, three public primary schools (P = 400 students):
 *
 *                  students  higher-degree  per 100   sports ㎡  per st.  equipment 元  per st.
 *   P1 城区           200         16          8.0        1600      8.0      500 000      2500
 *   P2 城区           100          2          2.0         800      8.0      250 000      2500
 *   P3 乡村           100          1          1.0         600      6.0      150 000      1500
 *
 * Every other indicator is equal per student and met (backbone 2.0, PE/art 1.0, rooms 5 ㎡, multimedia 3.0 per 100).
 *
 * Higher-degree teachers per 100 (threshold 4.2, CV limit 0.50), weights 0.5 / 0.25 / 0.25:
 *   X̄ = 1900 / 400 = 4.75
 *   S² = 0.5·3.25² + 0.25·2.75² + 0.25·3.75² = 5.28125 + 1.890625 + 3.515625 = 10.6875 → CV = √10.6875 / 4.75 = 0.688247
 * Shortfalls (whole units, rounded up): P2 ⌈4.2 − 2⌉ = 3 teachers, P3 ⌈4.2 − 1⌉ = 4 teachers;
 *   P3 sports 7.5·100 − 600 = 150 ㎡, P3 equipment 2000·100 − 150 000 = 50 000 元.
 * Plan for the CV (raise the lowest to a floor L): for L just above 2, P2 +1 (→ 3.0) and P3 +2 (→ 3.0):
 *   values 8, 3, 3 → X̄ = 5.5, S² = 0.5·2.5² + 0.5·2.5² = 6.25 → CV = 2.5 / 5.5 = 0.454545 ≤ 0.50;
 *   any L ≤ 2 leaves 8, 2, 2 → CV = 3 / 5 = 0.6, so 3 teachers is the least addition.
 * What-if, 2 higher-degree teachers P1 → P3: 14 / 200 → 7.0, P3 3 / 100 → 3.0, X̄ still 4.75;
 *   S² = 0.5·2.25² + 0.25·2.75² + 0.25·1.75² = 2.53125 + 1.890625 + 0.765625 = 5.1875 → CV = 0.479497 (passes).
 */
const DISTRICT = { code: '120999', name: '试算县' };

const school = (code: string, name: string, rural: boolean, district = DISTRICT): SchoolRow => ({
  schoolCode: code,
  schoolName: name,
  districtCode: district.code,
  districtName: district.name,
  townshipCode: `${district.code}${rural ? '201' : '001'}`,
  townshipName: rural ? '东岭乡' : '城关街道',
  urbanRuralCode: rural ? '220' : '111',
  schoolType: 'primary',
  ownership: 'public',
  boarding: false,
  parentSchoolCode: null,
  groupName: null,
});

const stat = (code: string, students: number, higher: number, sports: number, equipment: number): SchoolStatRow => ({
  ...emptySchoolStat(code, 2024),
  studentsPrimary: students,
  classesPrimary: Math.ceil(students / 40),
  teachersPrimary: students / 10,
  higherDegreeTeachersPrimary: higher,
  backboneTeachersPrimary: students / 50,
  peArtTeachersPrimary: students / 100,
  seniorTitleTeachersPrimary: students / 25,
  certifiedTeachers: students / 10,
  rotationEligibleTeachers: students / 20,
  teachingRoomArea: students * 5,
  sportsArea: sports,
  equipmentValue: equipment,
  multimediaRooms: (students * 3) / 100,
  computers: students / 10,
  books: students * 30,
  musicRooms: 1,
  artRooms: 1,
  maxClassSize: 40,
});

const SCHOOLS = [
  school('P1', '试算第一小学', false),
  school('P2', '试算第二小学', false),
  school('P3', '东岭乡中心小学', true),
  school('X1', '邻县小学', false, { code: '120998', name: '邻县' }),
];
const STATS = [
  stat('P1', 200, 16, 1600, 500_000),
  stat('P2', 100, 2, 800, 250_000),
  stat('P3', 100, 1, 600, 150_000),
  stat('X1', 100, 5, 800, 250_000),
];

/** Student-weighted CV, METHOD.md §4, from [students, value] pairs. */
function weightedCv(points: readonly [number, number][]): number {
  const total = points.reduce((sum, [p]) => sum + p, 0);
  const mean = points.reduce((sum, [p, x]) => sum + p * x, 0) / total;
  const variance = points.reduce((sum, [p, x]) => sum + (p / total) * (x - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
}

describe(`distance-to-pass and what-if API (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const base = () => `${app.baseUrl}/api/v1/districts/${DISTRICT.code}`;
  const getJson = async (url: string) => {
    const res = await app.fetch(url);
    return { status: res.status, body: (await res.json()) as Body };
  };
  const postWhatIf = async (body: unknown, query = 'year=2024') => {
    const res = await app.fetch(`${base()}/what-if?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Body };
  };

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

  describe('GET distance-to-pass', () => {
    it('should give each school’s shortfall in natural units and the county totals', async () => {
      const { status, body } = await getJson(`${base()}/distance-to-pass?year=2024&stage=primary`);
      expect(status).toBe(200);
      const report = DistanceToPassResponseSchema.parse(body);
      expect(report.schoolsCounted).toBe(3);
      expect(report.rows.map((r) => [r.code, r.key, r.shortfall, r.resourceUnit])).toEqual([
        ['P2', 'higher_degree_teachers_per100', 3, 'teachers'],
        ['P3', 'higher_degree_teachers_per100', 4, 'teachers'],
        ['P3', 'sports_area_per_student', 150, 'square_metres'],
        ['P3', 'equipment_value_per_student', 50_000, 'yuan'],
      ]);
      expect(report.rows[0]).toMatchObject({ value: 2, threshold: 4.2 });
      expect(report.unitsShort).toBe(2);
      expect(report.totals).toEqual({
        higherDegreeTeachers: 7,
        backboneTeachers: 0,
        peArtTeachers: 0,
        teachingRoomAreaM2: 0,
        sportsAreaM2: 150,
        equipmentYuan: 50_000,
        multimediaRooms: 0,
      });
    });

    it('should plan the least addition that brings the failing CV under its limit', async () => {
      const report = DistanceToPassResponseSchema.parse(
        (await getJson(`${base()}/distance-to-pass?year=2024&stage=primary`)).body,
      );
      expect(report.cvPlans.map((p) => p.key)).toEqual(['higher_degree_teachers_per100']);
      const [plan] = report.cvPlans;
      expect(plan?.cvBefore).toBeCloseTo(Math.sqrt(10.6875) / 4.75, 12);
      expect(plan?.cvBefore).toBeCloseTo(0.688247, 6);
      expect(plan?.additions.map((a) => [a.code, a.amount, a.valueAfter])).toEqual([
        ['P3', 2, 3],
        ['P2', 1, 3],
      ]);
      expect(plan).toMatchObject({
        cvLimit: 0.5,
        totalAddition: 3,
        achievable: true,
        resourceUnit: 'teachers',
        schoolsMeetingBefore: 1,
        schoolsMeetingAfter: 1,
        schoolsPassingBefore: 1,
        schoolsPassingAfter: 1,
      });
      // Recompute the CV from the plan itself: P1 16, P2 2 + 1, P3 1 + 2 higher-degree teachers.
      const recomputed = weightedCv([
        [200, (100 * 16) / 200],
        [100, (100 * (2 + 1)) / 100],
        [100, (100 * (1 + 2)) / 100],
      ]);
      expect(recomputed).toBeCloseTo(2.5 / 5.5, 12);
      expect(recomputed).toBeLessThanOrEqual(0.5);
      expect(plan?.cvAfter).toBeCloseTo(recomputed, 12);
    });

    it('should download the shortfalls (default) and the plans as CSV rows matching the JSON', async () => {
      const shortfalls = await (
        await app.fetch(`${base()}/distance-to-pass?year=2024&stage=primary&format=csv&bom=false`)
      )
        .text()
        .then((t) => t.split('\r\n').filter((l) => l.length > 0));
      expect(shortfalls).toHaveLength(1 + 4);
      expect(shortfalls[0]?.split(',')).toContain('学校需增加');
      expect(shortfalls[4]?.split(',')).toEqual(expect.arrayContaining(['P3', 'equipment_value_per_student', '50000']));

      const res = await app.fetch(`${base()}/distance-to-pass?year=2024&stage=primary&format=csv&table=plans&lang=en`);
      const disposition = decodeURIComponent(res.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '');
      expect(disposition).toBe('试算县_2024_primary_CV plans.csv');
      const plans = (await res.text()).split('\r\n').filter((l) => l.length > 0);
      expect(plans).toHaveLength(1 + 2);
      const header = plans[0]?.split(',') ?? [];
      const amount = header.indexOf('School must add');
      expect(plans.slice(1).map((l) => [l.split(',')[header.indexOf('School code')], l.split(',')[amount]])).toEqual([
        ['P3', '2'],
        ['P2', '1'],
      ]);
    });

    it('should answer an empty plan for a stage without schools and 400 without a stage', async () => {
      const junior = DistanceToPassResponseSchema.parse(
        (await getJson(`${base()}/distance-to-pass?year=2024&stage=junior`)).body,
      );
      expect(junior).toMatchObject({ rows: [], cvPlans: [], unitsShort: 0, schoolsCounted: 0 });
      const bad = await getJson(`${base()}/distance-to-pass?year=2024`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.fields[0].field).toBe('stage');
      const table = await getJson(`${base()}/distance-to-pass?year=2024&stage=primary&table=budget`);
      expect(table.status).toBe(400);
    });
  });

  describe('POST what-if', () => {
    it('should return the baseline unchanged for no changes', async () => {
      const { status, body } = await postWhatIf({ changes: [] });
      expect(status).toBe(200);
      const result = WhatIfResponseSchema.parse(body);
      expect(result).toMatchObject({ valid: true, errors: [], stage: null, changes: 0 });
      expect(result.after).toEqual(result.before);
      expect(result.cvChanges).toHaveLength(14);
      expect(result.cvChanges.every((c) => !c.changed && (c.delta === null || c.delta === 0))).toBe(true);
      // The small county has no junior school: fewer than 2 counted schools give no verdict (#15.6).
      expect(result.verdicts).toEqual([
        { stage: 'primary', before: false, after: false },
        { stage: 'junior', before: null, after: null },
      ]);
    });

    it('should change the CV as hand-computed when teachers move, and write nothing', async () => {
      const before = await fingerprintDatabase(database.db);
      const change: WhatIfChange = { type: 'move_teachers', from: 'P1', to: 'P3', count: 2, higherDegree: true };
      const { status, body } = await postWhatIf({ stage: 'primary', changes: [change] });
      expect(status).toBe(200);
      const result = WhatIfResponseSchema.parse(body);
      expect(result.stage).toBe('primary');
      expect(Object.keys(result.before)).toEqual(['primary']);
      const higher = result.cvChanges.find((c) => c.key === 'higher_degree_teachers_per100');
      expect(higher?.before).toBeCloseTo(0.688247, 6);
      expect(higher?.after).toBeCloseTo(Math.sqrt(5.1875) / 4.75, 12);
      expect(higher?.after).toBeCloseTo(0.479497, 6);
      expect(higher).toMatchObject({ passesBefore: false, passesAfter: true, changed: true });
      expect(result.cvChanges.filter((c) => c.changed).map((c) => c.key)).toEqual(['higher_degree_teachers_per100']);
      const after = result.after?.primary;
      expect(after?.schools.find((s) => s.code === 'P1')?.values.higher_degree_teachers_per100).toBe(7);
      expect(after?.schools.find((s) => s.code === 'P3')?.values.higher_degree_teachers_per100).toBe(3);
      expect(after?.verdict.cvPasses).toBe(true);
      expect(result.verdicts).toEqual([{ stage: 'primary', before: false, after: false }]);
      expect(await fingerprintDatabase(database.db)).toEqual(before);

      // The stored data is still the baseline.
      const again = WhatIfResponseSchema.parse((await postWhatIf({ changes: [] })).body);
      expect(again.before.primary?.indicators[0]?.cv).toBeCloseTo(0.688247, 6);
    });

    it('should answer 422 with each rejected change, leaving the database untouched', async () => {
      const before = await fingerprintDatabase(database.db);
      const changes: WhatIfChange[] = [
        { type: 'move_teachers', from: 'P2', to: 'P3', count: 3, higherDegree: true },
        { type: 'add_resource', school: 'ZZZ', resource: 'sportsArea', amount: 100 },
        { type: 'add_resource', school: 'X1', resource: 'equipmentValue', amount: 1000 },
        { type: 'add_resource', school: 'P3', resource: 'equipmentValue', amount: 50_000 },
        { type: 'add_students', school: 'P2', stage: 'primary', count: -101 },
      ];
      const { status, body } = await postWhatIf({ changes });
      expect(status).toBe(422);
      const result = WhatIfResponseSchema.parse(body);
      expect(result.valid).toBe(false);
      expect(result.after).toBeNull();
      expect(result.errors.map((e) => [e.index, e.code])).toEqual([
        [0, 'NotEnoughTeachers'],
        [1, 'UnknownSchool'],
        [2, 'UnknownSchool'],
        [4, 'NegativeStudents'],
      ]);
      expect(result.errors[0]?.message).toContain('2');
      expect(result.cvChanges.every((c) => !c.changed)).toBe(true);
      expect(await fingerprintDatabase(database.db)).toEqual(before);
    });

    it('should refuse malformed bodies with 400 naming the field', async () => {
      const before = await fingerprintDatabase(database.db);
      const tooMany = Array.from({ length: WHAT_IF_MAX_CHANGES + 1 }, () => ({
        type: 'add_resource',
        school: 'P1',
        resource: 'books',
        amount: 1,
      }));
      const cases: [unknown, string][] = [
        [{}, 'changes'],
        [{ changes: [{ type: 'move_teachers', from: 'P1' }] }, 'changes.0'],
        [{ changes: [{ type: 'demolish', school: 'P1' }] }, 'changes.0'],
        [{ changes: [{ type: 'add_teachers', school: 'P1', stage: 'primary', count: 1.5 }] }, 'changes.0.count'],
        [{ stage: 'senior', changes: [] }, 'stage'],
        [{ includePrivate: 'yes', changes: [] }, 'includePrivate'],
        [{ changes: [], extra: 1 }, 'body'],
        [{ changes: tooMany }, 'changes'],
      ];
      for (const [body, field] of cases) {
        const res = await postWhatIf(body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.body.error.code).toBe('ValidationFailed');
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContainEqual(
          expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}`)),
        );
      }
      expect((await postWhatIf('{"changes": [')).status).toBe(400);
      expect((await postWhatIf({ changes: [] }, 'year=x')).status).toBe(400);
      expect(await fingerprintDatabase(database.db)).toEqual(before);
    });

    it('should answer 404 for an unknown district or a year without data', async () => {
      const unknown = await app.fetch(`${app.baseUrl}/api/v1/districts/999999/what-if?year=2024`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ changes: [] }),
      });
      expect(unknown.status).toBe(404);
      const noYear = await postWhatIf({ changes: [] }, 'year=2020');
      expect(noYear.status).toBe(404);
      expect(noYear.body.error).toMatchObject({ code: 'YearNotFound', details: { availableYears: [2024] } });
    });
  });
});
