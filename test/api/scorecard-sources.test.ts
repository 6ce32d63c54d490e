import { findDataVersion, loadDemoCountyIfEmpty, replaceCountyInputs } from '@junheng/server';
import {
  COUNTY_INPUT_ITEMS,
  CountyInputsResponseSchema,
  type ScorecardResponse,
  ScorecardResponseSchema,
} from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenUser, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const DEMO = '330999';
/** A township of the demo county (青石镇), for the scoped viewer. */
const MINE = '330999101';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * Issue #12 point 1: the 评估总表 says, per item, where its value comes from — the view that explains a computed item,
 * or who entered a county-year input and when — and the demo's 2025 政府保障 failures are on it.
 */
describe(`scorecard sources and entered-by (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const base = () => `${app.baseUrl}/api/v1/districts/${DEMO}`;
  const scorecardAs = async (fetcher: Fetch, query: string): Promise<ScorecardResponse> => {
    const res = await fetcher(`${base()}/scorecard?${query}`);
    expect(res.status).toBe(200);
    return ScorecardResponseSchema.parse(await res.json());
  };
  const itemOf = (card: ScorecardResponse, key: string) => {
    const item = card.items.find((i) => i.key === key);
    if (!item) throw new Error(`no item ${key}`);
    return item;
  };
  const putAs = async (fetcher: Fetch, year: number, body: unknown) => {
    const res = await fetcher(`${base()}/inputs?year=${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return CountyInputsResponseSchema.parse(await res.json());
  };
  const asUser = async (username: string): Promise<Fetch> => {
    const user = await createTokenUser(database.db, 'admin', { username });
    return (url, init) => fetch(url, user.authorize(init));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should fail the four 政府保障 items of 2025 computed from school data, each naming the view that explains it', async () => {
    const card = await scorecardAs(app.fetch, 'year=2025');
    const failingGuarantee = card.items.filter((i) => i.area === 'guarantee' && i.status === 'fail');
    expect(failingGuarantee.map((i) => i.key).sort()).toEqual(
      ['class_size', 'music_art_rooms', 'school_size', 'teacher_certificate_rate'].sort(),
    );
    expect(failingGuarantee.every((i) => i.source === 'computed' && i.stage === null)).toBe(true);
    expect(itemOf(card, 'class_size').view).toBe('class_size');
    expect(itemOf(card, 'school_size').view).toBe('class_size');
    // No other view lists the schools short of rooms or with uncertified teachers: the scorecard does.
    for (const key of ['music_art_rooms', 'teacher_certificate_rate']) {
      const item = itemOf(card, key);
      expect(item.view).toBe('scorecard');
      expect(item.schools.length).toBeGreaterThan(0);
      expect(item.detailZh).not.toBeNull();
      expect(item.detailEn).not.toBeNull();
    }
    // The tallies say what the ratio counts: the schools within the size limit of those checked, certified teachers.
    const size = itemOf(card, 'school_size');
    expect(size.tally?.unit).toBe('schools');
    expect(size.value).toBeCloseTo((size.tally?.part ?? 0) / (size.tally?.whole ?? 1), 12);
    const certificate = itemOf(card, 'teacher_certificate_rate');
    expect(certificate.tally?.unit).toBe('teachers');
    expect(certificate.tally?.part).toBeLessThan(certificate.tally?.whole ?? 0);
    expect(certificate.value).toBeCloseTo((certificate.tally?.part ?? 0) / (certificate.tally?.whole ?? 1), 12);

    // Resource items are per stage and link to 差异系数 / 资源配置达标; rotation items to 教师交流轮岗.
    for (const stage of ['primary', 'junior'] as const) {
      expect(itemOf(card, `resource_cv_${stage}`)).toMatchObject({ stage, view: 'balance' });
      expect(itemOf(card, `resource_schools_${stage}`)).toMatchObject({ stage, view: 'compliance' });
    }
    expect(itemOf(card, 'resource_schools_primary').status).toBe('fail');
    expect(itemOf(card, 'rotation_ratio').view).toBe('rotation');
    expect(itemOf(card, 'rotation_backbone_share').view).toBe('rotation');

    // Nothing entered for 2025: every entered item is not entered (never a pass), with no author or time.
    const entered = card.items.filter((i) => i.source === 'entered');
    expect(entered).toHaveLength(COUNTY_INPUT_ITEMS.length);
    for (const item of entered) {
      expect(item).toMatchObject({ status: 'not_entered', view: 'county_inputs', enteredBy: null, enteredAt: null });
    }
    expect(card.passes).toBe(false);
  });

  it('should record who entered each input and when, and keep them for items a later save leaves unchanged', async () => {
    const zhang = await asUser('zhang.analyst');
    const before = Date.now();
    const first = await putAs(zhang, 2025, {
      values: { consolidation_rate: 0.97, training_hours_360: true, social_recognition: 0.8 },
      notes: { consolidation_rate: '2025 统计公报' },
    });
    const after = Date.now();
    const saved = first.items.find((i) => i.key === 'consolidation_rate');
    expect(saved?.updatedBy).toBe('zhang.analyst');
    const savedAt = Date.parse(saved?.updatedAt ?? '');
    expect(savedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(savedAt).toBeLessThanOrEqual(after + 1000);

    let card = await scorecardAs(app.fetch, 'year=2025');
    expect(itemOf(card, 'consolidation_rate')).toMatchObject({
      status: 'pass',
      value: 0.97,
      enteredBy: 'zhang.analyst',
      enteredAt: saved?.updatedAt,
      note: '2025 统计公报',
      stage: 'junior',
    });
    expect(itemOf(card, 'social_recognition')).toMatchObject({ status: 'fail', enteredBy: 'zhang.analyst' });
    expect(itemOf(card, 'layout_planning')).toMatchObject({ status: 'not_entered', enteredBy: null, enteredAt: null });

    // Another user saves the whole form again, changing one value: only that item is theirs now.
    const li = await asUser('li.admin');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await putAs(li, 2025, {
      values: { consolidation_rate: 0.97, training_hours_360: true, social_recognition: 0.9 },
      notes: { consolidation_rate: '2025 统计公报' },
    });
    card = await scorecardAs(app.fetch, 'year=2025');
    expect(itemOf(card, 'consolidation_rate')).toMatchObject({
      enteredBy: 'zhang.analyst',
      enteredAt: saved?.updatedAt,
    });
    const changed = itemOf(card, 'social_recognition');
    expect(changed).toMatchObject({ status: 'pass', value: 0.9, enteredBy: 'li.admin' });
    expect(Date.parse(changed.enteredAt ?? '')).toBeGreaterThan(savedAt);

    // The export carries the same who/when, and the inputs CSV names the author too.
    const csv = await (await app.fetch(`${base()}/scorecard?year=2025&format=csv&bom=false`)).text();
    const header = csv.split('\r\n')[0]?.split(',') ?? [];
    expect(header).toEqual(expect.arrayContaining(['学段', '数据来源', '填报人', '填报时间']));
    const row = csv
      .split('\r\n')
      .find((line) => line.split(',')[1] === 'social_recognition')
      ?.split(',');
    expect(row?.[header.indexOf('填报人')]).toBe('li.admin');
    expect(row?.[header.indexOf('填报时间')]).toBe(changed.enteredAt);
    const xlsx = await app.fetch(`${base()}/scorecard?year=2025&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

    // A save that leaves an item out deletes it: not entered again, with no author.
    await putAs(li, 2025, { values: { consolidation_rate: 0.97 }, notes: { consolidation_rate: '2025 统计公报' } });
    card = await scorecardAs(app.fetch, 'year=2025');
    expect(itemOf(card, 'social_recognition')).toMatchObject({ status: 'not_entered', enteredBy: null });
    expect(itemOf(card, 'consolidation_rate').enteredBy).toBe('zhang.analyst');
  });

  it('should change the data version when a save deletes an older item and keeps the newer one', async () => {
    const author = { id: null, name: 'version-test' };
    await replaceCountyInputs(database.db, DEMO, 2023, [{ key: 'consolidation_rate', value: 0.9, note: null }], author);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await replaceCountyInputs(
      database.db,
      DEMO,
      2023,
      [
        { key: 'consolidation_rate', value: 0.9, note: null },
        { key: 'social_recognition', value: 0.9, note: null },
      ],
      author,
    );
    const before = await findDataVersion(database.db);
    // consolidation_rate (the older row) goes; social_recognition (the newest) stays unchanged, with its time.
    await replaceCountyInputs(database.db, DEMO, 2023, [{ key: 'social_recognition', value: 0.9, note: null }], author);
    expect(await findDataVersion(database.db)).not.toBe(before);
  });

  it('should compute the items over a scoped viewer’s township only, and list only its schools', async () => {
    const viewer = await app.as('viewer', { townships: [MINE] });
    const mine = new Set(
      (await database.db.selectFrom('school').select('code').where('township_code', '=', MINE).execute()).map(
        (s) => s.code,
      ),
    );
    const scoped = await scorecardAs(viewer, 'year=2025');
    const whole = await scorecardAs(app.fetch, 'year=2025');
    expect(itemOf(scoped, 'school_size').tally?.whole).toBeLessThan(itemOf(whole, 'school_size').tally?.whole ?? 0);
    expect(itemOf(scoped, 'school_size').tally?.whole).toBeGreaterThan(0);
    expect(itemOf(scoped, 'school_size').tally?.whole).toBeLessThanOrEqual(mine.size);
    for (const item of scoped.items) {
      for (const school of item.schools) expect(mine.has(school.code), school.code).toBe(true);
    }
    // Entered items are the county's, the same for everyone who may see the county.
    expect(itemOf(scoped, 'consolidation_rate').enteredBy).toBe('zhang.analyst');
  });
});
