import type { IndicatorKey } from '@junheng/shared';
import { apiRequest, type RouteQuery, routeUrl } from './api-client.ts';
import type { ExportTarget } from './export-links.ts';

/**
 * Type-level tests of the typed requests, checked by `pnpm typecheck` (tsc) and never run: each `@ts-expect-error`
 * fails the build when the line below it compiles, i.e. when a query no longer has to match its route's shared
 * schema. Renaming `township` in `SchoolFilterQuerySchema` makes the first call here (and the views) fail to build.
 */
export function typedRequests(signal: AbortSignal, indicator: IndicatorKey) {
  const code = '330999';
  void apiRequest('getBalance', {
    params: { code },
    query: { year: 2025, stage: 'primary', township: ['330999001'], includePrivate: false },
    signal,
  });
  void apiRequest('getRankings', { params: { code }, query: { year: 2025, stage: 'junior', indicator } });
  void apiRequest('listDistricts', { signal });

  // @ts-expect-error a parameter the route's query schema does not name (it is `township`)
  void apiRequest('getBalance', { params: { code }, query: { year: 2025, stage: 'primary', townships: ['1'] } });

  // A query built elsewhere escapes TypeScript's excess-key check of object literals; ExactQuery catches it.
  const built = { year: 2025, stage: 'primary' as const, townships: ['330999001'] };
  // @ts-expect-error an unknown parameter in a query object built beforehand
  void apiRequest('getBalance', { params: { code }, query: built });

  // @ts-expect-error a required parameter (year) missing
  void apiRequest('getBalance', { params: { code }, query: { stage: 'primary' } });

  // @ts-expect-error a value the schema does not accept
  void apiRequest('getBalance', { params: { code }, query: { year: 2025, stage: 'senior' } });

  // @ts-expect-error a list where the schema takes one value
  void apiRequest('getRankings', { params: { code }, query: { year: 2025, stage: 'junior', indicator: [indicator] } });

  // @ts-expect-error a path parameter the params schema does not name (it is `code`)
  void apiRequest('getBalance', { params: { district: code }, query: { year: 2025, stage: 'primary' } });

  // @ts-expect-error path parameters missing
  void apiRequest('getBalance', { query: { year: 2025, stage: 'primary' } });

  // @ts-expect-error links are typed the same way
  void routeUrl('getSelfEvaluation', { params: { code }, query: { year: 2025, language: 'en' } });

  // @ts-expect-error and so are the download links of a panel
  const target: ExportTarget = { route: 'getClassSize', params: { code }, query: { year: 2025, grade: 3 } };

  const trends: RouteQuery<'getTrends'> = { stage: 'primary', indicator, from: 2020 };
  return [target, trends];
}
