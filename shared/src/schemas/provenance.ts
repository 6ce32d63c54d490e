import { z } from 'zod';
import { ValueSourceSchema } from './import.ts';
import { booleanParam, YearParamSchema } from './query.ts';

/** How an import batch reached the database: the HTTP import, the command line, or the built-in demo county. */
export const ImportBatchSourceSchema = z.enum(['api', 'cli', 'demo']);

/** The import batch that wrote a value: its id, when and how. */
export const ValueBatchSchema = z.object({
  id: z.number().int(),
  importedAt: z.string(),
  source: ImportBatchSourceSchema,
});
export type ValueBatch = z.infer<typeof ValueBatchSchema>;

/**
 * One stored value and where it came from (issue #13): the file, sheet and cell it was read from, with the header or
 * the row and column codes as `label`; `source` is null when none was recorded (demo data, values stored before
 * provenance was kept). `batch` is the import that wrote it (null for values no batch wrote).
 */
export const SourcedValueSchema = z.object({
  /** Canonical field (camelCase) and its import column key (snake_case). */
  field: z.string(),
  key: z.string(),
  zh: z.string(),
  unit: z.string().nullable(),
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  source: ValueSourceSchema.nullable(),
  batch: ValueBatchSchema.nullable(),
});
export type SourcedValue = z.infer<typeof SourcedValueSchema>;

export const SchoolSourcesQuerySchema = z.object({
  /** The statistics year; the latest year with statistics when absent. */
  year: YearParamSchema.optional(),
});
export type SchoolSourcesQuery = z.infer<typeof SchoolSourcesQuerySchema>;

export const SchoolSourcesResponseSchema = z.object({
  school: z.object({ code: z.string(), name: z.string() }),
  /** The year shown (null when the school has no statistics). */
  year: z.number().int().nullable(),
  /** Years with statistics, oldest first. */
  years: z.array(z.number().int()),
  /** Every statistics value of the year, in the import template's column order. */
  values: z.array(SourcedValueSchema),
  /** The school's attributes (name, type, township …) as last imported. */
  attributes: z.array(SourcedValueSchema),
});
export type SchoolSourcesResponse = z.infer<typeof SchoolSourcesResponseSchema>;

/** 数据核对表: every school-year value of a county with its source, as CSV or XLSX. */
export const DataCheckQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  bom: booleanParam(true),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** One year; every year with statistics when absent. */
  year: YearParamSchema.optional(),
});
export type DataCheckQuery = z.infer<typeof DataCheckQuerySchema>;
