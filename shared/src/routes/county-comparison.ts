import { CountyComparisonQuerySchema, CountyComparisonResponseSchema } from '../schemas/county-comparison.ts';
import type { RouteDefinition } from './types.ts';

/** Above the county: the counties a user may see side by side (a city's or a province's inspector). */
export const countyComparisonRoutes = {
  getCountyComparison: {
    method: 'GET',
    path: '/api/v1/county-comparison',
    query: CountyComparisonQuerySchema,
    response: CountyComparisonResponseSchema,
    summary: '多县对比：各区县某年某学段的七项差异系数、结论、首次达标年度、较上年变化（与各县资源配置报告数值一致）',
  },
} as const satisfies Record<string, RouteDefinition>;
