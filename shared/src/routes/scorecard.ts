import { DistrictParamsSchema } from '../schemas/query.ts';
import {
  CountyInputsQuerySchema,
  CountyInputsResponseSchema,
  CountyInputsSaveQuerySchema,
  CountyInputsUpdateSchema,
  ScorecardQuerySchema,
  ScorecardResponseSchema,
} from '../schemas/scorecard.ts';
import type { RouteDefinition } from './types.ts';

/** 评估总表 and the county-year inputs (县级填报) it needs. */
export const scorecardRoutes = {
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
} as const satisfies Record<string, RouteDefinition>;
