import type { DistrictSummary, Stage } from '@junheng/shared';
import {
  countActiveFilters,
  noSchoolFilter,
  pickSchoolFilter,
  type SchoolFilter,
  schoolFilterInput,
} from './school-filter.ts';
import type { ViewParams } from './view-params.ts';

/**
 * One county-year-stage selection as the API takes it: the key of every county report query and the query string of
 * its downloads. Lists are sorted (parseViewParams does it), so equal selections make equal query keys.
 */
export interface CountyQuery extends SchoolFilter {
  code: string;
  year: number;
  stage: Stage;
}

/** The year the view shows: the one in the URL when the county has data for it, else the latest with data. */
export function resolveYear(district: Pick<DistrictSummary, 'years'>, requested: number | null): number | null {
  if (requested !== null && district.years.includes(requested)) return requested;
  return district.years.length > 0 ? Math.max(...district.years) : null;
}

export function toCountyQuery(district: DistrictSummary, params: ViewParams, stage = params.stage): CountyQuery | null {
  const year = resolveYear(district, params.year);
  if (year === null) return null;
  return { code: district.code, year, stage, ...pickSchoolFilter(params) };
}

/**
 * The county report a link names completely (`?district=…&year=…`), known before the district list arrives: views
 * prefetch it in parallel with that list instead of after it. It is the query `toCountyQuery` will make once the list
 * confirms the year; a link to a year without data costs one wasted request and nothing else.
 */
export function countyQueryFromLink(districtCode: string | null, params: ViewParams): CountyQuery | null {
  if (!districtCode || params.year === null) return null;
  return { code: districtCode, year: params.year, stage: params.stage, ...pickSchoolFilter(params) };
}

/** The query string of a county report (defaults left out, lists comma-joined by buildUrl). */
export function countyQueryInput(query: CountyQuery) {
  return { year: query.year, stage: query.stage, ...schoolFilterInput(query) };
}

/** The same county-year-stage without any school filter (the source of the filter options). */
export function unfilteredCountyQuery(query: CountyQuery, stage: Stage = query.stage): CountyQuery {
  return { code: query.code, year: query.year, stage, ...noSchoolFilter() };
}

export function hasSchoolFilters(query: CountyQuery): boolean {
  return countActiveFilters(query) > 0;
}
