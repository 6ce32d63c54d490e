import { findStats, UNRESTRICTED_ACCESS } from '@junheng/server';
import {
  ApiErrorSchema,
  ImportInspectionSchema,
  ImportMappingListSchema,
  ImportMappingSchema,
  ImportReportSchema,
  type SchoolStatRow,
} from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officePreset, officeStatsWorkbook } from '../../server/src/imports/sources/mapped-fixture.ts';
import { stat } from '../../server/src/imports/test-support.ts';
import { loadSmallCounty, SMALL_DISTRICT } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
const OTHER_DISTRICT = '120999';

/** 2025 (and 2026) statistics of the small county's three counted schools, in the office's own table. */
const year = (y: number): SchoolStatRow[] => [
  stat({ year: y, schoolCode: 'A', studentsPrimary: 110 + y - 2025, equipmentValue: 312_500 }),
  stat({ year: y, schoolCode: 'B', studentsPrimary: 205, books: 6_150 }),
  stat({ year: y, schoolCode: 'C', studentsPrimary: 98, computers: 11 }),
];
const NAMES = { A: '城关第一小学', B: '城关第二小学', C: '西山乡中心小学' };

function form(files: { name: string; bytes: Uint8Array }[], fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const f of files) body.append('files', new Blob([f.bytes as BlobPart]), f.name);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return body;
}
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Issue #13 point 3: an unrecognised table is inspected, mapped, previewed and saved as a preset; the next import of
 * a table with the same headers applies it by itself. Presets are scoped to counties and audited.
 */
describe(`column mapping presets (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let admin: Fetch;
  let otherAdmin: Fetch;
  let analyst: Fetch;
  let file2025: Uint8Array;
  let presetId: number;
  const url = (path: string) => `${app.baseUrl}${path}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db);
    await database.db.insertInto('district').values({ code: OTHER_DISTRICT, name: '别县' }).execute();
    app = await startTestApp(database.db);
    admin = await app.as('admin', { districtCode: SMALL_DISTRICT.code });
    otherAdmin = await app.as('admin', { districtCode: OTHER_DISTRICT });
    analyst = await app.as('analyst', { districtCode: SMALL_DISTRICT.code });
    file2025 = await officeStatsWorkbook(year(2025), { title: '小河县2025年学校基本情况统计表', names: NAMES });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const storedStats = async (y: number) =>
    (await findStats(database.db, { districtCode: SMALL_DISTRICT.code, access: UNRESTRICTED_ACCESS }))
      .filter((s) => s.year === y)
      .sort((a, b) => a.schoolCode.localeCompare(b.schoolCode));

  it('should inspect an unrecognised table: header tree, samples and a suggested mapping, nothing written', async () => {
    const res = await admin(url('/api/v1/imports/inspect'), {
      method: 'POST',
      body: form([{ name: '学校统计2025.xlsx', bytes: file2025 }]),
    });
    expect(res.status).toBe(200);
    const [file] = ImportInspectionSchema.parse(await res.json()).files;
    expect(file).toMatchObject({
      file: '学校统计2025.xlsx',
      recognised: false,
      preset: null,
      sheet: '学校统计',
      headerRows: [2, 3],
      firstDataRow: 4,
      dataRows: 3,
    });
    expect(file?.columns.slice(0, 5).map((c) => `${c.letter}:${c.label}`)).toEqual([
      'A:统计年度',
      'B:学校名称',
      'C:学校代码',
      'D:在校学生 > 小学',
      'E:在校学生 > 初中',
    ]);
    expect(file?.sampleRows.map((r) => r.cells.slice(0, 4))).toEqual([
      ['2025', '城关第一小学', 'A', '110'],
      ['2025', '城关第二小学', 'B', '205'],
      ['2025', '西山乡中心小学', 'C', '98'],
    ]);
    expect(file?.suggestion).toMatchObject({
      kind: 'school_stats',
      columns: { year: '统计年度', school_code: '学校代码' },
    });
    expect(await storedStats(2025)).toEqual([]);
  });

  it('should preview an unsaved mapping in a dry run: the values as they would be stored, 万元 in 元', async () => {
    const res = await admin(url('/api/v1/imports?dryRun=true'), {
      method: 'POST',
      body: form([{ name: '学校统计2025.xlsx', bytes: file2025 }], { mapping: JSON.stringify(officePreset('草稿')) }),
    });
    const report = ImportReportSchema.parse(await res.json());
    expect(res.status, JSON.stringify(report.errors)).toBe(200);
    expect(report).toMatchObject({ applied: false, counts: { school_stats: 3 } });
    expect(report.files[0]).toMatchObject({ kind: 'school_stats', format: 'mapped' });
    expect(report.preview?.stats.map((s) => [s.schoolCode, s.studentsPrimary, s.equipmentValue])).toEqual([
      ['A', 110, 312_500],
      ['B', 205, 1_500_000],
      ['C', 98, 1_500_000],
    ]);
    expect(await storedStats(2025)).toEqual([]);
  });

  it('should refuse a bad preset with 400 naming each wrong field', async () => {
    const bad = officePreset('坏预设');
    const res = await admin(
      url('/api/v1/import-mappings'),
      json('POST', {
        ...bad,
        columns: { ...bad.columns, students_primary: '没有这一列', year: undefined, no_such_field: '学校名称' },
      }),
    );
    expect(res.status).toBe(400);
    const error = ApiErrorSchema.parse(await res.json()).error;
    const fields = (error.details as { fields: { field: string; message: string }[] }).fields.map((f) => f.field);
    expect(fields.sort()).toEqual(['columns.no_such_field', 'columns.students_primary', 'columns.year']);

    const form400 = await admin(url('/api/v1/imports?dryRun=true'), {
      method: 'POST',
      body: form([{ name: 'x.xlsx', bytes: file2025 }], { mapping: '{"name": "x", "kind": "school_stats"' }),
    });
    expect(form400.status).toBe(400);
    expect(JSON.stringify(await form400.json())).toContain('"field":"mapping"');
  });

  it('should save the preset in the importer’s county (audited) and apply it by itself to the next imports', async () => {
    const created = await admin(url('/api/v1/import-mappings'), json('POST', officePreset('县统计表')));
    expect(created.status).toBe(201);
    const preset = ImportMappingSchema.parse(await created.json());
    presetId = preset.id;
    expect(preset).toMatchObject({ name: '县统计表', districtCode: SMALL_DISTRICT.code, firstDataRow: 4 });
    const duplicate = await admin(url('/api/v1/import-mappings'), json('POST', officePreset('县统计表')));
    expect(duplicate.status).toBe(409);

    const imported = await admin(url('/api/v1/imports'), {
      method: 'POST',
      body: form([{ name: '学校统计2025.xlsx', bytes: file2025 }]),
    });
    const report = ImportReportSchema.parse(await imported.json());
    expect(imported.status, JSON.stringify(report.errors)).toBe(200);
    expect(report).toMatchObject({ applied: true, counts: { school_stats: 3 } });
    expect(report.files[0]?.format).toBe('mapped');
    const expected = (y: number) => year(y);
    expect(await storedStats(2025)).toEqual(expected(2025));

    // Next year's file: another title, other numbers, the same headers.
    const next = await officeStatsWorkbook(year(2026), { title: '小河县2026年学校基本情况统计表', names: NAMES });
    const inspected = ImportInspectionSchema.parse(
      await (
        await admin(url('/api/v1/imports/inspect'), {
          method: 'POST',
          body: form([{ name: '2026.xlsx', bytes: next }]),
        })
      ).json(),
    );
    expect(inspected.files[0]).toMatchObject({ recognised: true, format: 'mapped', preset: { id: presetId } });
    const second = await admin(url('/api/v1/imports'), {
      method: 'POST',
      body: form([{ name: '2026.xlsx', bytes: next }]),
    });
    expect(second.status).toBe(200);
    expect(await storedStats(2026)).toEqual(expected(2026));

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', 'like', 'import_mapping_%')
      .execute();
    expect(audit).toEqual([{ action: 'import_mapping_created', target: String(presetId) }]);
  });

  it('should keep a county’s presets from another county’s users: not listed, not applied, not named', async () => {
    const mine = ImportMappingListSchema.parse(await (await analyst(url('/api/v1/import-mappings'))).json());
    expect(mine.mappings.map((m) => m.name)).toEqual(['县统计表']);
    const theirs = ImportMappingListSchema.parse(await (await otherAdmin(url('/api/v1/import-mappings'))).json());
    expect(theirs.mappings).toEqual([]);

    const other = await otherAdmin(url('/api/v1/imports?dryRun=true'), {
      method: 'POST',
      body: form([{ name: '学校统计2025.xlsx', bytes: file2025 }]),
    });
    expect(other.status).toBe(422);
    const report = ImportReportSchema.parse(await other.json());
    expect(report.files[0]?.kind).toBeNull();
    const byId = await otherAdmin(url('/api/v1/imports?dryRun=true'), {
      method: 'POST',
      body: form([{ name: '学校统计2025.xlsx', bytes: file2025 }], { mappingId: String(presetId) }),
    });
    expect(byId.status).toBe(404);
    expect((await otherAdmin(url(`/api/v1/import-mappings/${presetId}`), { method: 'DELETE' })).status).toBe(404);
    const outside = await otherAdmin(
      url('/api/v1/import-mappings'),
      json('POST', officePreset('越界', SMALL_DISTRICT.code)),
    );
    expect(outside.status).toBe(400);
  });

  it('should let only importers change or delete a preset, each change audited', async () => {
    expect((await analyst(url(`/api/v1/import-mappings/${presetId}`), { method: 'DELETE' })).status).toBe(403);
    const renamed = await admin(
      url(`/api/v1/import-mappings/${presetId}`),
      json('PUT', officePreset('县统计表（新）')),
    );
    expect(renamed.status).toBe(200);
    expect(ImportMappingSchema.parse(await renamed.json()).name).toBe('县统计表（新）');
    expect((await admin(url(`/api/v1/import-mappings/${presetId}`), { method: 'DELETE' })).status).toBe(200);
    const list = ImportMappingListSchema.parse(await (await admin(url('/api/v1/import-mappings'))).json());
    expect(list.mappings).toEqual([]);
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'import_mapping_%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'import_mapping_created',
      'import_mapping_updated',
      'import_mapping_deleted',
    ]);
  });
});
