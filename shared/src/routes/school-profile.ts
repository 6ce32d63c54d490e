import { SchoolParamsSchema } from '../schemas/query.ts';
import { SchoolProfileQuerySchema, SchoolProfileResponseSchema } from '../schemas/school-profile.ts';
import type { RouteDefinition } from './types.ts';

/** 学校档案. */
export const schoolProfileRoutes = {
  getSchoolProfile: {
    method: 'GET',
    path: '/api/v1/schools/:code',
    params: SchoolParamsSchema,
    query: SchoolProfileQuerySchema,
    response: SchoolProfileResponseSchema,
    summary: '学校档案：各年各学段七项指标、县均值、标准、达标与排名，交流轮岗',
  },
} as const satisfies Record<string, RouteDefinition>;
