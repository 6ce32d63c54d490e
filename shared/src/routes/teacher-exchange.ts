import { DistrictParamsSchema } from '../schemas/query.ts';
import { TeacherExchangeQuerySchema, TeacherExchangeResponseSchema } from '../schemas/teacher-exchange.ts';
import type { RouteDefinition } from './types.ts';

/** 教师交流轮岗. */
export const teacherExchangeRoutes = {
  getTeacherExchange: {
    method: 'GET',
    path: '/api/v1/districts/:code/teacher-exchange',
    params: DistrictParamsSchema,
    query: TeacherExchangeQuerySchema,
    response: TeacherExchangeResponseSchema,
    summary: '教师交流轮岗：交流比例（≥10%）、骨干教师占比（≥20%）、流向、对各校师资的影响、历年走势',
  },
} as const satisfies Record<string, RouteDefinition>;
