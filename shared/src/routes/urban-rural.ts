import { DistrictParamsSchema } from '../schemas/query.ts';
import {
  DecompositionQuerySchema,
  DecompositionResponseSchema,
  EquityQuerySchema,
  EquityResponseSchema,
  UrbanRuralQuerySchema,
  UrbanRuralResponseSchema,
} from '../schemas/urban-rural.ts';
import type { RouteDefinition } from './types.ts';

/** 城乡差距: the urban–rural gaps, the CV decomposition and the other equity measures. */
export const urbanRuralRoutes = {
  getUrbanRural: {
    method: 'GET',
    path: '/api/v1/districts/:code/urban-rural',
    params: DistrictParamsSchema,
    query: UrbanRuralQuerySchema,
    response: UrbanRuralResponseSchema,
    summary: '城乡差距：城区/镇区/乡村的学校数、学生数与各指标加权均值，城乡比，差异系数分解；各乡镇对比',
  },
  getDecomposition: {
    method: 'GET',
    path: '/api/v1/districts/:code/decomposition',
    params: DistrictParamsSchema,
    query: DecompositionQuerySchema,
    response: DecompositionResponseSchema,
    summary: '差异系数分解：组内/组间（城乡、乡镇、学区），各校贡献排序与累计占比',
  },
  getEquity: {
    method: 'GET',
    path: '/api/v1/districts/:code/equity',
    params: DistrictParamsSchema,
    query: EquityQuerySchema,
    response: EquityResponseSchema,
    summary: '其他公平指标：基尼系数、泰尔指数（组间/组内）、McLoone 指数、极差与极差率',
  },
} as const satisfies Record<string, RouteDefinition>;
