import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Lang } from '../../i18n/translate.ts';
import { apiRequest, routeUrl } from '../../lib/api-client.ts';

/** One school-year's stored values and the school's attributes, each with where it was read (issue #13). */
export function schoolSourcesQueryOptions(code: string, year: number) {
  return queryOptions({
    queryKey: ['school-sources', code, year] as const,
    queryFn: ({ signal }) => apiRequest('getSchoolSources', { params: { code }, query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 数据核对表 download of a county (one year, or every year when `year` is null). */
export function dataCheckUrl(code: string, year: number | null, format: 'csv' | 'xlsx', lang: Lang): string {
  return routeUrl('exportDataCheck', {
    params: { code },
    query: { format, year: year ?? undefined, lang: lang === 'en' ? 'en' : undefined },
  });
}
