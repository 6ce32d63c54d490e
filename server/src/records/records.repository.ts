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
  return db
    .selectFrom('school_year_stat as s')
    .innerJoin('school', 'school.code', 's.school_code')
    .selectAll('s')
    .select(['school.name as school_name', 'school.district_code', 'school.township_code'])
    .$if(filter.districtCode !== undefined, (qb) =>
      qb.where('school.district_code', '=', filter.districtCode as string),
    )
    .$if(filter.from !== undefined, (qb) => qb.where('s.year', '>=', filter.from as number))
    .$if(filter.to !== undefined, (qb) => qb.where('s.year', '<=', filter.to as number))
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('s.school_code', '>', after?.schoolCode as string),
          eb.and([eb('s.school_code', '=', after?.schoolCode as string), eb('s.year', '>', after?.year as number)]),
        ]),
      ),
    )
    .orderBy('s.school_code')
    .orderBy('s.year')
    .limit(limit);
}

/**
 * Every statistics row of the filter, in pages (keyset on school code and year): memory stays flat however large
 * the export, on PostgreSQL and PGlite alike.
 */
export async function* streamStatRecords(
  db: Kysely<Database>,
  filter: StatRecordFilter,
  pageSize = 5000,
): AsyncGenerator<StatExportRecord> {
  let after: { schoolCode: string; year: number } | null = null;
  for (;;) {
    const page = (await buildStatPageQuery(db, filter, after, pageSize).execute()) as StatExportRecord[];
    yield* page;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = { schoolCode: last.school_code, year: last.year };
  }
}
