import { z } from 'zod';
import { STAGES } from '../method.ts';
import { ReportContextSchema } from './api.ts';
import {
  CountyInputItemSchema,
  CountyInputKeySchema,
  CountyInputsSchema,
  CvPlanSchema,
  DistanceToPassReportSchema,
  QualityReportSchema,
  ScorecardSchema,
  ScorecardStatusSchema,
  WhatIfChangeListSchema,
  WhatIfResultSchema,
} from './engine.ts';
import { CountyYearQuerySchema, ExportQuerySchema, SchoolFilterQuerySchema, YearParamSchema } from './query.ts';

/**
 * Request and response contracts of the planning endpoints: the full 优质均衡 scorecard, the county-year inputs it
 * needs, distance to pass (补短板) and what-if. County reports extend ReportContextSchema; the engine results inside
 * them keep the engine's field names.
 */

const stage = z.enum(STAGES);
const count = z.number().int().nonnegative();

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/scorecard
// ---------------------------------------------------------------------------------------------------------------

/** Scorecard of a county-year: both stages, so no `stage`; the school filters limit the computed items. */
export const ScorecardQuerySchema = SchoolFilterQuerySchema.extend({ year: YearParamSchema }).extend(
  ExportQuerySchema.shape,
);
export type ScorecardQuery = z.infer<typeof ScorecardQuerySchema>;

export const ScorecardResponseSchema = ReportContextSchema.extend({
  ...ScorecardSchema.shape,
  /** When the county-year inputs were last saved (ISO 8601); null when none were ever entered. */
  inputsUpdatedAt: z.string().nullable(),
});
export type ScorecardResponse = z.infer<typeof ScorecardResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// GET and PUT /api/v1/districts/:code/inputs
// ---------------------------------------------------------------------------------------------------------------

export const CountyInputsQuerySchema = z.object({ year: YearParamSchema }).extend(ExportQuerySchema.shape);
export type CountyInputsQuery = z.infer<typeof CountyInputsQuerySchema>;
/** A PUT answers JSON only: the year is its one query parameter. */
export const CountyInputsSaveQuerySchema = z.object({ year: YearParamSchema });

export const CountyInputNotesSchema = z.partialRecord(CountyInputKeySchema, z.string().max(500).nullable());
export type CountyInputNotes = z.infer<typeof CountyInputNotesSchema>;

/** The PUT body with notes: `{ values: { consolidation_rate: 0.97 }, notes: { consolidation_rate: '统计公报' } }`. */
export const CountyInputsWithNotesSchema = z.strictObject({
  values: CountyInputsSchema,
  notes: CountyInputNotesSchema.optional(),
});

/**
 * PUT body: the county-year's inputs by item key (CountyInputsSchema: ratios as fractions 0–1, booleans for yes/no
 * items, null = not entered), either bare or as `{ values, notes }`. The body replaces every stored input of that
 * county-year: an item left out is no longer entered.
 */
export const CountyInputsUpdateSchema = z.union([CountyInputsSchema, CountyInputsWithNotesSchema]);
export type CountyInputsUpdate = z.infer<typeof CountyInputsUpdateSchema>;

export const CountyInputEntrySchema = CountyInputItemSchema.extend({
  value: z.union([z.number(), z.boolean(), z.null()]),
  note: z.string().nullable(),
  /** ISO 8601; null when never saved. */
  updatedAt: z.string().nullable(),
  /** The user who saved the value (issue #12); null when never saved or saved before authors were recorded. */
  updatedBy: z.string().nullable(),
  status: ScorecardStatusSchema,
});
export type CountyInputEntry = z.infer<typeof CountyInputEntrySchema>;

export const CountyInputsResponseSchema = ReportContextSchema.extend({
  /** Every county-year input item (COUNTY_INPUT_ITEMS order), entered or not. */
  items: z.array(CountyInputEntrySchema),
  /** The entered values by key, ready to send back in a PUT. */
  values: CountyInputsSchema,
  updatedAt: z.string().nullable(),
});
export type CountyInputsResponse = z.infer<typeof CountyInputsResponseSchema>;

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
