import type { Database, ImportBatchFile, SchoolYearStatRecord, StoredValueSource } from '@junheng/db';
import type { AccessScope } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { inAccessScope } from '../db-helpers.ts';

/** An import batch as provenance needs it: its file list (the stored file indices point into it), time and origin. */
export interface BatchRecord {
  id: number;
  createdAt: Date;
  source: 'api' | 'cli' | 'demo';
  files: ImportBatchFile[];
}

export type StoredSources = Record<string, StoredValueSource>;

export interface StatWithSources {
  stat: SchoolYearStatRecord;
  sources: StoredSources | null;
}

/** Years with statistics of one school, oldest first. */
export async function findStatYears(db: Kysely<Database>, code: string): Promise<number[]> {
  const rows = await db
    .selectFrom('school_year_stat')
    .select('year')
    .where('school_code', '=', code)
    .orderBy('year')
    .execute();
  return rows.map((r) => r.year);
}

export function buildFindStatsWithSourcesQuery(
  db: Kysely<Database>,
  filter: { access: AccessScope; districtCode?: string; schoolCode?: string; year?: number },
) {
  return db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .leftJoin('school_year_stat_source as src', (join) =>
      join.onRef('src.school_code', '=', 's.school_code').onRef('src.year', '=', 's.year'),
    )
    .selectAll('s')
    .select(['school.name as school_name', 'src.sources'])
    .where(inAccessScope(filter.access))
    .$if(filter.districtCode !== undefined, (qb) =>
      qb.where('school.district_code', '=', filter.districtCode as string),
    )
    .$if(filter.schoolCode !== undefined, (qb) => qb.where('s.school_code', '=', filter.schoolCode as string))
    .$if(filter.year !== undefined, (qb) => qb.where('s.year', '=', filter.year as number))
    .orderBy('s.year')
    .orderBy('s.school_code');
}

export type StatWithSourcesRecord = SchoolYearStatRecord & { school_name: string; sources: StoredSources | null };

/** The statistics rows (with their sources) of a filter: one school-year, or a county's year(s) within the scope. */
export async function findStatsWithSources(
  db: Kysely<Database>,
  filter: { access: AccessScope; districtCode?: string; schoolCode?: string; year?: number },
): Promise<StatWithSourcesRecord[]> {
  return (await buildFindStatsWithSourcesQuery(db, filter).execute()) as StatWithSourcesRecord[];
}

/** Years with statistics of a county's schools within the scope, oldest first. */
export async function findDistrictStatYears(
  db: Kysely<Database>,
  districtCode: string,
  access: AccessScope,
): Promise<number[]> {
  const rows = await db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .select('s.year')
    .distinct()
    .where('school.district_code', '=', districtCode)
    .where(inAccessScope(access))
    .orderBy('s.year')
    .execute();
  return rows.map((r) => r.year);
}

/** The sources of one school's attributes and the batch that last wrote the school. */
export async function findSchoolSources(
  db: Kysely<Database>,
  code: string,
): Promise<{ importBatchId: number | null; sources: StoredSources | null } | undefined> {
  const row = await db
    .selectFrom('school')
    .leftJoin('school_source as src', 'src.school_code', 'school.code')
    .select(['school.import_batch_id', 'src.sources'])
    .where('school.code', '=', code)
    .executeTakeFirst();
  return row && { importBatchId: row.import_batch_id, sources: row.sources ?? null };
}

/** Import batches by id (their file lists name the files the stored indices point to). */
export async function findBatches(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, BatchRecord>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_batch')
    .select(['id', 'created_at', 'source', 'files'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, createdAt: new Date(r.created_at), source: r.source as BatchRecord['source'], files: r.files },
    ]),
  );
}
