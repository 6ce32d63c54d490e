import type { Database, SchoolYearStatRecord } from '@junheng/db';
import type { Kysely } from 'kysely';

export interface StatRecordFilter {
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
  pageSize = 10_000,
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
  }
}
