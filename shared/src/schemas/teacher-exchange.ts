import { z } from 'zod';
import { ReportContextSchema } from './api.ts';
import { RotationMultiYearModeSchema, RotationRatioSchoolsSchema, RotationReportSchema } from './engine.ts';
import { ExportQuerySchema, SchoolFilterQuerySchema, YearParamSchema } from './query.ts';

/** Request and response contracts of 教师交流轮岗 (METHOD.md §5). The engine results keep the engine's field names. */

const count = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();
const year = z.number().int();

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/teacher-exchange
// ---------------------------------------------------------------------------------------------------------------

export const TEACHER_EXCHANGE_TABLES = ['schools', 'flows', 'effect', 'years'] as const;
export const TeacherExchangeQuerySchema = SchoolFilterQuerySchema.extend({ year: YearParamSchema })
  .extend(ExportQuerySchema.shape)
  .extend({
    table: z.enum(TEACHER_EXCHANGE_TABLES).default('schools'),
    /** A rotation over several school years counts in its first year (default) or in every year the teacher is away. */
    multiYear: RotationMultiYearModeSchema.default('first_year'),
    /** The 10% / 20% ratios count public (公办) schools only (default) or all schools. */
    ratioSchools: RotationRatioSchoolsSchema.default('public'),
  });
export type TeacherExchangeQuery = z.infer<typeof TeacherExchangeQuerySchema>;

/** One year of the 交流轮岗 series: the ratio against 10% and the backbone share against 20%. */
export const TeacherExchangeYearSchema = z.object({
  year,
  eligible: count,
  rotated: count,
  ratio: nullableNumber,
  ratioPasses: z.boolean().nullable(),
  backboneRotated: count,
  backboneShare: nullableNumber,
  backbonePasses: z.boolean().nullable(),
  /** Backbone teachers into rural schools minus out of them. */
  netBackboneToRural: z.number().int(),
});
export type TeacherExchangeYear = z.infer<typeof TeacherExchangeYearSchema>;

export const TeacherExchangeResponseSchema = ReportContextSchema.extend({
  ...RotationReportSchema.shape,
  /** Every year with data, oldest first (the ratio-per-year line against 10%). */
  series: z.array(TeacherExchangeYearSchema),
});
export type TeacherExchangeResponse = z.infer<typeof TeacherExchangeResponseSchema>;
