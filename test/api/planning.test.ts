import { loadDemoCountyIfEmpty } from '@junheng/server';
import {
  BalanceResponseSchema,
  COUNTY_INPUT_ITEMS,
  CountyInputsResponseSchema,
  SCORECARD_AREAS,
  ScorecardResponseSchema,
  STAGES,
} from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';
import { fingerprintDatabase } from '../helpers/fingerprint.ts';

const DEMO = '330999';
// biome-ignore lint/suspicious/noExplicitAny: error bodies are read field by field; success bodies are parsed by their schema
type Body = any;

describe(`scorecard and county-year inputs API (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const base = () => `${app.baseUrl}/api/v1/districts/${DEMO}`;
  const getJson = async (url: string) => {
    const res = await app.fetch(url);
    return { status: res.status, body: (await res.json()) as Body };
  };
  const putJson = async (url: string, body: unknown) => {
    const res = await app.fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const scorecard = async (query = 'year=2024') =>
    ScorecardResponseSchema.parse((await getJson(`${base()}/scorecard?${query}`)).body);
  const itemOf = (card: { items: { key: string }[] }, key: string) => {
    const item = card.items.find((i) => i.key === key);
    if (!item) throw new Error(`no item ${key}`);
    return item as (typeof card.items)[number] & { status: string; value: unknown };
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

  describe('GET scorecard', () => {
    it('should score every area of the demo county, with nothing entered yet', async () => {
      const card = await scorecard();
      expect(card.district).toEqual({ code: DEMO, name: '澄川县' });
      expect(card.areas.map((a) => a.area)).toEqual([...SCORECARD_AREAS]);
      for (const area of SCORECARD_AREAS) {
        expect(card.items.filter((i) => i.area === area).length).toBeGreaterThan(0);
      }
      expect(card.items.filter((i) => i.source === 'entered')).toHaveLength(COUNTY_INPUT_ITEMS.length);
      expect(card.items.filter((i) => i.source === 'entered').every((i) => i.status === 'not_entered')).toBe(true);
      expect(card.inputsUpdatedAt).toBeNull();
      expect(card.summary.total).toBe(card.items.length);
      expect(card.summary.pass + card.summary.fail + card.summary.notEntered).toBe(card.summary.total);
      expect(card.passes).toBe(false);
      const computed = card.items.filter((i) => i.source === 'computed');
      expect(computed.map((i) => i.key)).toEqual([
        'resource_cv_primary',
        'resource_schools_primary',
        'resource_cv_junior',
        'resource_schools_junior',
        'music_art_rooms',
        'school_size',
        'class_size',
        'teacher_certificate_rate',
        'rotation_ratio',
        'rotation_backbone_share',
      ]);
      // The demo county has school data, rotations and eligible teachers: every computed item is decided.
      expect(computed.every((i) => i.status !== 'not_entered')).toBe(true);
    });

    it('should agree with the balance report of each stage', async () => {
      const card = await scorecard();
      for (const stage of STAGES) {
        const balance = BalanceResponseSchema.parse((await getJson(`${base()}/balance?year=2024&stage=${stage}`)).body);
        const cvItem = itemOf(card, `resource_cv_${stage}`);
        expect(cvItem.status).toBe(balance.verdict.cvPasses ? 'pass' : 'fail');
        expect(cvItem.value).toBe(balance.indicators.filter((i) => i.cvPasses === true).length);
        const schoolsItem = itemOf(card, `resource_schools_${stage}`);
        expect(schoolsItem.status).toBe(balance.verdict.schoolsPass ? 'pass' : 'fail');
        expect(schoolsItem.value).toBeCloseTo(balance.verdict.schoolsPassing / balance.schoolsCounted, 12);
      }
    });

    it('should apply the school filters to the computed items', async () => {
      for (const filter of ['locale=rural', 'includePrivate=false', 'township=330999101,330999102']) {
        const card = await scorecard(`year=2024&${filter}`);
        const balance = BalanceResponseSchema.parse(
          (await getJson(`${base()}/balance?year=2024&stage=primary&${filter}`)).body,
        );
        expect(card.filters).toEqual(balance.filters);
        const schoolsItem = itemOf(card, 'resource_schools_primary');
        expect(schoolsItem.value).toBeCloseTo(balance.verdict.schoolsPassing / balance.schoolsCounted, 12);
      }
    });

    it('should download one CSV row per item, matching the JSON', async () => {
      const card = await scorecard();
      const res = await app.fetch(`${base()}/scorecard?year=2024&format=csv&bom=false&lang=en`);
      expect(res.status).toBe(200);
      const disposition = decodeURIComponent(res.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '');
      expect(disposition).toBe('澄川县_2024_Scorecard_full-precision.csv');
      const lines = (await res.text()).split('\r\n').filter((l) => l.length > 0);
      expect(lines[0]).toBe(
        'Area,Key,Item,Stage,Source,Kind,Value,Count,Requirement,Status,Detail,Explained in,Entered by,Entered at,Note',
      );
      expect(lines).toHaveLength(1 + card.items.length);
      expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(card.items.map((i) => i.key));
      const schoolsLine = lines.find((l) => l.split(',')[1] === 'resource_schools_primary')?.split(',');
      expect(Number(schoolsLine?.[6])).toBe(itemOf(card, 'resource_schools_primary').value);
    });

    it('should answer 404 for an unknown district and for a year without data', async () => {
      const unknown = await getJson(`${app.baseUrl}/api/v1/districts/999999/scorecard?year=2024`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('DistrictNotFound');
      const noYear = await getJson(`${base()}/scorecard?year=2030`);
      expect(noYear.status).toBe(404);
      expect(noYear.body.error).toMatchObject({
        code: 'YearNotFound',
        details: { availableYears: [2019, 2020, 2021, 2022, 2023, 2024, 2025] },
      });
      expect((await getJson(`${base()}/scorecard`)).status).toBe(400);
    });
  });

  describe('GET and PUT inputs', () => {
    it('should list every input item as not entered before anything is saved', async () => {
      const { status, body } = await getJson(`${base()}/inputs?year=2024`);
      expect(status).toBe(200);
      const inputs = CountyInputsResponseSchema.parse(body);
      expect(inputs.items.map((i) => i.key)).toEqual(COUNTY_INPUT_ITEMS.map((i) => i.key));
      expect(inputs.items.every((i) => i.value === null && i.note === null && i.status === 'not_entered')).toBe(true);
      expect(inputs.values).toEqual({});
      expect(inputs.updatedAt).toBeNull();
    });

    it('should save inputs and turn not_entered into pass or fail on the scorecard', async () => {
      const saved = await putJson(`${base()}/inputs?year=2024`, {
        consolidation_rate: 0.97,
        social_recognition: 0.8,
        layout_planning: true,
        training_hours_360: false,
        quality_monitoring_gap: 0.12,
        special_school_funding: null,
      });
      expect(saved.status).toBe(200);
      const inputs = CountyInputsResponseSchema.parse(saved.body);
      expect(inputs.values).toEqual({
        consolidation_rate: 0.97,
        social_recognition: 0.8,
        layout_planning: true,
        training_hours_360: false,
        quality_monitoring_gap: 0.12,
        special_school_funding: null,
      });
      expect(inputs.updatedAt).not.toBeNull();

      const card = await scorecard();
      expect(itemOf(card, 'consolidation_rate')).toMatchObject({ status: 'pass', value: 0.97 });
      expect(itemOf(card, 'social_recognition')).toMatchObject({ status: 'fail', value: 0.8, area: 'recognition' });
      expect(itemOf(card, 'layout_planning')).toMatchObject({ status: 'pass', value: true });
      expect(itemOf(card, 'training_hours_360')).toMatchObject({ status: 'fail', value: false });
      expect(itemOf(card, 'quality_monitoring_gap')).toMatchObject({ status: 'pass' });
      expect(itemOf(card, 'special_school_funding')).toMatchObject({ status: 'not_entered', value: null });
      expect(card.inputsUpdatedAt).toBe(inputs.updatedAt);
      const recognition = card.areas.find((a) => a.area === 'recognition');
      expect(recognition).toMatchObject({ total: 1, pass: 0, fail: 1, notEntered: 0 });

      // Another year is untouched.
      const other = await scorecard('year=2023');
      expect(itemOf(other, 'consolidation_rate').status).toBe('not_entered');
    });

    it('should replace the whole county-year on the next PUT, notes included', async () => {
      const { status, body } = await putJson(`${base()}/inputs?year=2024`, {
        values: { social_recognition: 0.91 },
        notes: { social_recognition: '2024年第三方满意度调查', curriculum_complete: '待督导复核' },
      });
      expect(status).toBe(200);
      const inputs = CountyInputsResponseSchema.parse(body);
      expect(inputs.values).toEqual({ social_recognition: 0.91, curriculum_complete: null });
      const entry = inputs.items.find((i) => i.key === 'social_recognition');
      expect(entry).toMatchObject({ value: 0.91, note: '2024年第三方满意度调查', status: 'pass' });
      expect(inputs.items.find((i) => i.key === 'curriculum_complete')).toMatchObject({
        value: null,
        note: '待督导复核',
        status: 'not_entered',
      });
      expect(inputs.items.find((i) => i.key === 'consolidation_rate')?.value).toBeNull();
      const card = await scorecard();
      expect(itemOf(card, 'consolidation_rate').status).toBe('not_entered');
      expect(itemOf(card, 'social_recognition').status).toBe('pass');

      const bytes = new Uint8Array(await (await app.fetch(`${base()}/inputs?year=2024&format=csv`)).arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      expect(csv.split('\r\n').filter((l) => l.length > 0)).toHaveLength(1 + COUNTY_INPUT_ITEMS.length);
    });

    it('should refuse bad bodies with 400 naming each field, and write nothing', async () => {
      const before = await fingerprintDatabase(database.db);
      const cases: [unknown, string[]][] = [
        [{ bogus: 1 }, ['bogus']],
        [{ layout_planning: 0.5 }, ['layout_planning']],
        [{ consolidation_rate: 1.2, social_recognition: -0.1 }, ['consolidation_rate', 'social_recognition']],
        [{ special_school_funding: '6000' }, ['special_school_funding']],
        [{ values: { consolidation_rate: 95 }, notes: { nope: 'x' } }, ['notes.nope', 'values.consolidation_rate']],
        [[0.97], ['body']],
      ];
      for (const [body, fields] of cases) {
        const res = await putJson(`${base()}/inputs?year=2024`, body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('ValidationFailed');
        expect(res.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(fields);
        for (const field of fields) expect(res.body.error.message).toContain(field);
      }
      const malformed = await putJson(`${base()}/inputs?year=2024`, '{"consolidation_rate": 0.9');
      expect(malformed.status).toBe(400);
      const badYear = await putJson(`${base()}/inputs?year=20x4`, { consolidation_rate: 0.9 });
      expect(badYear.status).toBe(400);
      expect(badYear.body.error.details.fields[0].field).toBe('year');
      expect(await fingerprintDatabase(database.db)).toEqual(before);
    });

    it('should answer 404 for an unknown district and write nothing', async () => {
      const before = await fingerprintDatabase(database.db);
      const put = await putJson(`${app.baseUrl}/api/v1/districts/999999/inputs?year=2024`, { consolidation_rate: 0.9 });
      expect(put.status).toBe(404);
      expect(put.body.error.code).toBe('DistrictNotFound');
      const get = await getJson(`${app.baseUrl}/api/v1/districts/999999/inputs?year=2024`);
      expect(get.status).toBe(404);
      expect(await fingerprintDatabase(database.db)).toEqual(before);
    });
  });
});
