import { z } from 'zod';
import { CHANGE_LEVELS, STATUS_LEVELS } from '../compute/county-status.ts';
import { QUALITY_INDICATOR_KEYS, STAGES } from '../method.ts';
import { BalanceSummaryRowSchema } from './api.ts';
import { QualityIndicatorValuesSchema } from './engine.ts';
import { booleanParam, ExportQuerySchema, StageParamSchema, YearParamSchema } from './query.ts';

/** A city: the first four digits of its districts' codes (地级市), with its name where the data gives one. */
export const CityCodeSchema = z.string().regex(/^\d{4}$/, '地市代码应为4位数字（区县代码的前4位）');

/** What the status × change grid is drawn for: one of the seven CVs, or the county's 资源配置 verdict. */
export const COMPARISON_MEASURES = ['passes', ...QUALITY_INDICATOR_KEYS] as const;
export const ComparisonMeasureSchema = z.enum(COMPARISON_MEASURES);
export type ComparisonMeasure = z.infer<typeof ComparisonMeasureSchema>;

export const CountyComparisonQuerySchema = z
  .object({
    stage: StageParamSchema,
    /** Default: the latest year with data. */
    year: YearParamSchema.optional(),
    includePrivate: booleanParam(true),
    /** Only the counties of this city. */
    city: CityCodeSchema.optional(),
    /** The grid's measure (exports name each county's status and change by it). */
    measure: ComparisonMeasureSchema.default('passes'),
    /**
     * Only the first N counties in `rows` (what a first screen shows: the heatmap's window and the table's first
     * page); `total` and `grid` still cover every county. For the JSON answer only: a file always holds every county.
     */
    first: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .extend(ExportQuerySchema.shape)
  .refine((query) => query.first === undefined || query.format === 'json', {
    path: ['first'],
    message: 'first 只用于 JSON 答复：导出的文件总是包含全部区县 (first applies to the JSON answer only)',
  });
export type CountyComparisonQuery = z.infer<typeof CountyComparisonQuerySchema>;

export const CountyComparisonRowSchema = BalanceSummaryRowSchema.extend({
  cityCode: CityCodeSchema,
  cityName: z.string().nullable(),
  /** The year before, with its CVs and verdict, when the county has data for it. */
  previousYear: z.number().int().nullable(),
  previousCvs: QualityIndicatorValuesSchema.nullable(),
  previousPasses: z.boolean().nullable(),
  /** The first year (up to this one) in which the county passed 资源配置; null if it never has. */
  firstPassedYear: z.number().int().nullable(),
});
export type CountyComparisonRow = z.infer<typeof CountyComparisonRowSchema>;

export const CountyComparisonResponseSchema = z.object({
  stage: z.enum(STAGES),
  includePrivate: z.boolean(),
  /** The year compared; null when there is no data at all. */
  year: z.number().int().nullable(),
  /** Every year with data for the counties the user may see. */
  years: z.array(z.number().int()),
  /** The CV limit of the stage (小学 0.50, 初中 0.45). */
  cvLimit: z.number(),
  /** The cities of the counties the user may see (whatever the city filter). */
  cities: z.array(z.object({ code: CityCodeSchema, name: z.string().nullable(), counties: z.number().int() })),
  city: CityCodeSchema.nullable(),
  measure: ComparisonMeasureSchema,
  /** Counties with data for the year (of the city, if one is chosen), by code; only the first `first` if asked. */
  rows: z.array(CountyComparisonRowSchema),
  /** How many counties there are to compare (`rows` holds them all unless `first` was asked). */
  total: z.number().int(),
  /** The status × change grid of every county (not only `rows`) for `measure`, best cell first. */
  grid: z.array(
    z.object({
      status: z.enum(STATUS_LEVELS),
      change: z.enum(CHANGE_LEVELS),
      count: z.number().int(),
      /** The counties in the cell, by code. */
      names: z.array(z.string()),
    }),
  ),
});
export type CountyComparisonResponse = z.infer<typeof CountyComparisonResponseSchema>;
