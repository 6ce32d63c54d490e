import { z } from 'zod';
import { ReportContextSchema } from './api.ts';
import {
  CountyInputItemSchema,
  CountyInputKeySchema,
  CountyInputsSchema,
  ScorecardSchema,
  ScorecardStatusSchema,
} from './engine.ts';
import { ExportQuerySchema, SchoolFilterQuerySchema, YearParamSchema } from './query.ts';

/**
 * Request and response contracts of 评估总表: the full 优质均衡 scorecard and the county-year inputs (县级填报) it
 * needs. County reports extend ReportContextSchema; the engine results inside them keep the engine's field names.
 */

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
