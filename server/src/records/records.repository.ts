import type { Readable } from 'node:stream';
import { type Database, findPostgresPool, type SchoolYearStatRecord } from '@junheng/db';
import type { AccessScope } from '@junheng/shared';
import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import { inAccessScope } from '../db-helpers.ts';

export interface StatRecordFilter {
  /** Whose export this is: rows outside their scope are never read. */
  access: AccessScope;
  districtCode?: string;
  from?: number;
  to?: number;
}

export type StatExportRecord = SchoolYearStatRecord & {
  school_name: string;
  district_code: string;
  township_code: string;
};

export function buildStatPageQuery(
  db: Kysely<Database>,
  filter: StatRecordFilter,
  after: { schoolCode: string; year: number } | null,
  limit: number,
) {
  return (
    db
      .selectFrom('school_year_stat as s')
      .innerJoin('school', 'school.code', 's.school_code')
      .selectAll('s')
      .select(['school.name as school_name', 'school.district_code', 'school.township_code'])
      .where(inAccessScope(filter.access))
      .$if(filter.districtCode !== undefined, (qb) =>
        qb.where('school.district_code', '=', filter.districtCode as string),
      )
      .$if(filter.from !== undefined, (qb) => qb.where('s.year', '>=', filter.from as number))
      .$if(filter.to !== undefined, (qb) => qb.where('s.year', '<=', filter.to as number))
      // A row comparison walks the primary key index from the last row of the previous page.
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb(eb.refTuple('s.school_code', 's.year'), '>', eb.tuple(after?.schoolCode as string, after?.year as number)),
        ),
      )
      .orderBy('s.school_code')
      .orderBy('s.year')
      .limit(limit)
  );
}

/**
 * Every statistics row of the filter, in pages (keyset on school code and year): memory stays flat however large
 * the export, on PostgreSQL and PGlite alike.
 */
export async function* streamStatRecords(
  db: Kysely<Database>,
  filter: StatRecordFilter,
  // On PGlite a query holds the only thread: smaller pages keep other users' requests waiting a few ms, not 100.
  pageSize = findPostgresPool(db) ? 500 : 200,
): AsyncGenerator<StatExportRecord> {
  const fetchPage = (after: { schoolCode: string; year: number } | null) =>
    buildStatPageQuery(db, filter, after, pageSize).execute() as Promise<StatExportRecord[]>;
  let next = fetchPage(null);
  for (;;) {
    const page = await next;
    const last = page[page.length - 1];
    // Fetch the next page while this one is written out.
    if (last && page.length === pageSize) next = fetchPage({ schoolCode: last.school_code, year: last.year });
    yield* page;
    if (!last || page.length < pageSize) return;
    // Other requests get a turn between pages: on PGlite every query runs on this thread (issue #10).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const TEXT_COLUMNS = new Set(['school_code']);
const NUMERIC_COLUMNS = new Set(['teaching_room_area', 'sports_area', 'equipment_value']);

/** A text value with a formula-looking start (= + - @ tab CR) defused with ', as formatCsvField does. */
const defusedText = (expression: RawBuilder<string>) =>
  // E'…' spells tab and CR as escapes: the statement stays one line of printable text (COPY, psql's \copy).
  sql<string>`case when ${expression} ~ E'^[=+@\\t\\r-]' then '''' || ${expression} else ${expression} end`;

/** A text value as one CSV field: always quoted, quotes doubled, and a formula-looking start defused with '. */
const csvTextField = (expression: RawBuilder<string>) =>
  sql<string>`'"' || replace(${defusedText(expression)}, '"', '""') || '"'`;

function csvLineExpression(statColumns: readonly string[]) {
  const fields = [
    ...statColumns.map((column) => {
      const ref = sql.ref(`s.${column}`);
      if (TEXT_COLUMNS.has(column)) return csvTextField(sql<string>`${ref}::text`);
      // trim_scale: 1234.50 → 1234.5, the same digits the JSON carries.
      if (NUMERIC_COLUMNS.has(column)) return sql<string>`trim_scale(${ref})::text`;
      // Optional columns (class size) may be null: an empty field, never dropped (concat_ws skips nulls).
      return sql<string>`coalesce(${ref}::text, '')`;
    }),
    csvTextField(sql<string>`school.name`),
    csvTextField(sql<string>`school.district_code::text`),
    csvTextField(sql<string>`school.township_code::text`),
  ];
  return sql<string>`concat_ws(',', ${sql.join(fields)})`;
}

/**
 * The same rows as CSV lines built by PostgreSQL: one text column per row is far cheaper to transfer and parse than
 * thirty-odd typed columns, which makes the bulk export several times faster. Pages as in streamStatRecords.
 */
export async function* streamStatCsvLines(
  db: Kysely<Database>,
  filter: StatRecordFilter,
  statColumns: readonly string[],
  pageSize = 20_000,
): AsyncGenerator<string[]> {
  const line = csvLineExpression(statColumns);
  const fetchPage = (after: { schoolCode: string; year: number } | null) =>
    buildStatPageQuery(db, filter, after, pageSize)
      .clearSelect()
      .select([line.as('line'), 's.school_code', 's.year'])
      .execute();
  let next = fetchPage(null);
  for (;;) {
    const page = await next;
    const last = page[page.length - 1];
    if (last && page.length === pageSize) next = fetchPage({ schoolCode: last.school_code, year: last.year });
    yield page.map((r) => r.line);
    if (!last || page.length < pageSize) return;
  }
}

/**
 * A compiled query with its parameters written into the text, for COPY, which takes no bind parameters. Only what a
 * scope or filter can hold is accepted, and each is checked to be harmless where it stands: whole numbers (years) and
 * codes of letters and digits (district and township codes), quoted as SQL strings. Anything else (a quote, a space,
 * a non-integer) throws instead of reaching the SQL text.
 */
export function inlineCopyParameters(compiled: CompiledQuery): string {
  return compiled.sql.replace(/\$(\d+)/g, (_, position: string) => {
    const value = compiled.parameters[Number(position) - 1];
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string' && /^[0-9A-Za-z]{1,32}$/.test(value)) return `'${value}'`;
    throw new Error(`COPY parameter $${position} is neither a whole number nor a code`);
  });
}

/**
 * `COPY (…) TO STDOUT` of the statistics rows of the filter, as CSV: the same fields, quoting and order as
 * streamStatCsvLines (text columns always quoted with quotes doubled, a formula-looking start defused, 1234.50
 * written 1234.5, a null as an empty field), in PostgreSQL's own COPY output, rows ending in LF. The scope and
 * filter are the ones buildStatPageQuery applies, compiled by Kysely and written in by inlineCopyParameters.
 */
export function buildStatCopyStatement(
  db: Kysely<Database>,
  filter: StatRecordFilter,
  statColumns: readonly string[],
): string {
  return `COPY (${buildStatCopySelect(db, filter, statColumns)}) TO STDOUT WITH (${STAT_COPY_OPTIONS})`;
}

/** The options of the statistics COPY: CSV, text columns always quoted. */
export const STAT_COPY_OPTIONS = 'FORMAT csv, FORCE_QUOTE (school_code, school_name, district_code, township_code)';

/** The SELECT that buildStatCopyStatement copies, its parameters written in (inlineCopyParameters). */
export function buildStatCopySelect(
  db: Kysely<Database>,
  filter: StatRecordFilter,
  statColumns: readonly string[],
): string {
  const fields = [
    ...statColumns.map((column) => {
      const ref = sql.ref(`s.${column}`);
      if (TEXT_COLUMNS.has(column)) return defusedText(sql<string>`${ref}::text`).as(column);
      if (NUMERIC_COLUMNS.has(column)) return sql<string>`trim_scale(${ref})::text`.as(column);
      return sql<string>`${ref}`.as(column);
    }),
    defusedText(sql<string>`school.name`).as('school_name'),
    defusedText(sql<string>`school.district_code::text`).as('district_code'),
    defusedText(sql<string>`school.township_code::text`).as('township_code'),
  ];
  return inlineCopyParameters(
    buildStatPageQuery(db, filter, null, 1).clearSelect().clearLimit().select(fields).compile(),
  );
}

/**
 * Runs a COPY … TO STDOUT on its own connection of the pool and hands over its bytes as a stream (flowing at the
 * pace its reader takes them). `release` returns the connection: call it once the stream has ended or failed; a
 * connection whose COPY did not finish is closed rather than reused.
 */
export async function openCopyOut(
  pool: NonNullable<ReturnType<typeof findPostgresPool>>,
  statement: string,
): Promise<{ stream: Readable; release: (failed: boolean) => void }> {
  const client = await pool.connect();
  try {
    const stream = client.query(copyTo(statement));
    return { stream, release: (failed) => client.release(failed) };
  } catch (error) {
    client.release(true);
    throw error;
  }
}
