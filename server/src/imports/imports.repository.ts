import type { Database, ImportBatchFile } from '@junheng/db';
import type {
  AccessScope,
  ImportKind,
  RotationRow,
  SchoolEventRow,
  SchoolRow,
  SchoolStatRow,
  SchoolType,
} from '@junheng/shared';
import { type Kysely, sql, type Transaction } from 'kysely';
import { STAT_FIELDS, statRecordToRow, statRowToRecord } from '../county/stat-records.ts';
import { inAccessScope, isRestricted } from '../db-helpers.ts';
import { encodeRowSources, type RowSources, statSourceKey } from '../provenance/value-sources.ts';
import type { StoredSchoolIdentity } from './school-events.ts';
import type { CountyImportSettings } from './validate-import.ts';

type Db = Kysely<Database> | Transaction<Database>;

// PostgreSQL takes at most 65 535 bind parameters per statement; statistics rows have 33 columns.
const INSERT_CHUNK_ROWS = 1000;
/** Codes per `in (…)` list of a lookup. */
const LOOKUP_CHUNK = 5000;

export async function insertImportBatch(
  db: Db,
  batch: {
    source: 'api' | 'cli' | 'demo';
    files: ImportBatchFile[];
    counts: Record<ImportKind, number>;
    warnings: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('import_batch')
    .values({
      source: batch.source,
      files: JSON.stringify(batch.files),
      counts: JSON.stringify(batch.counts),
      warnings: batch.warnings,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Where the values of the rows being written were read, and the batch's file list the stored indices point into. */
export interface SourcesToStore {
  rows: ReadonlyMap<string, RowSources>;
  fileIndex: ReadonlyMap<string, number>;
}

export async function upsertSchools(
  db: Db,
  schools: SchoolRow[],
  importBatchId: number,
  sources?: SourcesToStore,
): Promise<void> {
  if (schools.length === 0) return;
  const districts = uniqueBy(schools, (s) => s.districtCode).map((s) => ({
    code: s.districtCode,
    name: s.districtName,
    city_name: schools.find((row) => row.districtCode === s.districtCode && row.cityName)?.cityName ?? null,
  }));
  await db
    .insertInto('district')
    .values(districts)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: (eb) => eb.ref('excluded.name'),
        // A file without the city column keeps the city name already known.
        city_name: sql<string | null>`coalesce(excluded.city_name, district.city_name)`,
      }),
    )
    .execute();
  const townships = uniqueBy(schools, (s) => s.townshipCode).map((s) => ({
    code: s.townshipCode,
    district_code: s.districtCode,
    name: s.townshipName,
  }));
  await db
    .insertInto('township')
    .values(townships)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: (eb) => eb.ref('excluded.name'),
        district_code: (eb) => eb.ref('excluded.district_code'),
      }),
    )
    .execute();
  for (const chunk of chunks(schools, INSERT_CHUNK_ROWS)) {
    await db
      .insertInto('school')
      .values(
        chunk.map((s) => ({
          code: s.schoolCode,
          name: s.schoolName,
          district_code: s.districtCode,
          township_code: s.townshipCode,
          urban_rural_code: s.urbanRuralCode,
          school_type: s.schoolType,
          ownership: s.ownership,
          boarding: s.boarding,
          parent_school_code: s.parentSchoolCode,
          group_name: s.groupName,
          import_batch_id: importBatchId,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          district_code: eb.ref('excluded.district_code'),
          township_code: eb.ref('excluded.township_code'),
          urban_rural_code: eb.ref('excluded.urban_rural_code'),
          school_type: eb.ref('excluded.school_type'),
          ownership: eb.ref('excluded.ownership'),
          boarding: eb.ref('excluded.boarding'),
          parent_school_code: eb.ref('excluded.parent_school_code'),
          group_name: eb.ref('excluded.group_name'),
          import_batch_id: eb.ref('excluded.import_batch_id'),
        })),
      )
      .execute();
    await replaceSources(
      db,
      'school_source',
      chunk.map((s) => ({ key: s.schoolCode, schoolCode: s.schoolCode })),
      importBatchId,
      sources,
    );
  }
}

/**
 * The provenance of rows just written replaces what was recorded for them: rows with sources get theirs (upserted),
 * rows written without (demo data, a reader that records none) lose the old ones, which described values no longer
 * stored. Deletes go year by year (`year = … and school_code in …`), exact and along the primary key.
 */
async function replaceSources(
  db: Db,
  table: 'school_source' | 'school_year_stat_source',
  rows: { key: string; schoolCode: string; year?: number }[],
  importBatchId: number,
  sources: SourcesToStore | undefined,
): Promise<void> {
  const withSources: { school_code: string; year?: number; import_batch_id: number; sources: string }[] = [];
  const without: { schoolCode: string; year?: number }[] = [];
  for (const r of rows) {
    const rowSources = sources?.rows.get(r.key);
    const encoded = rowSources && encodeRowSources(rowSources, sources?.fileIndex ?? new Map());
    if (encoded) {
      withSources.push({
        school_code: r.schoolCode,
        ...(r.year === undefined ? {} : { year: r.year }),
        import_batch_id: importBatchId,
        sources: JSON.stringify(encoded),
      });
    } else without.push(r);
  }
  if (table === 'school_source') {
    if (without.length > 0) {
      await db
        .deleteFrom('school_source')
        .where(
          'school_code',
          'in',
          without.map((r) => r.schoolCode),
        )
        .execute();
    }
    if (withSources.length > 0) {
      await db
        .insertInto('school_source')
        .values(withSources)
        .onConflict((oc) =>
          oc.column('school_code').doUpdateSet({
            import_batch_id: (eb) => eb.ref('excluded.import_batch_id'),
            sources: (eb) => eb.ref('excluded.sources'),
          }),
        )
        .execute();
    }
    return;
  }
  const byYear = new Map<number, string[]>();
  for (const r of without) {
    const codes = byYear.get(r.year as number);
    if (codes) codes.push(r.schoolCode);
    else byYear.set(r.year as number, [r.schoolCode]);
  }
  for (const [year, codes] of byYear) {
    await db.deleteFrom('school_year_stat_source').where('year', '=', year).where('school_code', 'in', codes).execute();
  }
  if (withSources.length > 0) {
    await db
      .insertInto('school_year_stat_source')
      .values(withSources as { school_code: string; year: number; import_batch_id: number; sources: string }[])
      .onConflict((oc) =>
        oc.columns(['school_code', 'year']).doUpdateSet({
          import_batch_id: (eb) => eb.ref('excluded.import_batch_id'),
          sources: (eb) => eb.ref('excluded.sources'),
        }),
      )
      .execute();
  }
}

/** The years with statistics of the schools whose rows the batch wrote. */
export async function findYearsOfSchoolsInBatch(db: Db, importBatchId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('school')
    .innerJoin('school_year_stat as s', 's.school_code', 'school.code')
    .where('school.import_batch_id', '=', importBatchId)
    .select('s.year')
    .distinct()
    .execute();
  return rows.map((r) => r.year);
}

/** Re-importing a school-year replaces it whole. */
export async function upsertSchoolStats(
  db: Db,
  stats: SchoolStatRow[],
  importBatchId: number,
  sources?: SourcesToStore,
): Promise<void> {
  const updatable = [...STAT_FIELDS.map((f) => f.key), 'import_batch_id'];
  for (const chunk of chunks(stats, INSERT_CHUNK_ROWS)) {
    await db
      .insertInto('school_year_stat')
      .values(chunk.map((row) => statRowToRecord(row, importBatchId)))
      .onConflict((oc) =>
        oc
          .columns(['school_code', 'year'])
          .doUpdateSet(Object.fromEntries(updatable.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
      )
      .execute();
    await replaceSources(
      db,
      'school_year_stat_source',
      chunk.map((row) => ({
        key: statSourceKey(row.schoolCode, row.year),
        schoolCode: row.schoolCode,
        year: row.year,
      })),
      importBatchId,
      sources,
    );
  }
}

/**
 * 符合交流条件教师数 of stored school-years, derived from teacher rosters (issue #13): only that field changes; the row
 * keeps the batch of the statistics it came with.
 */
export async function updateRotationEligibleTeachers(
  db: Db,
  updates: readonly { schoolCode: string; year: number; rotationEligibleTeachers: number }[],
): Promise<void> {
  for (const chunk of chunks([...updates], INSERT_CHUNK_ROWS)) {
    const values = sql.join(
      chunk.map((u) => sql`(${u.schoolCode}::text, ${u.year}::int, ${u.rotationEligibleTeachers}::int)`),
    );
    await sql`
      update school_year_stat as s set rotation_eligible_teachers = v.n
      from (values ${values}) as v(code, year, n)
      where s.school_code = v.code and s.year = v.year`.execute(db);
  }
}

/**
 * A rotations file is the full list for each year it contains: the earlier records of those years of the counties
 * (区县) it sends teachers from are replaced, so a corrected file also removes rows the first one had wrong. Each row
 * records the county of its sending school, within which a teacher number is unique per year.
 */
export async function replaceRotations(db: Db, rotations: RotationRow[], importBatchId: number): Promise<void> {
  if (rotations.length === 0) return;
  const years = [...new Set(rotations.map((r) => r.year))];
  const fromSchools = [...new Set(rotations.map((r) => r.fromSchoolCode))];
  const senders = await db
    .selectFrom('school')
    .select(['code', 'district_code'])
    .where('code', 'in', fromSchools)
    .execute();
  const districtOf = new Map(senders.map((s) => [s.code, s.district_code]));
  const districts = [...new Set(districtOf.values())];
  await db
    .deleteFrom('rotation')
    .where('year', 'in', years)
    .where((eb) =>
      eb.or([
        eb('district_code', 'in', districts),
        eb('from_school_code', 'in', eb.selectFrom('school').select('code').where('district_code', 'in', districts)),
      ]),
    )
    .execute();
  for (const chunk of chunks(rotations, INSERT_CHUNK_ROWS)) {
    await db
      .insertInto('rotation')
      .values(
        chunk.map((r) => ({
          district_code: districtOf.get(r.fromSchoolCode) as string,
          year: r.year,
          teacher_ref: r.teacherRef,
          from_school_code: r.fromSchoolCode,
          to_school_code: r.toSchoolCode,
          backbone: r.backbone,
          months: r.months,
          import_batch_id: importBatchId,
        })),
      )
      .execute();
  }
}

/**
 * Advisory-lock namespace of county writes ('JH'); the second key is a hash of the six-digit county code.
 * Imports of one county take the lock before they write anything, so two of them run one after the other: the later
 * one replaces the earlier county-year instead of merging with it, and their row locks can never deadlock. Counties
 * are locked in code order, so two imports spanning several counties cannot deadlock on the locks either. On PGlite
 * (a single connection, transactions already one at a time) the lock is always free at once.
 */
const COUNTY_WRITE_LOCK = 0x4a48;

export async function lockCountyWrites(db: Transaction<Database>, districtCodes: Iterable<string>): Promise<void> {
  for (const code of [...new Set(districtCodes)].sort()) {
    await sql`select pg_advisory_xact_lock(${COUNTY_WRITE_LOCK}::int, hashtext(${code}::text))`.execute(db);
  }
}

/** District of every stored school, for a district-scoped administrator's import. */
/**
 * The county of each stored school named in `codes`, or of every school of `districts`. Either list may be long (one
 * import's codes): they are sent in chunks, far below PostgreSQL's bind-parameter limit.
 */
export async function findSchoolDistricts(
  db: Db,
  of: { codes: readonly string[] } | { districts: readonly string[] },
): Promise<Map<string, string>> {
  const [column, values] = 'codes' in of ? (['code', of.codes] as const) : (['district_code', of.districts] as const);
  const result = new Map<string, string>();
  for (const chunk of chunks([...new Set(values)], LOOKUP_CHUNK)) {
    const rows = await db.selectFrom('school').select(['code', 'district_code']).where(column, 'in', chunk).execute();
    for (const r of rows) result.set(r.code, r.district_code.trim());
  }
  return result;
}

/** Parent school of every stored school of `districts` that has one (教学点 merged into their parent, issue #13). */
export async function findSchoolParents(db: Db, districts: readonly string[]): Promise<Map<string, string>> {
  if (districts.length === 0) return new Map();
  const rows = await db
    .selectFrom('school')
    .select(['code', 'parent_school_code'])
    .where('district_code', 'in', districts)
    .where('parent_school_code', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code, r.parent_school_code as string]));
}

/** Stored import settings of those of `districts` that have any (issue #13); the others use the defaults. */
export async function findCountyImportSettings(
  db: Db,
  districts: readonly string[],
): Promise<Map<string, CountyImportSettings>> {
  if (districts.length === 0) return new Map();
  const rows = await db
    .selectFrom('county_import_setting')
    .select(['district_code', 'teaching_points', 'rotation_eligible_years'])
    .where('district_code', 'in', districts)
    .execute();
  return new Map(
    rows.map((r) => [
      r.district_code,
      { teachingPoints: r.teaching_points, rotationEligibleYears: r.rotation_eligible_years },
    ]),
  );
}

/** Statistics of the given years of the schools named, for the year-on-year checks (codes are sent in chunks). */
export async function findStatsOfYears(
  db: Db,
  years: readonly number[],
  codes: readonly string[],
): Promise<SchoolStatRow[]> {
  if (years.length === 0) return [];
  const rows: SchoolStatRow[] = [];
  for (const chunk of chunks([...new Set(codes)], LOOKUP_CHUNK)) {
    const found = await db
      .selectFrom('school_year_stat')
      .selectAll()
      .where('year', 'in', years)
      .where('school_code', 'in', chunk)
      .execute();
    for (const r of found) rows.push(statRecordToRow(r));
  }
  return rows;
}

export async function countRows(db: Db): Promise<Record<'schools' | 'school_stats' | 'rotations' | 'batches', number>> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('school').select(sql<number>`count(*)::int`.as('n')).as('schools'),
      eb.selectFrom('school_year_stat').select(sql<number>`count(*)::int`.as('n')).as('school_stats'),
      eb.selectFrom('rotation').select(sql<number>`count(*)::int`.as('n')).as('rotations'),
      eb.selectFrom('import_batch').select(sql<number>`count(*)::int`.as('n')).as('batches'),
    ])
    .executeTakeFirstOrThrow();
  return {
    schools: row.schools ?? 0,
    school_stats: row.school_stats ?? 0,
    rotations: row.rotations ?? 0,
    batches: row.batches ?? 0,
  };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * The newest import batches first: when, from where, which files (with checksums) and how many rows. A user limited
 * to some schools sees only the batches that still hold rows of theirs, and of those only the rows within the scope:
 * the whole-batch counts, file names, checksums and warnings describe other districts' or townships' rows and are
 * left out (`scoped`).
 */
export async function findImportBatches(db: Db, access: AccessScope, limit = 100) {
  if (!isRestricted(access)) {
    const rows = await db
      .selectFrom('import_batch as b')
      .select(['b.id', 'b.created_at', 'b.source', 'b.files', 'b.counts', 'b.warnings'])
      .orderBy('b.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      source: r.source,
      files: r.files.map((f) => ({ ...f, kind: f.kind as 'schools' | 'school_stats' | 'rotations' | null })),
      counts: r.counts,
      warnings: r.warnings as number | null,
      scoped: false,
    }));
  }
  const rows = await db
    .selectFrom('import_batch as b')
    .select(['b.id', 'b.created_at', 'b.source'])
    .select((eb) => [
      eb
        .selectFrom('school')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('school.import_batch_id', '=', 'b.id')
        .where(inAccessScope(access))
        .as('schools'),
      eb
        .selectFrom('school_year_stat as s')
        .innerJoin('school', 'school.code', 's.school_code')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.import_batch_id', '=', 'b.id')
        .where(inAccessScope(access))
        .as('school_stats'),
      eb
        .selectFrom('rotation as r')
        .innerJoin('school', 'school.code', 'r.from_school_code')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.import_batch_id', '=', 'b.id')
        .where(inAccessScope(access))
        .as('rotations'),
    ])
    .orderBy('b.id', 'desc')
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      source: r.source,
      files: [],
      counts: { schools: r.schools ?? 0, school_stats: r.school_stats ?? 0, rotations: r.rotations ?? 0 },
      warnings: null,
      scoped: true,
    }))
    .filter((b) => b.counts.schools + b.counts.school_stats + b.counts.rotations > 0)
    .slice(0, limit);
}

// ------------------------------------------------------------------------------- school identity across years (#13)

/**
 * Name, type, township, statistics years and closure of every stored school of `districts`: the import's change
 * detection. Of the statistics years only the first, the last and those within a year of the imported ones are read
 * (one row per school, so that a large county does not send every school-year to each import).
 */
export async function findStoredSchoolIdentities(
  db: Db,
  districts: readonly string[],
  importYears: readonly number[] = [],
): Promise<Map<string, StoredSchoolIdentity>> {
  if (districts.length === 0) return new Map();
  const low = importYears.length > 0 ? Math.min(...importYears) - 1 : 0;
  const high = importYears.length > 0 ? Math.max(...importYears) : -1;
  const schoolsOfDistricts = db.selectFrom('school').select('code').where('district_code', 'in', districts);
  const [schools, years, closures] = await Promise.all([
    db
      .selectFrom('school')
      .innerJoin('township', 'township.code', 'school.township_code')
      .select([
        'school.code',
        'school.name',
        'school.school_type',
        'school.township_code',
        'township.name as township_name',
        'school.district_code',
      ])
      .where('school.district_code', 'in', districts)
      .execute(),
    db
      .selectFrom('school_year_stat')
      .select([
        'school_code',
        sql<number>`min(year)::int`.as('first'),
        sql<number>`max(year)::int`.as('last'),
        sql<string | null>`string_agg(year::text, ',' order by year) filter (where year between ${low} and ${high})`.as(
          'near',
        ),
      ])
      .where('school_code', 'in', schoolsOfDistricts)
      .groupBy('school_code')
      .execute(),
    db
      .selectFrom('school_event')
      .select(['school_code', 'year'])
      .where('kind', 'in', ['merged_into', 'closed'])
      .where('school_code', 'in', schoolsOfDistricts)
      .execute(),
  ]);
  const yearsOf = new Map<string, number[]>();
  for (const { school_code, first, last, near } of years) {
    const list = [Number(first), ...(near ? near.split(',').map(Number) : []), Number(last)];
    yearsOf.set(
      school_code,
      [...new Set(list)].sort((a, b) => a - b),
    );
  }
  const closedOf = new Map(closures.map((c) => [c.school_code, c.year] as const));
  return new Map(
    schools.map((s) => [
      s.code,
      {
        name: s.name,
        schoolType: s.school_type as SchoolType,
        townshipCode: s.township_code.trim(),
        townshipName: s.township_name,
        districtCode: s.district_code.trim(),
        statYears: yearsOf.get(s.code) ?? [],
        closedYear: closedOf.get(s.code) ?? null,
      },
    ]),
  );
}

/**
 * Records school events (issue #13). One row per school, year and kind: a second rename in the same year keeps the
 * first old value and takes the new one (a rename back to the old value removes the row). A school has one closure:
 * a merge or closure replaces the one recorded before (a corrected year or target).
 */
export async function upsertSchoolEvents(db: Db, events: readonly SchoolEventRow[], importBatchId: number) {
  if (events.length === 0) return;
  const closing = events.filter((e) => e.kind === 'merged_into' || e.kind === 'closed').map((e) => e.schoolCode);
  if (closing.length > 0) {
    await db
      .deleteFrom('school_event')
      .where('school_code', 'in', closing)
      .where('kind', 'in', ['merged_into', 'closed'])
      .execute();
  }
  for (const chunk of chunks([...events], INSERT_CHUNK_ROWS)) {
    await db
      .insertInto('school_event')
      .values(
        chunk.map((e) => ({
          school_code: e.schoolCode,
          year: e.year,
          kind: e.kind,
          old_value: e.oldValue,
          new_value: e.newValue,
          target_school_code: e.targetSchoolCode,
          import_batch_id: importBatchId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['school_code', 'year', 'kind']).doUpdateSet((eb) => ({
          new_value: eb.ref('excluded.new_value'),
          target_school_code: eb.ref('excluded.target_school_code'),
          import_batch_id: eb.ref('excluded.import_batch_id'),
        })),
      )
      .execute();
  }
  await db
    .deleteFrom('school_event')
    .where('kind', 'in', ['renamed', 'type_changed', 'township_changed'])
    .whereRef('old_value', '=', 'new_value')
    .execute();
}
