import { z } from 'zod';
import { DataCheckQuerySchema, SchoolSourcesQuerySchema, SchoolSourcesResponseSchema } from '../schemas/provenance.ts';
import { DistrictParamsSchema, SchoolParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Where stored values came from (issue #13 point 4): per school-year on the profile, and the county's 数据核对表. */
export const provenanceRoutes = {
  getSchoolSources: {
    method: 'GET',
    path: '/api/v1/schools/:code/sources',
    params: SchoolParamsSchema,
    query: SchoolSourcesQuerySchema,
    response: SchoolSourcesResponseSchema,
    summary: '学校数据来源：某年各项统计值与学校基本信息的来源文件、工作表、单元格与导入批次',
  },
  exportDataCheck: {
    method: 'GET',
    path: '/api/v1/districts/:code/data-check',
    params: DistrictParamsSchema,
    query: DataCheckQuerySchema,
    response: z.string(),
    summary: '数据核对表：一个区县每校每年每项统计值及其来源（文件、工作表、单元格、表头、导入批次与时间），CSV/XLSX',
  },
} as const satisfies Record<string, RouteDefinition>;
