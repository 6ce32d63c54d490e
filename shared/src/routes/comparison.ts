import {
  SchoolComparisonQuerySchema,
  SchoolComparisonResponseSchema,
  YearOverYearQuerySchema,
  YearOverYearResponseSchema,
} from '../schemas/comparison.ts';
import { DistrictParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Side-by-side tables: schools × indicators, and the county this year vs last year vs first year. */
export const comparisonRoutes = {
  getSchoolComparison: {
    method: 'GET',
    path: '/api/v1/districts/:code/school-comparison',
    params: DistrictParamsSchema,
    query: SchoolComparisonQuerySchema,
    response: SchoolComparisonResponseSchema,
    summary: '学校对比：一所学校与最多 4 所其他学校 × 资源配置七项指标，带标准、县加权均值与达标',
  },
  getYearOverYear: {
    method: 'GET',
    path: '/api/v1/districts/:code/year-over-year',
    params: DistrictParamsSchema,
    query: YearOverYearQuerySchema,
    response: YearOverYearResponseSchema,
    summary: '同比：各指标加权均值与差异系数、综合差异系数，本年 vs 上一年 vs 首年，及变化',
  },
} as const satisfies Record<string, RouteDefinition>;
