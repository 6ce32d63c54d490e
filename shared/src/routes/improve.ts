import {
  DistanceToPassQuerySchema,
  DistanceToPassResponseSchema,
  WhatIfQuerySchema,
  WhatIfRequestSchema,
  WhatIfResponseSchema,
} from '../schemas/improve.ts';
import { DistrictParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** 补短板: distance to pass and what-if. */
export const improveRoutes = {
  getDistanceToPass: {
    method: 'GET',
    path: '/api/v1/districts/:code/distance-to-pass',
    params: DistrictParamsSchema,
    query: DistanceToPassQuerySchema,
    response: DistanceToPassResponseSchema,
    summary: '距离达标：各校各指标缺口、补短板总量与差异系数达标方案',
  },
  postWhatIf: {
    method: 'POST',
    path: '/api/v1/districts/:code/what-if',
    params: DistrictParamsSchema,
    query: WhatIfQuerySchema,
    body: WhatIfRequestSchema,
    response: WhatIfResponseSchema,
    summary: '模拟调整：调配教师、增加资源或学生后的资源配置报告（不写入数据）',
  },
} as const satisfies Record<string, RouteDefinition>;
