import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type ClassSizeQuery,
  type ClassSizeResponse,
  HUGE_CLASS_MAX_SHARE,
  LARGE_CLASS_MAX_SHARE,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findStats } from '../county/county.repository.ts';
import { loadCountyYear, toScope } from '../county/county.service.ts';
import { computeClassSizeYear, selectClassSizeSchools } from '../engine/index.ts';

/**
 * 大班额 / 超大班额 and 大校额 of one stage and year, with the same county figures for every year with data
 * (issue #9 point 5). Special-education schools are left out and listed; private schools follow the filter.
 */
export async function getClassSize(
  db: Kysely<Database>,
  code: string,
  query: ClassSizeQuery,
  access: AccessScope,
): Promise<ClassSizeResponse> {
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const allStats = await findStats(db, toScope(data.context.district.code, query, access));
  const { counted, excluded } = selectClassSizeSchools(data.schools, query.includePrivate);
  const { schools, ...current } = computeClassSizeYear(query.year, counted, data.stats, query.stage);
  const trend = data.context.years.map((year) => {
    const { schools: _rows, ...row } = computeClassSizeYear(year, counted, allStats, query.stage);
    return row;
  });
  return {
    ...data.context,
    ...current,
    stage: query.stage,
    largeShareTarget: LARGE_CLASS_MAX_SHARE,
    hugeShareTarget: HUGE_CLASS_MAX_SHARE,
    excluded,
    schools,
    trend,
  };
}
