import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { SchoolProfileResponseSchema, type SchoolRow, type SchoolStatRow, TrendsResponseSchema } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';
import { fingerprintDatabase } from '../helpers/fingerprint.ts';

/**
 * Issue #13 (school identity across years): the demo county's 2024 data, then 2025 with a renamed school, a merge, a
 * closure and a school silently missing; the events are stored and shown by the profile and the trends. A wrong
 * merge target is a located error and changes nothing.
 */
const demo = generateDemoCounty();
const primaries = demo.schools.filter(
  (s) =>
    s.schoolType === 'primary' &&
    s.parentSchoolCode === null &&
    !demo.schools.some((child) => child.parentSchoolCode === s.schoolCode),
);
const [renamed, merged, target, closed, missing] = primaries as [SchoolRow, SchoolRow, SchoolRow, SchoolRow, SchoolRow];
const NEW_NAME = `${renamed.schoolName.replace(/小学$/, '')}实验小学（更名）`;

const statsOf = (year: number, except: readonly string[] = []): SchoolStatRow[] =>
  demo.stats.filter((s) => s.year === year && !except.includes(s.schoolCode));

function files(dataset: { schools: SchoolRow[]; stats: SchoolStatRow[] }) {
  const csv = datasetToCsvFiles({ ...dataset, rotations: [] });
  return [
    { name: '学校基本信息.csv', bytes: csv['schools.csv'] },
    { name: '学校年度统计.csv', bytes: csv['school_stats.csv'] },
  ];
}

describe(`school identity across years (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const getJson = async (path: string) => {
    const res = await app.fetch(`${app.baseUrl}${path}`);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.db);
    const first = await postFiles(app, files({ schools: demo.schools, stats: statsOf(2024) }));
    expect(first.body.errors).toEqual([]);
    expect(first.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should refuse a merge into an unknown school with a located error, changing nothing', async () => {
    const before = await fingerprintDatabase(database.db);
    const schools = demo.schools.map((s) =>
      s.schoolCode === merged.schoolCode ? { ...s, mergedIntoCode: '9999999999', closedYear: 2025 } : s,
    );
    const res = await postFiles(app, files({ schools, stats: statsOf(2025, [merged.schoolCode]) }));
    expect(res.status).toBe(422);
    expect(res.body.applied).toBe(false);
    const row = demo.schools.findIndex((s) => s.schoolCode === merged.schoolCode) + 2;
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ file: '学校基本信息.csv', row, column: '撤并入学校标识码', value: '9999999999' }),
    );
    expect(await fingerprintDatabase(database.db)).toEqual(before);
  });

  it('should record a rename, a merge and a closure of 2025, and warn about a school silently missing', async () => {
    const schools = demo.schools.map((s) => {
      if (s.schoolCode === renamed.schoolCode) return { ...s, schoolName: NEW_NAME };
      if (s.schoolCode === merged.schoolCode) return { ...s, mergedIntoCode: target.schoolCode };
      if (s.schoolCode === closed.schoolCode) return { ...s, closedYear: 2025 };
      return s;
    });
    const stats = statsOf(2025, [merged.schoolCode, closed.schoolCode, missing.schoolCode]);
    const res = await postFiles(app, files({ schools, stats }));
    expect(res.body.errors).toEqual([]);
    expect(res.status).toBe(200);
    const messages = (res.body.warnings as { message: string; value: string | null }[]).map((w) => w.message);
    expect(messages.some((m) => m.includes(`「${renamed.schoolName}」改为「${NEW_NAME}」`))).toBe(true);
    expect(messages.some((m) => m.includes('撤并入') && m.includes(target.schoolName))).toBe(true);
    expect(res.body.warnings).toContainEqual(expect.objectContaining({ value: missing.schoolCode }));

    const events = await database.db
      .selectFrom('school_event')
      .select(['school_code', 'year', 'kind', 'old_value', 'new_value', 'target_school_code'])
      .orderBy('school_code')
      .execute();
    expect(events).toEqual(
      [
        { code: renamed.schoolCode, kind: 'renamed', old: renamed.schoolName, now: NEW_NAME, to: null },
        { code: merged.schoolCode, kind: 'merged_into', old: null, now: null, to: target.schoolCode },
        { code: closed.schoolCode, kind: 'closed', old: null, now: null, to: null },
      ]
        .map((e) => ({
          school_code: e.code,
          year: 2025,
          kind: e.kind,
          old_value: e.old,
          new_value: e.now,
          target_school_code: e.to,
        }))
        .sort((a, b) => a.school_code.localeCompare(b.school_code)),
    );
  });

  it('should show the former name and the events on the school profiles', async () => {
    const own = SchoolProfileResponseSchema.parse((await getJson(`/api/v1/schools/${renamed.schoolCode}`)).body);
    expect(own.school.name).toBe(NEW_NAME);
    expect(own.formerNames).toEqual([{ name: renamed.schoolName, until: 2024 }]);
    expect(own.events).toEqual([
      expect.objectContaining({ kind: 'renamed', year: 2025, schoolName: renamed.schoolName, newValue: NEW_NAME }),
    ]);
    const into = SchoolProfileResponseSchema.parse((await getJson(`/api/v1/schools/${target.schoolCode}`)).body);
    expect(into.events).toEqual([
      expect.objectContaining({
        kind: 'merged_into',
        schoolCode: merged.schoolCode,
        schoolName: merged.schoolName,
        targetSchoolName: target.schoolName,
      }),
    ]);
    const gone = SchoolProfileResponseSchema.parse((await getJson(`/api/v1/schools/${merged.schoolCode}`)).body);
    expect(gone.years).toEqual([2024]);
    expect(gone.events?.map((e) => e.kind)).toEqual(['merged_into']);
  });

  it('should list the year’s events on the trends, and count the merged school’s students in its target', async () => {
    const path = `/api/v1/districts/${demo.district.code}/trends?stage=primary&indicator=higher_degree_teachers_per100`;
    const trends = TrendsResponseSchema.parse((await getJson(path)).body);
    expect(trends.rows.map((r) => r.year)).toEqual([2024, 2025]);
    expect(trends.schoolEvents?.map((e) => [e.year, e.kind, e.schoolCode])).toEqual(
      [
        [2025, 'closed', closed.schoolCode],
        [2025, 'merged_into', merged.schoolCode],
        [2025, 'renamed', renamed.schoolCode],
      ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    );
    const [y2024, y2025] = trends.rows as [(typeof trends.rows)[0], (typeof trends.rows)[0]];
    // At least three fewer schools in 2025 (merged, closed, missing): the CV of 2025 is over the new set of schools.
    expect(y2025.schoolsCounted).toBeLessThanOrEqual(y2024.schoolsCounted - 3);
    // A range without the events lists none.
    const earlier = TrendsResponseSchema.parse((await getJson(`${path}&to=2024`)).body);
    expect(earlier.schoolEvents).toEqual([]);
  });

  it('should not record the same events twice when the same files are imported again', async () => {
    const count = async () =>
      (
        await database.db
          .selectFrom('school_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n;
    const before = Number(await count());
    const schools = demo.schools.map((s) => (s.schoolCode === renamed.schoolCode ? { ...s, schoolName: NEW_NAME } : s));
    const res = await postFiles(app, files({ schools, stats: statsOf(2025, [merged.schoolCode, closed.schoolCode]) }));
    expect(res.body.errors).toEqual([]);
    expect(Number(await count())).toBe(before);
  });
});
