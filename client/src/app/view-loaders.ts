import { STAGES } from '@junheng/shared';
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunction } from 'react-router';
import { countyViewLoader, type ViewReports } from '../county-view/view-loader.ts';
import { parseViewParams } from '../county-view/view-params.ts';
import { classSizeQueryOptions } from '../features/class-size/api/class-size.ts';
import {
  countyComparisonQueryOptions,
  countyFirstScreenQueryOptions,
  parseCountyComparisonParams,
} from '../features/counties/api/county-comparison.ts';
import { distanceToPassQueryOptions } from '../features/improve/api/distance-to-pass.ts';
import { rankingsQueryOptions, toRankingsQuery } from '../features/rankings/api/rankings.ts';
import { schoolProfileQueryOptions } from '../features/schools/api/school-profile.ts';
import {
  teacherExchangeQueryOptions,
  toTeacherExchangeQuery,
} from '../features/teacher-exchange/api/teacher-exchange.ts';
import { parseRotationConventions } from '../features/teacher-exchange/rotation-conventions-param.ts';
import { urbanRuralQueryOptions, withoutLocaleFilter } from '../features/urban-rural/api/urban-rural.ts';
import { balanceQueryOptions, basicBalanceQueryOptions } from '../reports/balance.ts';
import { scorecardQueryOptions, toScorecardQuery } from '../reports/scorecard.ts';

/**
 * The route loaders of the views: each starts, at navigation, the reports its view asks for first, with the same
 * query options as the component named beside it, so the component finds them in flight or cached (never twice).
 * Only the query-option modules are imported here, not the views: their chunks still load lazily.
 */
export function viewLoaders(queryClient: QueryClient) {
  const loader = (reports: ViewReports) => countyViewLoader(queryClient, reports);
  return {
    overview: loader((prefetch, county) => {
      // ScorecardReasons; per stage StageSummary (both reports), TownshipPassPanel and CvBarPanel.
      prefetch(scorecardQueryOptions(toScorecardQuery(county)));
      for (const stage of STAGES) {
        prefetch(balanceQueryOptions({ ...county, stage }));
        prefetch(basicBalanceQueryOptions({ ...county, stage }));
      }
    }),
    // ScorecardContent.
    scorecard: loader((prefetch, county) => prefetch(scorecardQueryOptions(toScorecardQuery(county)))),
    // CompliancePage, BalancePage, SchoolPickerPage.
    balanceReport: loader((prefetch, county) => prefetch(balanceQueryOptions(county))),
    urbanRural: loader((prefetch, county) => {
      // UrbanRuralContent: the report and the county's balance over every class, the balance of the filtered schools.
      const allClasses = withoutLocaleFilter(county);
      prefetch(urbanRuralQueryOptions(allClasses));
      prefetch(balanceQueryOptions(allClasses));
      prefetch(balanceQueryOptions(county));
    }),
    // RotationContent.
    rotation: loader((prefetch, county, _params, search) =>
      prefetch(teacherExchangeQueryOptions(toTeacherExchangeQuery(county, parseRotationConventions(search)))),
    ),
    // ClassSizeContent.
    classSize: loader((prefetch, county) => prefetch(classSizeQueryOptions(county))),
    // RankingsContent.
    rankings: loader((prefetch, county, params) =>
      prefetch(rankingsQueryOptions(toRankingsQuery(county, params.indicator))),
    ),
    // ImprovePage.
    improve: loader((prefetch, county) => prefetch(distanceToPassQueryOptions(county))),
    // CountiesPage: the first screen of the URL's year, stage and city, unless every county of it is cached.
    counties: (({ request }) => {
      const input = parseCountyComparisonParams(new URL(request.url).searchParams);
      if (queryClient.getQueryData(countyComparisonQueryOptions(input).queryKey) === undefined) {
        void queryClient.prefetchQuery(countyFirstScreenQueryOptions(input));
      }
      return null;
    }) satisfies LoaderFunction,
    // SchoolProfilePage: the school of the path, with the URL's private-school choice.
    schoolProfile: (({ params, request }) => {
      const includePrivate = parseViewParams(new URL(request.url).searchParams).includePrivate;
      if (params.code) void queryClient.prefetchQuery(schoolProfileQueryOptions({ code: params.code, includePrivate }));
      return null;
    }) satisfies LoaderFunction,
  };
}
