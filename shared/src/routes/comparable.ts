import {
  ComparableCountiesQuerySchema,
  ComparableCountiesResponseSchema,
  ComparableSchoolsQuerySchema,
  ComparableSchoolsResponseSchema,
} from '../schemas/comparable.ts';
import { DistrictParamsSchema, SchoolParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Comparator sets (issue #14 point 3): the most similar schools and counties in the user's scope. */
export const comparableRoutes = {
  getComparableSchools: {
    method: 'GET',
    path: '/api/v1/schools/:code/comparable',
    params: SchoolParamsSchema,
    query: ComparableSchoolsQuerySchema,
    response: ComparableSchoolsResponseSchema,
    summary:
      '可比学校：范围内同学段、同办学类型、按学生数与城乡分类最相近的 10 所学校，七项指标并列，中位数、四分位数与排名',
  },
  getComparableCounties: {
    method: 'GET',
    path: '/api/v1/districts/:code/comparable',
    params: DistrictParamsSchema,
    query: ComparableCountiesQuerySchema,
    response: ComparableCountiesResponseSchema,
    summary: '可比区县：范围内按义务教育学生数与城区学生占比最相近的区县，及其七项差异系数',
  },
} as const satisfies Record<string, RouteDefinition>;
