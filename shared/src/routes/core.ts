import { z } from 'zod';
import {
  BalanceResponseSchema,
  BalanceSummaryResponseSchema,
  BasicBalanceResponseSchema,
  RankingResponseSchema,
} from '../schemas/api.ts';
import { DistrictListSchema, HealthSchema } from '../schemas/district.ts';
import {
  ImportHistorySchema,
  ImportIssuesExportBodySchema,
  ImportIssuesExportQuerySchema,
  ImportReportSchema,
} from '../schemas/import.ts';
import {
  BalanceQuerySchema,
  BalanceSummaryQuerySchema,
  CountyYearQuerySchema,
  DistrictParamsSchema,
  RankingQuerySchema,
  StatExportQuerySchema,
} from '../schemas/query.ts';

import type { RouteDefinition } from './types.ts';

export const coreRoutes = {
  health: { method: 'GET', path: '/api/health', response: HealthSchema, summary: 'Liveness: the database answers' },
  listDistricts: {
    method: 'GET',
    path: '/api/v1/districts',
    response: DistrictListSchema,
    summary: 'Districts (counties) with the years that have data',
  },
  importFiles: {
    method: 'POST',
    path: '/api/v1/imports',
    response: ImportReportSchema,
    summary:
      'Import schools, school_stats and rotations files (multipart, parts named "files"; saved column-mapping presets of the user\'s counties apply by themselves; optional fields `mappingId` (a saved preset) or `mapping` (a preset as JSON, e.g. unsaved, for a dry-run preview whose report then lists the first rows as they would be stored))',
  },
  listImports: {
    method: 'GET',
    path: '/api/v1/imports',
    response: ImportHistorySchema,
    summary: '导入历史：时间、来源、文件（含校验和）与行数',
  },
  exportImportIssues: {
    method: 'POST',
    path: '/api/v1/imports/issues',
    query: ImportIssuesExportQuerySchema,
    body: ImportIssuesExportBodySchema,
    response: z.string(),
    summary: '把导入报告中的错误与警告（文件、行、列、值、问题）下载为 XLSX，发回学校改正',
  },
  getBalance: {
    method: 'GET',
    path: '/api/v1/districts/:code/balance',
    params: DistrictParamsSchema,
    query: BalanceQuerySchema,
    response: BalanceResponseSchema,
    summary: '优质均衡资源配置：七项指标的差异系数与学校达标 (2017)',
  },
  getBasicBalance: {
    method: 'GET',
    path: '/api/v1/districts/:code/basic-balance',
    params: DistrictParamsSchema,
    query: CountyYearQuerySchema,
    response: BasicBalanceResponseSchema,
    summary: '基本均衡：八项指标差异系数与综合差异系数 (2012)',
  },
  getRankings: {
    method: 'GET',
    path: '/api/v1/districts/:code/rankings',
    params: DistrictParamsSchema,
    query: RankingQuerySchema,
    response: RankingResponseSchema,
    summary: '学校排名：任一指标，带标准与县加权平均',
  },
  getBalanceSummary: {
    method: 'GET',
    path: '/api/v1/balance-summary',
    query: BalanceSummaryQuerySchema,
    response: BalanceSummaryResponseSchema,
    summary: '所有区县、所有年度的资源配置差异系数与结论（市、省汇总）',
  },
  exportDistrictStats: {
    method: 'GET',
    path: '/api/v1/districts/:code/school-stats',
    params: DistrictParamsSchema,
    query: StatExportQuerySchema,
    response: z.string(),
    summary: '下载一个区县的学校年度统计（CSV/XLSX，与导入格式相同）',
  },
  exportAllStats: {
    method: 'GET',
    path: '/api/v1/school-stats',
    query: StatExportQuerySchema,
    response: z.string(),
    summary: '下载所有区县的学校年度统计（流式 CSV/XLSX）',
  },
} as const satisfies Record<string, RouteDefinition>;
