import { z } from 'zod';
import { LOCALES, STAGES } from '../method.ts';
import { ReportContextSchema } from './api.ts';
import { SchoolCodeSchema } from './data.ts';
import { IndicatorKeySchema, QualityIndicatorKeySchema } from './engine.ts';
import { CountyYearQuerySchema, commaList } from './query.ts';

const nullableNumber = z.number().nullable();

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/school-comparison — a school and up to 4 others × the seven 资源配置 indicators
// ---------------------------------------------------------------------------------------------------------------

/** The profiled school and up to four others (the profile's compare picker allows four). */
export const MAX_COMPARED_SCHOOLS = 5;

export const SchoolComparisonQuerySchema = CountyYearQuerySchema.extend({
  /** The schools side by side, in this order (school codes, comma-separated). */
  schools: commaList(SchoolCodeSchema).pipe(
    z
      .array(SchoolCodeSchema)
      .min(1, '至少选择 1 所学校 / choose at least one school')
      .max(MAX_COMPARED_SCHOOLS, `最多比较 ${MAX_COMPARED_SCHOOLS} 所学校 / at most ${MAX_COMPARED_SCHOOLS} schools`),
  ),
});
export type SchoolComparisonQuery = z.infer<typeof SchoolComparisonQuerySchema>;

export const ComparedSchoolSchema = z.object({
  code: SchoolCodeSchema,
  name: z.string(),
  townshipName: z.string(),
  locale: z.enum(LOCALES),
  students: z.number().int(),
  metCount: z.number().int(),
  passes: z.boolean(),
});
export type ComparedSchool = z.infer<typeof ComparedSchoolSchema>;

export const SchoolComparisonRowSchema = z.object({
  key: QualityIndicatorKeySchema,
  threshold: z.number(),
  /** Student-weighted mean of the selection's counted schools (the county mean under the filters). */
  countyMean: nullableNumber,
  /** One per compared school, in the order of `schools`. */
  values: z.array(z.object({ code: SchoolCodeSchema, value: nullableNumber, meets: z.boolean().nullable() })),
});
export type SchoolComparisonRow = z.infer<typeof SchoolComparisonRowSchema>;

export const SchoolComparisonResponseSchema = ReportContextSchema.extend({
  stage: z.enum(STAGES),
  schools: z.array(ComparedSchoolSchema),
  rows: z.array(SchoolComparisonRowSchema),
});
export type SchoolComparisonResponse = z.infer<typeof SchoolComparisonResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/year-over-year — every indicator and CV: this year, last year, first year
// ---------------------------------------------------------------------------------------------------------------

export const YearOverYearQuerySchema = CountyYearQuerySchema;
export type YearOverYearQuery = z.infer<typeof YearOverYearQuerySchema>;

/** A measure in the three years compared, with its change (current − previous, current − first). */
export const YearTripletSchema = z.object({
  first: nullableNumber,
  previous: nullableNumber,
  current: nullableNumber,
  changeFromPrevious: nullableNumber,
  changeFromFirst: nullableNumber,
});
export type YearTriplet = z.infer<typeof YearTripletSchema>;

export const YearOverYearRowSchema = z.object({
  /** An indicator key, or `composite_2012` for the 基本均衡 综合差异系数. */
  key: z.union([IndicatorKeySchema, z.literal('composite_2012')]),
  /** The 2017 CV limit (indicators of the 2017 table) or the 2012 composite limit; null otherwise. */
  cvLimit: nullableNumber,
  /** Student-weighted mean (null for the composite row). */
  mean: YearTripletSchema,
  cv: YearTripletSchema,
});
export type YearOverYearRow = z.infer<typeof YearOverYearRowSchema>;

export const YearOverYearResponseSchema = ReportContextSchema.extend({
  stage: z.enum(STAGES),
  /** The three years compared: null when the county has no earlier year (previous) or it is the same (first). */
  compared: z.object({
    first: z.number().int().nullable(),
    previous: z.number().int().nullable(),
    current: z.number().int(),
  }),
  schoolsCounted: YearTripletSchema,
  schoolsPassing: YearTripletSchema,
  rows: z.array(YearOverYearRowSchema),
});
export type YearOverYearResponse = z.infer<typeof YearOverYearResponseSchema>;
