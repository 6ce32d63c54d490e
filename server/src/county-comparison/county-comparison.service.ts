import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type CountyComparisonQuery,
  type CountyComparisonResponse,
  placeCountiesInGrid,
  QUALITY_CV_LIMIT,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { getBalanceSummary, getStoredSummaryRows } from '../balance/balance-summary.service.ts';
import { compareCounties, compareCountyRows, listCities } from './county-comparison.compute.ts';
import { findDistrictCityNames, findStoredComparisonChoices } from './county-comparison.repository.ts';

/**
 * The counties the user may see side by side for a year and stage: the balance summary (the same numbers as each
 * county's balance report), with last year's CVs and the first year each county passed, and the status × change
 * grid of them all. With `first`, only the first counties: a first screen that a browser draws before the rest of a
 * province's or the country's thousands of rows have arrived.
 */
export async function getCountyComparison(
  db: Kysely<Database>,
  query: CountyComparisonQuery,
  access: AccessScope,
): Promise<CountyComparisonResponse> {
  const compared =
    access.townships === null
      ? await compareWholeCounties(db, query, access)
      : await compareVisibleSchools(db, query, access);
  const { rows, ...rest } = compared;
  const cvLimit = QUALITY_CV_LIMIT[query.stage];
  return {
    stage: query.stage,
    includePrivate: query.includePrivate,
    cvLimit,
    city: query.city ?? null,
    measure: query.measure,
    ...rest,
    rows: query.first === undefined ? rows : rows.slice(0, query.first),
    total: rows.length,
    grid: placeCountiesInGrid(rows, query.measure, cvLimit),
  };
}

/**
 * A user who sees whole counties: the years and cities to choose from, then the stored sums of only the county-years
 * the answer needs (the city's counties, or all, up to the year compared), so a city of 100 counties reads ~100 rows a
 * year rather than the whole country's history.
 */
async function compareWholeCounties(db: Kysely<Database>, query: CountyComparisonQuery, access: AccessScope) {
  const scope = { districts: access.districtCodes, stage: query.stage, includePrivate: query.includePrivate };
  const summaryRowsUpTo = (to: number) => getStoredSummaryRows(db, { ...scope, to, city: query.city ?? undefined });
  // A year asked for: its rows are read beside the choices; otherwise once the latest year is known.
  const asked = query.year === undefined ? null : summaryRowsUpTo(query.year);
  asked?.catch(() => {});
  const [choices, cityNames] = await Promise.all([findStoredComparisonChoices(db, scope), findDistrictCityNames(db)]);
  const year = query.year ?? choices.years.at(-1) ?? null;
  const summaryRows = asked ? await asked : year === null ? [] : await summaryRowsUpTo(year);
  return {
    rows: compareCountyRows(summaryRows, { year, city: query.city ?? null, cityNames }),
    cities: listCities(choices.districtCodes, cityNames),
    years: choices.years,
    year,
  };
}

/** A user limited to some townships: the live balance summary of their schools, every year. */
async function compareVisibleSchools(db: Kysely<Database>, query: CountyComparisonQuery, access: AccessScope) {
  const [summary, cityNames] = await Promise.all([
    getBalanceSummary(
      db,
      {
        stage: query.stage,
        includePrivate: query.includePrivate,
        // Every year, not only those up to the one asked: the answer lists the years there are to choose from.
        format: 'json',
        bom: true,
        lang: query.lang,
      },
      access,
    ),
    findDistrictCityNames(db),
  ]);
  return compareCounties(summary.rows, { year: query.year ?? null, city: query.city ?? null, cityNames });
}
