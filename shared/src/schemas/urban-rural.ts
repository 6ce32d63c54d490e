import { z } from 'zod';
import { ReportContextSchema } from './api.ts';
import {
  EquityReportSchema,
  IndicatorDecompositionSchema,
  IndicatorKeySchema,
  StageUnitExclusionSchema,
  TownshipComparisonSchema,
  UnitGroupingSchema,
  UrbanRuralReportSchema,
} from './engine.ts';
import { CountyYearQuerySchema } from './query.ts';

/**
 * Request and response contracts of 城乡差距 (METHOD.md §6, §7): the urban–rural groups and ratios, the CV
 * decomposition and the other equity measures. County reports extend ReportContextSchema; the engine results inside
 * them keep the engine's field names.
 */

const count = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();

/** Which stage units were counted and which were left out (METHOD.md §2: exclusions are shown, never silent). */
const countedUnits = {
  schoolsCounted: count,
  studentsCounted: count,
  excluded: z.array(StageUnitExclusionSchema),
};

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/urban-rural
// ---------------------------------------------------------------------------------------------------------------

export const URBAN_RURAL_TABLES = ['groups', 'ratios', 'decomposition', 'townships'] as const;
export const UrbanRuralQuerySchema = CountyYearQuerySchema.extend({
  /** Which table a CSV/XLSX download holds. */
  table: z.enum(URBAN_RURAL_TABLES).default('groups'),
});
export type UrbanRuralQuery = z.infer<typeof UrbanRuralQuerySchema>;

export const UrbanRuralResponseSchema = ReportContextSchema.extend({
  ...UrbanRuralReportSchema.shape,
  ...countedUnits,
  /** The same comparison per township (乡镇/街道), with the CV decomposition by township. */
  townships: TownshipComparisonSchema,
});
export type UrbanRuralResponse = z.infer<typeof UrbanRuralResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/decomposition
// ---------------------------------------------------------------------------------------------------------------

export const DECOMPOSITION_TABLES = ['contributions', 'groups'] as const;
export const DecompositionQuerySchema = CountyYearQuerySchema.extend({
  indicator: IndicatorKeySchema,
  /** Grouping of the within / between split: 城乡 class, township or 学区/教育集团. */
  by: UnitGroupingSchema.default('locale'),
  table: z.enum(DECOMPOSITION_TABLES).default('contributions'),
});
export type DecompositionQuery = z.infer<typeof DecompositionQuerySchema>;

export const DecompositionResponseSchema = ReportContextSchema.extend({
  ...IndicatorDecompositionSchema.shape,
  ...countedUnits,
  /** Indicator name in Chinese. */
  zh: z.string(),
  /** 2017 threshold and CV limit (null for the 2012-only indicators). */
  threshold: nullableNumber,
  cvLimit: nullableNumber,
});
export type DecompositionResponse = z.infer<typeof DecompositionResponseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/districts/:code/equity
// ---------------------------------------------------------------------------------------------------------------

export const EquityQuerySchema = CountyYearQuerySchema.extend({
  /** Grouping of the Theil T between / within split. */
  by: UnitGroupingSchema.default('locale'),
});
export type EquityQuery = z.infer<typeof EquityQuerySchema>;

export const EquityResponseSchema = ReportContextSchema.extend({ ...EquityReportSchema.shape, ...countedUnits });
export type EquityResponse = z.infer<typeof EquityResponseSchema>;
