import type { Database, SchoolYearStatRecord } from '@junheng/db';
import type { AccessScope } from '@junheng/shared';
import { type Kysely, type RawBuilder, sql } from 'kysely';
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
  pageSize = 500,
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

/** A text value as one CSV field: always quoted, quotes doubled, and a formula-looking start defused with '. */
const csvTextField = (expression: RawBuilder<string>) =>
  sql<string>`'"' || replace(case when ${expression} ~ '^[=+@\t\r-]' then '''' || ${expression} else ${expression} end, '"', '""') || '"'`;

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
