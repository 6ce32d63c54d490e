import { type SchoolFilterQuery, SchoolFilterQuerySchema } from '@junheng/shared';

/**
 * The school filters of every county view (ARCHITECTURE.md, views and exports): townships, urban–rural classes,
 * school groups and whether private schools count. Their names, types and defaults are those of the shared
 * `SchoolFilterQuerySchema` the server validates with; the view state (ViewParams), the report queries (CountyQuery)
 * and their query strings take them from here instead of listing the four fields again.
 */
export type SchoolFilter = SchoolFilterQuery;
export type SchoolFilterName = keyof SchoolFilter;

/** The URL and query-string names of the filters, in the schema's order. */
export const SCHOOL_FILTER_NAMES = Object.freeze(
  Object.keys(SchoolFilterQuerySchema.shape),
) as readonly SchoolFilterName[];

/** The whole county: no township, class or group chosen, private schools counted (the schema's defaults). */
export function noSchoolFilter(): SchoolFilter {
  return SchoolFilterQuerySchema.parse({});
}

/** The filters of a view state or a report query, without anything else it carries. */
export function pickSchoolFilter(source: SchoolFilter): SchoolFilter {
  return {
    township: source.township,
    locale: source.locale,
    group: source.group,
    includePrivate: source.includePrivate,
  };
}

/** How many filters differ from the whole county (for the reset button and the summary). */
export function countActiveFilters(filter: SchoolFilter): number {
  const defaults = noSchoolFilter();
  return SCHOOL_FILTER_NAMES.filter((name) => {
    const value = filter[name];
    return Array.isArray(value) ? value.length > 0 : value !== defaults[name];
  }).length;
}

/**
 * The filters as a report's query string takes them (SchoolFilterQuerySchema): lists are comma-joined by the API
 * client, and the default (private schools counted) is left out, so links and cache keys stay short.
 */
export function schoolFilterInput(filter: SchoolFilter) {
  return {
    township: filter.township,
    locale: filter.locale,
    group: filter.group,
    includePrivate: includePrivateInput(filter.includePrivate),
  };
}

/** `includePrivate` as a query string takes it: left out when private schools count (the default). */
export function includePrivateInput(includePrivate: boolean): false | undefined {
  return includePrivate ? undefined : false;
}
