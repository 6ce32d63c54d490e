import type { Database } from '@junheng/db';
import type { AccessScope } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { inSchoolScope } from '../db-helpers.ts';

// ---------------------------------------------------------------------------------------------------------------
// saved_view
// ---------------------------------------------------------------------------------------------------------------

export interface SavedViewRecord {
  id: number;
  name: string;
  path: string;
  search: string;
  createdAt: Date;
}

const savedViewColumns = ['id', 'name', 'path', 'search', 'created_at'] as const;
const toSavedView = (row: { id: number; name: string; path: string; search: string; created_at: Date }) => ({
  id: row.id,
  name: row.name,
  path: row.path,
  search: row.search,
  createdAt: row.created_at,
});

export async function findSavedViews(db: Kysely<Database>, userId: number): Promise<SavedViewRecord[]> {
  const rows = await db
    .selectFrom('saved_view')
    .select(savedViewColumns)
    .where('user_id', '=', userId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toSavedView);
}

export async function findSavedViewByName(db: Kysely<Database>, userId: number, name: string) {
  return db
    .selectFrom('saved_view')
    .select('id')
    .where('user_id', '=', userId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function insertSavedView(
  db: Kysely<Database>,
  view: { userId: number; name: string; path: string; search: string },
): Promise<SavedViewRecord> {
  const row = await db
    .insertInto('saved_view')
    .values({ user_id: view.userId, name: view.name, path: view.path, search: view.search })
    .returning(savedViewColumns)
    .executeTakeFirstOrThrow();
  return toSavedView(row);
}

/** Deletes one of the user's own views; another user's view is not found (undefined), never deleted. */
export async function deleteSavedView(db: Kysely<Database>, userId: number, id: number) {
  return db
    .deleteFrom('saved_view')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------------
// note
// ---------------------------------------------------------------------------------------------------------------

export interface NoteRecord {
  id: number;
  districtCode: string;
  year: number;
  schoolCode: string | null;
  schoolName: string | null;
  indicatorKey: string | null;
  body: string;
  authorId: number | null;
  authorName: string;
  createdAt: Date;
}

export interface NoteFilter {
  districtCode: string;
  access: AccessScope;
  year?: number;
  schoolCode?: string;
  indicatorKey?: string;
  id?: number;
}

/**
 * The notes of a district the user may read: county-year and indicator notes always (the district itself is checked
 * by the caller), school notes only when the school lies in the user's township scope.
 */
export function buildNotesQuery(db: Kysely<Database>, filter: NoteFilter) {
  const { access } = filter;
  return db
    .selectFrom('note')
    .leftJoin('school', 'school.code', 'note.school_code')
    .select([
      'note.id',
      'note.district_code',
      'note.year',
      'note.school_code',
      'school.name as school_name',
      'note.indicator_key',
      'note.body',
      'note.author_id',
      'note.author_name',
      'note.created_at',
    ])
    .where('note.district_code', '=', filter.districtCode)
    .where((eb) => {
      if (access.townships === null) return eb.lit(true);
      const visible =
        access.townships.length > 0 ? eb('school.township_code', 'in', [...access.townships]) : eb.lit(false);
      return eb.or([eb('note.school_code', 'is', null), visible]);
    })
    .$if(filter.year !== undefined, (qb) => qb.where('note.year', '=', filter.year as number))
    .$if(filter.schoolCode !== undefined, (qb) => qb.where('note.school_code', '=', filter.schoolCode as string))
    .$if(filter.indicatorKey !== undefined, (qb) => qb.where('note.indicator_key', '=', filter.indicatorKey as string))
    .$if(filter.id !== undefined, (qb) => qb.where('note.id', '=', filter.id as number))
    .orderBy('note.year', 'desc')
    .orderBy('note.created_at', 'desc')
    .orderBy('note.id', 'desc');
}

export async function findNotes(db: Kysely<Database>, filter: NoteFilter): Promise<NoteRecord[]> {
  const rows = await buildNotesQuery(db, filter).execute();
  return rows.map((row) => ({
    id: row.id,
    districtCode: row.district_code,
    year: row.year,
    schoolCode: row.school_code,
    schoolName: row.school_name,
    indicatorKey: row.indicator_key,
    body: row.body,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
  }));
}

/** The school, when it belongs to the district and lies in the user's scope. */
export async function findSchoolInScope(
  db: Kysely<Database>,
  districtCode: string,
  schoolCode: string,
  access: AccessScope,
) {
  return db
    .selectFrom('school')
    .select(['school.code', 'school.name'])
    .where('school.code', '=', schoolCode)
    .where(inSchoolScope({ districtCode, access }))
    .executeTakeFirst();
}

export async function insertNote(
  db: Kysely<Database>,
  note: {
    districtCode: string;
    year: number;
    schoolCode: string | null;
    indicatorKey: string | null;
    body: string;
    authorId: number;
    authorName: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('note')
    .values({
      district_code: note.districtCode,
      year: note.year,
      school_code: note.schoolCode,
      indicator_key: note.indicatorKey,
      body: note.body,
      author_id: note.authorId,
      author_name: note.authorName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteNoteById(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('note').where('id', '=', id).execute();
}
