import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const urbanRuralKeys = {
  all: ['urban-rural'] as const,
  report: (query: CountyQuery) => ['urban-rural', query] as const,
};

/**
 * 城乡差距: schools, students and weighted means per locale class, the urban/rural ratios and the CV decomposition
 * into within- and between-class parts (METHOD.md §6, §7).
 */
export function urbanRuralQueryOptions(query: CountyQuery) {
  return queryOptions({
    queryKey: urbanRuralKeys.report(query),
    queryFn: ({ signal }) =>
      apiRequest('getUrbanRural', { params: { code: query.code }, query: countyQueryInput(query), signal }),
  });
}

/**
 * The comparison across locale classes is made on every class: the view's locale filter picks the classes it
 * highlights (and the schools it lists), not the classes it compares.
 */
export function withoutLocaleFilter(query: CountyQuery): CountyQuery {
  return query.locale.length ? { ...query, locale: [] } : query;
}
