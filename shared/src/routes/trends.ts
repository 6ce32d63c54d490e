import { DistrictParamsSchema } from '../schemas/query.ts';
import { TrendsQuerySchema, TrendsResponseSchema } from '../schemas/trends.ts';
import type { RouteDefinition } from './types.ts';

/** 历年走势. */
export const trendsRoutes = {
  getTrends: {
    method: 'GET',
    path: '/api/v1/districts/:code/trends',
    params: DistrictParamsSchema,
    query: TrendsQuerySchema,
    response: TrendsResponseSchema,
    summary: '历年走势：某指标每年的差异系数、加权均值与城乡均值',
  },
} as const satisfies Record<string, RouteDefinition>;
