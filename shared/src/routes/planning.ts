import {
  CountyInputsQuerySchema,
  CountyInputsResponseSchema,
  CountyInputsSaveQuerySchema,
  CountyInputsUpdateSchema,
  DistanceToPassQuerySchema,
  DistanceToPassResponseSchema,
  ScorecardQuerySchema,
  ScorecardResponseSchema,
  WhatIfQuerySchema,
  WhatIfRequestSchema,
  WhatIfResponseSchema,
} from '../schemas/planning-api.ts';
import { DistrictParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Scorecard and county-year inputs, distance to pass, what-if. */
export const planningRoutes = {
  getScorecard: {
    method: 'GET',
    path: '/api/v1/districts/:code/scorecard',
    params: DistrictParamsSchema,
    query: ScorecardQuerySchema,
    response: ScorecardResponseSchema,
    summary: '优质均衡评估总表：资源配置、政府保障程度、教育质量、社会认可度各项的达标情况',
  },
  getCountyInputs: {
    method: 'GET',
    path: '/api/v1/districts/:code/inputs',
    params: DistrictParamsSchema,
    query: CountyInputsQuerySchema,
    response: CountyInputsResponseSchema,
    summary: '县级填报指标（政府保障、教育质量、社会认可度中不能由学校数据计算的项目）',
  },
  putCountyInputs: {
    method: 'PUT',
    path: '/api/v1/districts/:code/inputs',
    params: DistrictParamsSchema,
    query: CountyInputsSaveQuerySchema,
    body: CountyInputsUpdateSchema,
    response: CountyInputsResponseSchema,
    summary: '保存县级填报指标（整体替换该县该年度的填报值）',
  },
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
