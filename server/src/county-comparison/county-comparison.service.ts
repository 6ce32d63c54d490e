import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type CountyComparisonQuery,
  type CountyComparisonResponse,
  QUALITY_CV_LIMIT,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { getBalanceSummary } from '../balance/balance-summary.service.ts';
import { compareCounties } from './county-comparison.compute.ts';
import { findDistrictCityNames } from './county-comparison.repository.ts';

/**
 * The counties the user may see side by side for a year and stage: the balance summary of every year (the
 * same numbers as each county's balance report), with last year's CVs and the first year each county passed.
 */
export async function getCountyComparison(
  db: Kysely<Database>,
  query: CountyComparisonQuery,
  access: AccessScope,
): Promise<CountyComparisonResponse> {
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
  const compared = compareCounties(summary.rows, {
    year: query.year ?? null,
    city: query.city ?? null,
    cityNames,
  });
  return {
    stage: query.stage,
    includePrivate: query.includePrivate,
    cvLimit: QUALITY_CV_LIMIT[query.stage],
    city: query.city ?? null,
    measure: query.measure,
    ...compared,
  };
}
