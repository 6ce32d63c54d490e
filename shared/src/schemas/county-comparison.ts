import { z } from 'zod';
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
  })
  .extend(ExportQuerySchema.shape);
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
  /** Counties with data for the year (of the city, if one is chosen), by code. */
  rows: z.array(CountyComparisonRowSchema),
});
export type CountyComparisonResponse = z.infer<typeof CountyComparisonResponseSchema>;
