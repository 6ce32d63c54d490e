import { z } from 'zod';
import { booleanParam, YearParamSchema } from './query.ts';

/**
 * The standard tables a county files with its 督导评估 (issue #12 point 2), in the order of the workbook's sheets:
 * 校际均衡情况表 (2017 CVs), 学校资源配置七项指标达标情况表, the 2012 basic-balance table, 班额与校额, 教师交流轮岗.
 */
export const FILING_TABLES = [
  'school-balance',
  'compliance',
  'basic-balance',
  'class-size',
  'teacher-exchange',
] as const;
export const FilingTableSchema = z.enum(FILING_TABLES);
export type FilingTableKey = z.infer<typeof FilingTableSchema>;

/** `format=xlsx`: one workbook with a sheet per table; `format=csv&table=NAME`: one table. Always the whole county. */
export const FilingTablesQuerySchema = z
  .object({
    year: YearParamSchema,
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
    table: FilingTableSchema.optional(),
    /** CSV only: the UTF-8 BOM and the screen's decimals for Excel (default), or none and full precision for scripts. */
    bom: booleanParam(true),
    lang: z.enum(['zh', 'en']).default('zh'),
    includePrivate: booleanParam(true),
  })
  .refine((q) => q.format !== 'csv' || q.table !== undefined, {
    path: ['table'],
    message: 'format=csv 需要 table 参数 / format=csv needs a table',
  });
export type FilingTablesQuery = z.infer<typeof FilingTablesQuerySchema>;
