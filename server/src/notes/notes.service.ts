import type { Database } from '@junheng/db';
import type {
  AccessScope,
  IndicatorKey,
  Note,
  NoteCreate,
  NoteListQuery,
  SavedView,
  SavedViewCreate,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { requireDistrict } from '../county/county.service.ts';
import { describeIndicator } from '../export/indicator-labels.ts';
import { formatTimestamp } from '../export/xlsx.ts';
import { HttpError } from '../http/errors.ts';
import {
  deleteNoteById,
  deleteSavedView,
  findNotes,
  findSavedViewByName,
  findSavedViews,
  findSchoolInScope,
  insertNote,
  insertSavedView,
  type NoteRecord,
  type SavedViewRecord,
} from './notes.repository.ts';

const toSavedView = (record: SavedViewRecord): SavedView => ({
  ...record,
  createdAt: record.createdAt.toISOString(),
});

export async function listSavedViews(db: Kysely<Database>, userId: number): Promise<SavedView[]> {
  return (await findSavedViews(db, userId)).map(toSavedView);
}

/** Saves a named view for its user; a name the user already has (case-insensitive) is a 409. */
export async function createSavedView(
  db: Kysely<Database>,
  userId: number,
  request: SavedViewCreate,
): Promise<SavedView> {
  if (await findSavedViewByName(db, userId, request.name)) {
    throw new HttpError(409, 'Conflict', `已有同名视图：${request.name} / You already have a view with that name`);
  }
  return toSavedView(await insertSavedView(db, { userId, ...request }));
}

export async function removeSavedView(db: Kysely<Database>, userId: number, id: number): Promise<{ name: string }> {
  const deleted = await deleteSavedView(db, userId, id);
  if (!deleted) throw new HttpError(404, 'NotFound', `没有编号为 ${id} 的已保存视图 / No saved view ${id}`);
  return deleted;
}

function toNote(record: NoteRecord): Note {
  return {
    id: record.id,
    districtCode: record.districtCode,
    year: record.year,
    target: record.schoolCode !== null ? 'school' : record.indicatorKey !== null ? 'indicator' : 'county',
    schoolCode: record.schoolCode,
    schoolName: record.schoolName,
    indicator: record.indicatorKey as IndicatorKey | null,
    body: record.body,
    author: record.authorName,
    authorId: record.authorId,
    createdAt: record.createdAt.toISOString(),
  };
}

/** Notes of a district the user may read (school notes only for schools in the user's scope), newest year first. */
export async function listNotes(
  db: Kysely<Database>,
  code: string,
  query: NoteListQuery,
  access: AccessScope,
): Promise<Note[]> {
  const district = await requireDistrict(db, code, access);
  const records = await findNotes(db, {
    districtCode: district.code,
    access,
    ...(query.year === undefined ? {} : { year: query.year }),
    ...(query.school === undefined ? {} : { schoolCode: query.school }),
    ...(query.indicator === undefined ? {} : { indicatorKey: query.indicator }),
  });
  return records.map(toNote);
}

/** Adds a note; a school note needs a school of the district inside the writer's own scope (else 404). */
export async function createNote(
  db: Kysely<Database>,
  code: string,
  request: NoteCreate,
  principal: Principal,
): Promise<Note> {
  const district = await requireDistrict(db, code, principal.access);
  if (request.schoolCode !== null) {
    const school = await findSchoolInScope(db, district.code, request.schoolCode, principal.access);
    if (!school) {
      throw new HttpError(404, 'SchoolNotFound', `没有学校 ${request.schoolCode} / No school ${request.schoolCode}`);
    }
  }
  const id = await insertNote(db, {
    districtCode: district.code,
    year: request.year,
    schoolCode: request.schoolCode,
    indicatorKey: request.indicator,
    body: request.body,
    authorId: principal.userId,
    authorName: principal.username,
  });
  const [created] = await findNotes(db, { districtCode: district.code, access: principal.access, id });
  if (!created) throw new Error(`note ${id} not readable after insert`);
  return toNote(created);
}

/** Deletes a note the user can see: its author may, an administrator may; anyone else gets 403. */
export async function removeNote(db: Kysely<Database>, code: string, id: number, principal: Principal): Promise<Note> {
  const district = await requireDistrict(db, code, principal.access);
  const [found] = await findNotes(db, { districtCode: district.code, access: principal.access, id });
  if (!found) throw new HttpError(404, 'NotFound', `没有编号为 ${id} 的批注 / No note ${id}`);
  if (principal.role !== 'admin' && found.authorId !== principal.userId) {
    throw new HttpError(403, 'Forbidden', '只能删除自己写的批注 / You can only delete your own notes');
  }
  await deleteNoteById(db, id);
  return toNote(found);
}

/** What a note is on, for the 说明 sheet: 全县 / the indicator / the school. */
function describeTarget(note: Note, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  if (note.target === 'school') return `${zh ? '学校' : 'School'}: ${note.schoolName ?? note.schoolCode}`;
  if (note.target === 'indicator' && note.indicator) {
    return `${zh ? '指标' : 'Indicator'}: ${describeIndicator(note.indicator)[zh ? 'zh' : 'en']}`;
  }
  return zh ? '全县' : 'County';
}

/**
 * The notes an export carries in its 说明 sheet: those of the county-year (county, indicator and visible school
 * notes), or of one school across its years. Each line: "2024 · 指标: …" → "text (author, time)".
 */
export async function findExportNotes(
  db: Kysely<Database>,
  filter: { districtCode: string; access: AccessScope; year?: number; schoolCode?: string },
  lang: 'zh' | 'en',
): Promise<[string, string][]> {
  const records = await findNotes(db, filter);
  return records
    .map(toNote)
    .map((note): [string, string] => [
      `${note.year} · ${describeTarget(note, lang)}`,
      `${note.body}（${note.author}，${formatTimestamp(new Date(note.createdAt))}）`,
    ]);
}
