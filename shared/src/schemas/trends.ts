import { z } from 'zod';
import { STAGES } from '../method.ts';
import { ReportContextSchema } from './api.ts';
import { SchoolEventSchema } from './data.ts';
import { CvNullReasonSchema, IndicatorKeySchema } from './engine.ts';
import { ExportQuerySchema, SchoolFilterQuerySchema, StageParamSchema, YearParamSchema } from './query.ts';

/** Request and response contracts of 历年走势: one indicator's CV, weighted mean and urban/rural means per year. */

const stage = z.enum(STAGES);
const count = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();
const year = z.number().int();

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/trends
// ---------------------------------------------------------------------------------------------------------------

export const TrendsQuerySchema = SchoolFilterQuerySchema.extend({
  stage: StageParamSchema,
  indicator: IndicatorKeySchema,
  from: YearParamSchema.optional(),
  to: YearParamSchema.optional(),
})
  .extend(ExportQuerySchema.shape)
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'from 不能晚于 to / from must not be after to',
  });
export type TrendsQuery = z.infer<typeof TrendsQuerySchema>;

export const TrendRowSchema = z.object({
  year,
  /** Units with a value (students > 0). */
  n: count,
  schoolsCounted: count,
  studentsCounted: count,
  mean: nullableNumber,
  sd: nullableNumber,
  cv: nullableNumber,
  /** 2017 CV limit and threshold (null for the 2012-only indicators). */
  cvLimit: nullableNumber,
  cvPasses: z.boolean().nullable(),
  /** Why cv is null: fewer than 2 schools (too_few_units) or a mean of 0 (not_computable). */
  cvNullReason: CvNullReasonSchema.nullable(),
  threshold: nullableNumber,
  schoolsMeeting: count.nullable(),
  /** Student-weighted mean per urban–rural class (null when the class has no students). */
  means: z.object({ urban: nullableNumber, town: nullableNumber, rural: nullableNumber }),
  /** urban mean ÷ rural mean. */
  urbanToRural: nullableNumber,
});
export type TrendRow = z.infer<typeof TrendRowSchema>;

export const TrendsResponseSchema = ReportContextSchema.omit({ year: true }).extend({
  stage,
  indicator: IndicatorKeySchema,
  zh: z.string(),
  threshold: nullableNumber,
  cvLimit: nullableNumber,
  /** The range asked for (default: every year with data). */
  from: year,
  to: year,
  /** One row per year with data in the range, oldest first. */
  rows: z.array(TrendRowSchema),
  /**
   * Issue #13: renames, merges, closures, openings (and type or township changes) of the scope's schools that took
   * effect in the range, oldest first: the years where the set of schools behind the CV changed.
   */
  schoolEvents: z.array(SchoolEventSchema).optional(),
});
export type TrendsResponse = z.infer<typeof TrendsResponseSchema>;
