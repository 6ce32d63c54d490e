import { z } from 'zod';
import { FilingTablesQuerySchema } from '../schemas/filing.ts';
import { DistrictParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Documents a county files (issue #12): the inspectors' standard tables. */
export const filingRoutes = {
  getFilingTables: {
    method: 'GET',
    path: '/api/v1/districts/:code/filing-tables',
    params: DistrictParamsSchema,
    query: FilingTablesQuerySchema,
    response: z.string(),
    summary:
      '督导评估标准表格：校际均衡情况表、七项指标达标情况表、2012 基本均衡表、班额与校额、教师交流轮岗（XLSX 一表一页，可直接打印；CSV 单表）',
  },
} as const satisfies Record<string, RouteDefinition>;
