import {
  ApiErrorSchema,
  AuditResponseSchema,
  NoteListSchema,
  NoteSchema,
  SavedViewListSchema,
  SavedViewSchema,
} from '@junheng/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCounty, SMALL_DISTRICT } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Issue #15 point 9: saved views (own only) and notes (批注) in the database with author and time, township scope
 * on school notes, audit entries for every write, notes in the XLSX 说明 sheet. County 小河县: A, B in 城关街道
 * (110999001), C in 西山乡 (110999201).
 */
describe(`saved views and notes API (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let analyst: Fetch;
  let viewerCity: Fetch;
  let otherAnalyst: Fetch;
  const notesUrl = () => `${app.baseUrl}/api/v1/districts/${SMALL_DISTRICT.code}/notes`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db);
    app = await startTestApp(database.db);
    analyst = await app.as('analyst');
    otherAnalyst = await app.as('analyst');
    viewerCity = await app.as('viewer', { townships: ['110999001'] });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should save, list and delete a user’s own views, and keep other users’ views apart', async () => {
    const created = await analyst(
      `${app.baseUrl}/api/v1/saved-views`,
      json({ name: '西山乡 2024 小学', path: '/balance', search: '?district=110999&year=2024&township=110999201' }),
    );
    expect(created.status).toBe(201);
    const view = SavedViewSchema.parse(await created.json());
    expect(view).toMatchObject({
      name: '西山乡 2024 小学',
      path: '/balance',
      search: 'district=110999&year=2024&township=110999201',
    });

    const duplicate = await analyst(
      `${app.baseUrl}/api/v1/saved-views`,
      json({ name: '西山乡 2024 小学', path: '/', search: '' }),
    );
    expect(duplicate.status).toBe(409);
    expect(ApiErrorSchema.parse(await duplicate.json()).error.code).toBe('Conflict');

    const mine = SavedViewListSchema.parse(await (await analyst(`${app.baseUrl}/api/v1/saved-views`)).json());
    expect(mine.views.map((v) => v.name)).toEqual(['西山乡 2024 小学']);
    const theirs = SavedViewListSchema.parse(await (await otherAnalyst(`${app.baseUrl}/api/v1/saved-views`)).json());
    expect(theirs.views).toEqual([]);

    const stolen = await otherAnalyst(`${app.baseUrl}/api/v1/saved-views/${view.id}`, { method: 'DELETE' });
    expect(stolen.status).toBe(404);
    const deleted = await analyst(`${app.baseUrl}/api/v1/saved-views/${view.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(SavedViewListSchema.parse(await (await analyst(`${app.baseUrl}/api/v1/saved-views`)).json()).views).toEqual(
      [],
    );
  });

  it('should refuse a bad saved view with located errors', async () => {
    const res = await analyst(
      `${app.baseUrl}/api/v1/saved-views`,
      json({ name: ' ', path: 'https://evil.example', search: '' }),
    );
    expect(res.status).toBe(400);
    const error = ApiErrorSchema.parse(await res.json()).error;
    expect(error.code).toBe('ValidationFailed');
    const text = JSON.stringify(error.details);
    expect(text).toContain('name');
    expect(text).toContain('path');
  });

  it('should keep notes with author and time, and show school notes only inside the reader’s township scope', async () => {
    const county = await analyst(notesUrl(), json({ year: 2024, body: '2024 年西山乡新建校舍尚未计入。' }));
    expect(county.status).toBe(201);
    const countyNote = NoteSchema.parse(await county.json());
    expect(countyNote).toMatchObject({ target: 'county', year: 2024, schoolCode: null, indicator: null });
    expect(countyNote.author).toMatch(/^analyst-/);
    expect(Date.now() - Date.parse(countyNote.createdAt)).toBeLessThan(60_000);

    const onIndicator = await analyst(
      notesUrl(),
      json({ year: 2024, indicator: 'higher_degree_teachers_per100', body: '高学历教师统计口径调整。' }),
    );
    expect(NoteSchema.parse(await onIndicator.json()).target).toBe('indicator');
    const onC = await analyst(
      notesUrl(),
      json({ year: 2024, schoolCode: 'C', body: '西山乡中心小学：教师外出培训。' }),
    );
    expect(NoteSchema.parse(await onC.json())).toMatchObject({ target: 'school', schoolName: '西山乡中心小学' });
    const onA = await analyst(notesUrl(), json({ year: 2023, schoolCode: 'A', body: '城关第一小学 2023 年扩建。' }));
    expect(onA.status).toBe(201);

    const all = NoteListSchema.parse(await (await app.fetch(`${notesUrl()}?year=2024`)).json());
    expect(all.notes.map((n) => n.body).sort()).toEqual(
      ['2024 年西山乡新建校舍尚未计入。', '西山乡中心小学：教师外出培训。', '高学历教师统计口径调整。'].sort(),
    );
    // The viewer of 城关街道 sees the county and indicator notes and the note on A, never the note on C.
    const scoped = NoteListSchema.parse(await (await viewerCity(notesUrl())).json());
    expect(scoped.notes.map((n) => n.schoolCode)).not.toContain('C');
    expect(scoped.notes.map((n) => n.target).sort()).toEqual(['county', 'indicator', 'school']);
    expect(scoped.notes.find((n) => n.target === 'school')?.schoolCode).toBe('A');
    const bySchool = NoteListSchema.parse(await (await viewerCity(`${notesUrl()}?school=C`)).json());
    expect(bySchool.notes).toEqual([]);
  });

  it('should let only administrators and analysts write notes, and only on schools they may see', async () => {
    const viewerWrite = await viewerCity(notesUrl(), json({ year: 2024, body: 'x' }));
    expect(viewerWrite.status).toBe(403);
    const scopedAnalyst = await app.as('analyst', { townships: ['110999001'] });
    const outside = await scopedAnalyst(notesUrl(), json({ year: 2024, schoolCode: 'C', body: '越权批注' }));
    expect(outside.status).toBe(404);
    expect(ApiErrorSchema.parse(await outside.json()).error.code).toBe('SchoolNotFound');
    const empty = await analyst(notesUrl(), json({ year: 2024, body: '   ' }));
    expect(empty.status).toBe(400);
    expect(JSON.stringify(ApiErrorSchema.parse(await empty.json()).error.details)).toContain('body');
    const both = await analyst(
      notesUrl(),
      json({ year: 2024, schoolCode: 'A', indicator: 'books_per_student', body: '两个目标' }),
    );
    expect(both.status).toBe(400);
  });

  it('should let the author or an administrator delete a note, nobody else', async () => {
    const note = NoteSchema.parse(await (await analyst(notesUrl(), json({ year: 2024, body: '待删除' }))).json());
    const byOther = await otherAnalyst(`${notesUrl()}/${note.id}`, { method: 'DELETE' });
    expect(byOther.status).toBe(403);
    const byAuthor = await analyst(`${notesUrl()}/${note.id}`, { method: 'DELETE' });
    expect(byAuthor.status).toBe(200);
    const again = await app.fetch(`${notesUrl()}/${note.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it('should record every write in the audit log', async () => {
    const audit = AuditResponseSchema.parse(
      await (await app.fetch(`${app.baseUrl}/api/v1/admin/audit?limit=500`)).json(),
    );
    const actions = audit.entries.map((e) => e.action);
    for (const action of ['saved_view_created', 'saved_view_deleted', 'note_created', 'note_deleted'] as const) {
      expect(actions, action).toContain(action);
    }
    const created = audit.entries.find((e) => e.action === 'note_created' && e.details.school === 'C');
    expect(created?.target).toBe(`${SMALL_DISTRICT.code}/2024`);
    expect(created?.username).toMatch(/^analyst-/);
  });

  it('should carry the county-year’s notes in the 说明 sheet of the balance XLSX, within the reader’s scope', async () => {
    const read = async (fetcher: Fetch) => {
      const res = await fetcher(
        `${app.baseUrl}/api/v1/districts/${SMALL_DISTRICT.code}/balance?year=2024&stage=primary&format=xlsx`,
      );
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const about = workbook.getWorksheet('说明');
      const lines: string[] = [];
      about?.eachRow((row) => {
        lines.push((row.values as unknown[]).slice(1).join(' | '));
      });
      return lines;
    };
    const lines = await read(app.fetch);
    const start = lines.indexOf('批注');
    expect(start).toBeGreaterThan(0);
    const notes = lines.slice(start + 1);
    expect(notes).toContainEqual(
      expect.stringMatching(/^2024 · 全县 \| 2024 年西山乡新建校舍尚未计入。（analyst-\w+，\d{4}-\d\d-\d\d /),
    );
    expect(notes).toContainEqual(
      expect.stringMatching(/^2024 · 指标: 每百名学生拥有高于规定学历教师数 \| 高学历教师统计口径调整。/),
    );
    expect(notes).toContainEqual(expect.stringMatching(/^2024 · 学校: 西山乡中心小学 \| /));
    // Only this year's notes: the 2023 note on A is not in a 2024 report.
    expect(notes.join('\n')).not.toContain('扩建');
    const scoped = await read(viewerCity);
    expect(scoped.join('\n')).not.toContain('西山乡中心小学：教师外出培训');
    expect(scoped.join('\n')).toContain('2024 年西山乡新建校舍尚未计入。');
  });

  it('should carry a school’s notes in its profile XLSX', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/v1/schools/A?format=xlsx`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const lines: string[] = [];
    workbook.getWorksheet('说明')?.eachRow((row) => {
      lines.push((row.values as unknown[]).slice(1).join(' | '));
    });
    expect(lines).toContainEqual(expect.stringMatching(/^2023 · 学校: 城关第一小学 \| 城关第一小学 2023 年扩建。/));
  });
});
