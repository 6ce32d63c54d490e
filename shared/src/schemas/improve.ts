import { z } from 'zod';
import { STAGES } from '../method.ts';
import { ReportContextSchema } from './api.ts';
import {
  CvPlanSchema,
  DistanceToPassReportSchema,
  QualityReportSchema,
  WhatIfChangeListSchema,
  WhatIfResultSchema,
} from './engine.ts';
import { CountyYearQuerySchema, YearParamSchema } from './query.ts';

/** Request and response contracts of 补短板: distance to pass and what-if. The engine results keep their field names. */

const stage = z.enum(STAGES);
const count = z.number().int().nonnegative();

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/distance-to-pass
// ---------------------------------------------------------------------------------------------------------------

export const DISTANCE_TO_PASS_TABLES = ['shortfalls', 'plans'] as const;
export const DistanceToPassQuerySchema = CountyYearQuerySchema.extend({
  /** Which table a CSV/XLSX download holds: per-school shortfalls or the CV plans (one row per school raised). */
  table: z.enum(DISTANCE_TO_PASS_TABLES).default('shortfalls'),
});
export type DistanceToPassQuery = z.infer<typeof DistanceToPassQuerySchema>;

export const CvPlanOutcomeSchema = CvPlanSchema.extend({
  /** Schools passing 资源配置 (≥ 6 of 7, the missed one at ≥ 85%) before and after this plan alone. */
  schoolsPassingBefore: count,
  schoolsPassingAfter: count,
});
export type CvPlanOutcome = z.infer<typeof CvPlanOutcomeSchema>;

export const DistanceToPassResponseSchema = ReportContextSchema.extend({
  ...DistanceToPassReportSchema.shape,
  cvPlans: z.array(CvPlanOutcomeSchema),
  schoolsCounted: count,
});
export type DistanceToPassResponse = z.infer<typeof DistanceToPassResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// POST /api/v1/districts/:code/what-if
// ---------------------------------------------------------------------------------------------------------------

export const WHAT_IF_MAX_CHANGES = 200;
export const WhatIfQuerySchema = z.object({ year: YearParamSchema });
export type WhatIfQuery = z.infer<typeof WhatIfQuerySchema>;

export const WhatIfRequestSchema = z.strictObject({
  /** Limit the reports to one stage; default both. */
  stage: stage.optional(),
  /** Count private schools (default true), as in every county view. */
  includePrivate: z.boolean().optional(),
  changes: WhatIfChangeListSchema.max(WHAT_IF_MAX_CHANGES),
});
export type WhatIfRequest = z.infer<typeof WhatIfRequestSchema>;

const reportsByStage = z.object({ primary: QualityReportSchema.optional(), junior: QualityReportSchema.optional() });

export const WhatIfCvChangeSchema = WhatIfResultSchema.shape.cvChanges.element.extend({
  /** The CV moved (|after − before| > 1e-12) or its pass/fail changed. */
  changed: z.boolean(),
});
export type WhatIfCvChange = z.infer<typeof WhatIfCvChangeSchema>;

/**
 * The answer to a what-if, 200 when every change applies and 422 (same body, `valid: false`, `after: null`) when any
 * change is rejected; `errors` name each rejected change by its index. Nothing is ever written.
 */
export const WhatIfResponseSchema = ReportContextSchema.extend({
  stage: stage.nullable(),
  valid: z.boolean(),
  errors: WhatIfResultSchema.shape.errors,
  changes: count,
  before: reportsByStage,
  after: reportsByStage.nullable(),
  cvChanges: z.array(WhatIfCvChangeSchema),
  verdicts: WhatIfResultSchema.shape.verdicts,
  schoolChanges: WhatIfResultSchema.shape.schoolChanges,
});
export type WhatIfResponse = z.infer<typeof WhatIfResponseSchema>;
