import { ClassSizeQuerySchema, ClassSizeResponseSchema } from '../schemas/class-size.ts';
import { DistrictParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** 大班额与大校额. */
export const classSizeRoutes = {
  getClassSize: {
    method: 'GET',
    path: '/api/v1/districts/:code/class-size',
    params: DistrictParamsSchema,
    query: ClassSizeQuerySchema,
    response: ClassSizeResponseSchema,
    summary: '大班额与大校额：56–65 人、66 人及以上班级数与占比，各校班额与规模，历年走势',
  },
} as const satisfies Record<string, RouteDefinition>;
