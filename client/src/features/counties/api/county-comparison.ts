import { COMPARISON_MEASURES, type ComparisonMeasure, STAGES, type Stage } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface CountyComparisonInput {
  stage: Stage;
  /** null: the latest year with data. */
  year: number | null;
  city: string | null;
  measure: ComparisonMeasure;
}

/**
 * Counties of the first screen: the table's first page (COUNTY_TABLE_PAGE_SIZE), which covers the heatmap's first
 * window (ROW_WINDOW). A city's list fits in it whole; a province's or the country's rest follows once it is drawn.
 */
export const FIRST_SCREEN_COUNTIES = 100;

export const countyComparisonKeys = {
  all: ['county-comparison'] as const,
  // The measure only changes the grid (drawn here from every county) and the exports: one request serves every measure.
  list: (input: CountyComparisonInput) => ['county-comparison', input.stage, input.year, input.city] as const,
  // The first screen's grid is the server's, for the measure asked.
  firstScreen: (input: CountyComparisonInput) =>
    [...countyComparisonKeys.list(input), 'first', FIRST_SCREEN_COUNTIES, input.measure] as const,
};

export function countyComparisonQueryInput(input: CountyComparisonInput) {
  return {
    stage: input.stage,
    year: input.year ?? undefined,
    city: input.city ?? undefined,
    measure: input.measure,
  };
}

/** Every county the user may see for a year and stage: its seven CVs, verdict, last year's and first year passed. */
export function countyComparisonQueryOptions(input: CountyComparisonInput) {
  return queryOptions({
    queryKey: countyComparisonKeys.list(input),
    queryFn: ({ signal }) => apiRequest('getCountyComparison', { query: countyComparisonQueryInput(input), signal }),
  });
}

/**
 * The first FIRST_SCREEN_COUNTIES of them, with how many there are and the grid of them all: what the view draws
 * first, so the country's 2 900 counties (2.8 MB) do not stand between an inspector and the first screen.
 */
export function countyFirstScreenQueryOptions(input: CountyComparisonInput) {
  return queryOptions({
    queryKey: countyComparisonKeys.firstScreen(input),
    queryFn: ({ signal }) =>
      apiRequest('getCountyComparison', {
        query: { ...countyComparisonQueryInput(input), first: FIRST_SCREEN_COUNTIES },
        signal,
      }),
  });
}

/** The page's own URL parameters: year and stage are shared with the county views, city and measure are its own. */
export function parseCountyComparisonParams(search: URLSearchParams): CountyComparisonInput {
  const stage = search.get('stage');
  const year = Number(search.get('year'));
  const city = search.get('city');
  const measure = search.get('measure');
  return {
    stage: STAGES.includes(stage as Stage) ? (stage as Stage) : 'primary',
    year: Number.isInteger(year) && year >= 2000 ? year : null,
    city: city && /^\d{4}$/.test(city) ? city : null,
    measure: COMPARISON_MEASURES.includes(measure as ComparisonMeasure) ? (measure as ComparisonMeasure) : 'passes',
  };
}
