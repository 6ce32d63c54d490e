import { loadDemoCountyIfEmpty } from '@junheng/server';
import { ApiErrorSchema, OUTSIDE_AREA_CODE } from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const DEMO = '330999';
/** The viewer's township (青石镇) and one they may not see (城东街道, the county seat). */
const MINE = '330999101';
const OTHER = '330999001';
const HIGHER = 'higher_degree_teachers_per100';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Every county-level read the dashboard makes, for one district-year. */
const READS = [
  'balance?year=2024&stage=primary',
  'balance?year=2024&stage=junior',
  'basic-balance?year=2024&stage=primary',
  `rankings?year=2024&stage=primary&indicator=${HIGHER}`,
  'urban-rural?year=2024&stage=primary',
  `decomposition?year=2024&stage=primary&indicator=${HIGHER}`,
  `equity?year=2024&stage=primary&indicator=${HIGHER}`,
  'distance-to-pass?year=2024&stage=primary',
  'scorecard?year=2024',
  `trends?stage=primary&indicator=${HIGHER}`,
];

/** The report without the parts that say whose it is: what remains are the numbers. */
function numbersOf(body: unknown): unknown {
  const { accessScope: _a, filters: _f, townshipCodes: _t, ...rest } = body as Record<string, unknown>;
  return rest;
}

describe(`township scope: a viewer learns nothing about another township (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let viewer: Fetch;
  let hidden: { code: string; name: string }[] = [];
  let mine: { code: string; name: string }[] = [];
  const url = (path: string) => `${app.baseUrl}/api/v1/districts/${DEMO}/${path}`;
  const json = async (fetcher: Fetch, target: string) => {
    const res = await fetcher(target);
    expect(res.status, target).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  /** Fails naming the first school of another township found in the text. */
  const expectNoHiddenSchool = (text: string, where: string) => {
    const leaked = hidden.find((s) => text.includes(s.code) || text.includes(s.name));
    expect(leaked, `${where} names ${JSON.stringify(leaked)}`).toBeUndefined();
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
    viewer = await app.as('viewer', { townships: [MINE] });
    const schools = await database.db.selectFrom('school').select(['code', 'name', 'township_code']).execute();
    // Names shared with a visible school (none in the demo, but be exact) would be false alarms.
    hidden = schools.filter((s) => s.township_code !== MINE).map((s) => ({ code: s.code, name: s.name }));
    mine = schools.filter((s) => s.township_code === MINE).map((s) => ({ code: s.code, name: s.name }));
    expect(mine.length).toBeGreaterThan(3);
    expect(hidden.length).toBeGreaterThan(50);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should compute every county figure over the viewer’s townships: exactly the administrator’s answer filtered to them', async () => {
    for (const path of READS) {
      const asViewer = await json(viewer, url(path));
      expect(asViewer.accessScope, path).toEqual({ restricted: true, townships: [{ code: MINE, name: '青石镇' }] });
      const separator = path.includes('?') ? '&' : '?';
      const asAdminFiltered = await json(app.fetch, url(`${path}${separator}township=${MINE}`));
      expect(numbersOf(asViewer), path).toEqual(numbersOf(asAdminFiltered));
      expectNoHiddenSchool(JSON.stringify(asViewer), path);
    }
  });

  it('should give nothing for a filter on another township, and nothing more for both', async () => {
    const other = await json(viewer, url(`balance?year=2024&stage=primary&township=${OTHER}`));
    expect(other.schoolsCounted).toBe(0);
    expect(other.schools).toEqual([]);
    const both = await json(viewer, url(`balance?year=2024&stage=primary&township=${OTHER},${MINE}`));
    const only = await json(viewer, url('balance?year=2024&stage=primary'));
    expect(both.schools).toEqual(only.schools);
    const ranking = await json(viewer, url(`rankings?year=2024&stage=primary&indicator=${HIGHER}&township=${OTHER}`));
    expect(ranking.rows).toEqual([]);
  });

  it('should answer a school of another township exactly like a school that does not exist', async () => {
    const other = await viewer(`${app.baseUrl}/api/v1/schools/${hidden[0]?.code}`);
    const none = await viewer(`${app.baseUrl}/api/v1/schools/2199999999`);
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    const a = ApiErrorSchema.parse(await other.json()).error;
    const b = ApiErrorSchema.parse(await none.json()).error;
    expect(a.code).toBe(b.code);
    expect(a.message.replaceAll(hidden[0]?.code as string, 'X')).toBe(b.message.replaceAll('2199999999', 'X'));
    for (const format of ['csv', 'xlsx']) {
      expect((await viewer(`${app.baseUrl}/api/v1/schools/${hidden[0]?.code}?format=${format}`)).status).toBe(404);
    }
    // The viewer's own school has a profile, and its county means are the scope's.
    const profile = await json(viewer, `${app.baseUrl}/api/v1/schools/${mine[0]?.code}`);
    expectNoHiddenSchool(JSON.stringify(profile), 'profile');
  });

  it('should show rotations to and from other townships as “outside your area”, counted but never named', async () => {
    const exchange = await json(viewer, url('teacher-exchange?year=2024'));
    const text = JSON.stringify(exchange);
    expectNoHiddenSchool(text, 'teacher-exchange');
    expect(text).not.toContain(OTHER);
    const flows = exchange.flows as { level: string; from: string; to: string; fromName: string; count: number }[];
    const outside = flows.filter((f) => f.from === OUTSIDE_AREA_CODE || f.to === OUTSIDE_AREA_CODE);
    expect(outside.length).toBeGreaterThan(0);
    for (const flow of outside.filter((f) => f.from === OUTSIDE_AREA_CODE)) expect(flow.fromName).toBe('区域外');
    // Locale and township levels hide the other end too: no 城区 node can come from a hidden township.
    expect(
      flows
        .filter((f) => f.level !== 'school')
        .every((f) => [MINE, OUTSIDE_AREA_CODE].includes(f.from) || f.level === 'locale'),
    ).toBe(true);
    // The counts are the administrator's for the township, with the other ends unnamed.
    const admin = await json(app.fetch, url(`teacher-exchange?year=2024&township=${MINE}`));
    expect(exchange.rotated).toBe(admin.rotated);
    expect(exchange.eligible).toBe(admin.eligible);
    expect(exchange.backboneRotated).toBe(admin.backboneRotated);
    for (const table of ['flows', 'schools', 'series']) {
      const csv = await (await viewer(url(`teacher-exchange?year=2024&format=csv&table=${table}`))).text();
      expectNoHiddenSchool(csv, `teacher-exchange ${table} CSV`);
    }
    const profile = await json(viewer, `${app.baseUrl}/api/v1/schools/${mine[0]?.code}`);
    expectNoHiddenSchool(JSON.stringify(profile), 'school profile rotations');
  });

  it('should export only the viewer’s schools, in CSV and XLSX, for every table', async () => {
    const downloads = [
      ...READS.flatMap((path) => [`${path}&format=csv`, `${path}&format=xlsx`]),
      'balance?year=2024&stage=primary&format=csv&table=schools',
      'distance-to-pass?year=2024&stage=primary&format=csv&table=plans',
      'urban-rural?year=2024&stage=primary&format=csv&table=townships',
      'school-stats?format=csv',
      'school-stats?format=xlsx&from=2024',
    ];
    for (const path of downloads) {
      const res = await viewer(url(path));
      expect(res.status, path).toBe(200);
      let text: string;
      if (path.includes('format=xlsx')) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await res.arrayBuffer());
        const cells: string[] = [];
        for (const sheet of book.worksheets) sheet.eachRow((row) => cells.push(JSON.stringify(row.values)));
        text = cells.join('\n');
        expect(text, path).toContain('访问范围');
      } else {
        text = await res.text();
      }
      expectNoHiddenSchool(text, path);
    }
    const all = await (await viewer(`${app.baseUrl}/api/v1/school-stats?format=csv&bom=false`)).text();
    const codes = new Set(
      all
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[1]?.replaceAll('"', '')),
    );
    expect([...codes].sort()).toEqual(mine.map((s) => s.code).sort());
  });

  it('should refuse a what-if on a school of another township like an unknown school, and compute over the scope', async () => {
    const post = (body: unknown) =>
      viewer(url('what-if?year=2024'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const move = (to: string) => ({
      changes: [{ type: 'move_teachers', from: mine[0]?.code, to, count: 1 }],
    });
    const other = await post(move(hidden[0]?.code as string));
    const unknown = await post(move('2199999999'));
    expect(other.status).toBe(422);
    expect(unknown.status).toBe(422);
    const otherBody = (await other.json()) as { errors: { code: string; message: string }[] };
    const unknownBody = (await unknown.json()) as { errors: { code: string; message: string }[] };
    // The answer only echoes the code the viewer typed, exactly as for a code that does not exist.
    const echo = (body: typeof otherBody, code: string) => JSON.stringify(body.errors).replaceAll(code, 'X');
    expect(echo(otherBody, hidden[0]?.code as string)).toBe(echo(unknownBody, '2199999999'));
    expect(JSON.stringify(otherBody)).not.toContain(hidden[0]?.name);
    const baseline = (await (await post({ changes: [], stage: 'primary' })).json()) as { before: unknown };
    const balance = await json(viewer, url('balance?year=2024&stage=primary'));
    expect((baseline.before as { primary: { schoolsCounted: number } }).primary.schoolsCounted).toBe(
      balance.schoolsCounted,
    );
  });

  it('should list only the viewer’s district with their township’s counts, and summarise only their schools', async () => {
    const districts = (await (await viewer(`${app.baseUrl}/api/v1/districts`)).json()) as {
      code: string;
      schools: number;
      townships: number;
    }[];
    expect(districts).toEqual([expect.objectContaining({ code: DEMO, schools: mine.length, townships: 1 })]);
    const summary = await json(viewer, `${app.baseUrl}/api/v1/balance-summary?stage=primary`);
    const balance = await json(viewer, url('balance?year=2024&stage=primary'));
    const row = (summary.rows as { year: number; schoolsCounted: number }[]).find((r) => r.year === 2024);
    expect(row?.schoolsCounted).toBe(balance.schoolsCounted);
    expect(JSON.stringify(summary)).not.toContain(OTHER);
  });

  it('should not let a viewer read import history or change anything', async () => {
    expect((await viewer(`${app.baseUrl}/api/v1/imports`)).status).toBe(403);
    const put = await viewer(url('inputs?year=2024'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(put.status).toBe(403);
  });

  it('should show a township-scoped analyst only its own rows of each import batch: no whole-batch counts, file names or checksums', async () => {
    type History = {
      batches: {
        id: number;
        files: { file: string; sha256: string }[];
        counts: Record<string, number>;
        warnings: number | null;
        scoped: boolean;
      }[];
    };
    const analyst = await app.as('analyst', { townships: [MINE] });
    const res = await analyst(`${app.baseUrl}/api/v1/imports`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const scoped = JSON.parse(text) as History;
    const whole = (await (await app.fetch(`${app.baseUrl}/api/v1/imports`)).json()) as History;
    const demo = whole.batches.find((b) => b.files.length > 0);
    expect(demo?.files.length).toBeGreaterThan(0);
    // The demo county is one batch: the analyst sees its schools and statistics of 青石镇 only.
    const statsOfMine = await database.db
      .selectFrom('school_year_stat as s')
      .innerJoin('school', 'school.code', 's.school_code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school.township_code', '=', MINE)
      .executeTakeFirstOrThrow();
    const rotationsFromMine = await database.db
      .selectFrom('rotation as r')
      .innerJoin('school', 'school.code', 'r.from_school_code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school.township_code', '=', MINE)
      .executeTakeFirstOrThrow();
    expect(scoped.batches).toEqual([
      {
        id: demo?.id,
        createdAt: expect.any(String),
        source: 'demo',
        files: [],
        counts: { schools: mine.length, school_stats: Number(statsOfMine.n), rotations: Number(rotationsFromMine.n) },
        warnings: null,
        scoped: true,
      },
    ]);
    expect(demo?.counts.schools).toBeGreaterThan(mine.length);
    for (const file of demo?.files ?? []) {
      expect(text).not.toContain(file.sha256);
      expect(text).not.toContain(file.file);
    }
  });
});

describe(`multi-county scope: a city's analyst sees whole counties of the set and nothing of the others (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  /** 澄江区, in the demo city with 澄川县; 云岭县 is of the same city but outside the set. */
  const PEER = '330991';
  const OUTSIDE = '330992';
  let database: TestDatabase;
  let app: RunningApp;
  let city: Fetch;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
    city = await app.as('analyst', { districtCodes: [DEMO, PEER] });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should give every county of the set exactly the unrestricted numbers, and name no school or county outside it', async () => {
    const outside = await database.db
      .selectFrom('school')
      .select(['code', 'name'])
      .where('district_code', 'not in', [DEMO, PEER])
      .execute();
    expect(outside.length).toBeGreaterThan(50);
    for (const district of [DEMO, PEER]) {
      for (const path of READS) {
        const target = `${app.baseUrl}/api/v1/districts/${district}/${path}`;
        const asCity = await city(target);
        const asAdmin = await app.fetch(target);
        expect(asCity.status, target).toBe(200);
        const text = await asCity.text();
        expect(numbersOf(JSON.parse(text)), target).toEqual(numbersOf(await asAdmin.json()));
        const leaked = outside.find((s) => text.includes(s.code));
        expect(leaked, `${target} names ${JSON.stringify(leaked)}`).toBeUndefined();
      }
    }
    const comparison = async (fetcher: Fetch) =>
      (await (await fetcher(`${app.baseUrl}/api/v1/county-comparison?stage=junior&year=2024`)).json()) as {
        rows: { districtCode: string }[];
      };
    const mine = await comparison(city);
    const everything = await comparison(app.fetch);
    expect(mine.rows.map((r) => r.districtCode)).toEqual([PEER, DEMO]);
    expect(mine.rows).toEqual(everything.rows.filter((r) => [DEMO, PEER].includes(r.districtCode)));
    const xlsx = await city(`${app.baseUrl}/api/v1/county-comparison?stage=junior&year=2024&format=csv&bom=false`);
    const csv = await xlsx.text();
    expect(csv).toContain(PEER);
    expect(csv).not.toContain(OUTSIDE);
    expect((await city(`${app.baseUrl}/api/v1/districts/${OUTSIDE}/balance?year=2024&stage=primary`)).status).toBe(404);
  });
});
