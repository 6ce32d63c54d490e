import {
  DecompositionQuerySchema,
  DecompositionResponseSchema,
  EquityQuerySchema,
  EquityResponseSchema,
  SchoolProfileQuerySchema,
  SchoolProfileResponseSchema,
  TeacherExchangeQuerySchema,
  TeacherExchangeResponseSchema,
  TrendsQuerySchema,
  TrendsResponseSchema,
  UrbanRuralQuerySchema,
  UrbanRuralResponseSchema,
} from '../schemas/analysis-api.ts';
import { ClassSizeQuerySchema, ClassSizeResponseSchema } from '../schemas/class-size.ts';
import { DistrictParamsSchema, SchoolParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Urban–rural, decomposition, equity, teacher exchange, trends and school profiles. */
export const analysisRoutes = {
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
  getTeacherExchange: {
    method: 'GET',
    path: '/api/v1/districts/:code/teacher-exchange',
    params: DistrictParamsSchema,
    query: TeacherExchangeQuerySchema,
    response: TeacherExchangeResponseSchema,
    summary: '教师交流轮岗：交流比例（≥10%）、骨干教师占比（≥20%）、流向、对各校师资的影响、历年走势',
  },
  getClassSize: {
    method: 'GET',
    path: '/api/v1/districts/:code/class-size',
    params: DistrictParamsSchema,
    query: ClassSizeQuerySchema,
    response: ClassSizeResponseSchema,
    summary: '大班额与大校额：56–65 人、66 人及以上班级数与占比，各校班额与规模，历年走势',
  },
  getTrends: {
    method: 'GET',
    path: '/api/v1/districts/:code/trends',
    params: DistrictParamsSchema,
    query: TrendsQuerySchema,
    response: TrendsResponseSchema,
    summary: '历年走势：某指标每年的差异系数、加权均值与城乡均值',
  },
  getSchoolProfile: {
    method: 'GET',
    path: '/api/v1/schools/:code',
    params: SchoolParamsSchema,
    query: SchoolProfileQuerySchema,
    response: SchoolProfileResponseSchema,
    summary: '学校档案：各年各学段七项指标、县均值、标准、达标与排名，交流轮岗',
  },
} as const satisfies Record<string, RouteDefinition>;
