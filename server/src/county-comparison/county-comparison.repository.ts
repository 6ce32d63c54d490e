import type { Database } from '@junheng/db';
import type { Stage } from '@junheng/shared';
import type { Kysely } from 'kysely';

/** The city name of every district that has one (from the import's 地市名称 or the demo). */
export async function findDistrictCityNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('district')
    .select(['code', 'city_name'])
    .where('city_name', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code, r.city_name as string]));
}

/**
 * What the comparison offers to choose from, read from the stored county-year sums of one stage and private-school
 * option in the user's counties (null: all): every year with data, and every county with data in any year (for the
 * list of cities). Only for a user who sees whole counties, as the stored sums are whole counties'.
 */
export async function findStoredComparisonChoices(
  db: Kysely<Database>,
  args: { districts: readonly string[] | null; stage: Stage; includePrivate: boolean },
): Promise<{ years: number[]; districtCodes: string[] }> {
  const base = db
    .selectFrom('county_quality_sums')
    .where('stage', '=', args.stage)
    .where('include_private', '=', args.includePrivate)
    .$if(args.districts !== null, (qb) =>
      qb.where((eb) =>
        args.districts?.length ? eb('district_code', 'in', [...(args.districts ?? [])]) : eb.lit(false),
      ),
    );
  const [years, districts] = await Promise.all([
    base.select('year').groupBy('year').orderBy('year').execute(),
    base.select('district_code').groupBy('district_code').orderBy('district_code').execute(),
  ]);
  return { years: years.map((r) => r.year), districtCodes: districts.map((r) => r.district_code) };
}
