import { z } from 'zod';
import { LOCALES, OWNERSHIPS, SCHOOL_TYPES, STAGES, URBAN_RURAL_CODES } from '../method.ts';
import { ReportContextSchema } from './api.ts';
import { DistrictCodeSchema, SchoolEventSchema } from './data.ts';
import {
  CvNullReasonSchema,
  EquityReportSchema,
  ExclusionReasonSchema,
  IndicatorDecompositionSchema,
  IndicatorKeySchema,
  QualityIndicatorKeySchema,
  RotationFlowSchema,
  RotationMultiYearModeSchema,
  RotationRatioSchoolsSchema,
  RotationReportSchema,
  StageUnitExclusionSchema,
  TownshipComparisonSchema,
  UnitGroupingSchema,
  UrbanRuralReportSchema,
} from './engine.ts';
import {
  CountyYearQuerySchema,
  ExportQuerySchema,
  SchoolFilterQuerySchema,
  StageParamSchema,
  YearParamSchema,
} from './query.ts';

/**
 * Request and response contracts of the analysis endpoints (METHOD.md §6, §7, §5): urban–rural gaps, CV
 * decomposition, equity measures, teacher exchange, trends and the school profile. County reports extend
 * ReportContextSchema; the engine results inside them keep the engine's field names.
 */

const stage = z.enum(STAGES);
const count = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();
const year = z.number().int();

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

// ---------------------------------------------------------------------------------------------------------------
// GET /api/v1/schools/:code
// ---------------------------------------------------------------------------------------------------------------

export const SchoolProfileQuerySchema = SchoolFilterQuerySchema.pick({ includePrivate: true }).extend(
  ExportQuerySchema.shape,
);
export type SchoolProfileQuery = z.infer<typeof SchoolProfileQuerySchema>;

export const ProfileIndicatorSchema = z.object({
  key: QualityIndicatorKeySchema,
  zh: z.string(),
  value: nullableNumber,
  threshold: z.number(),
  met: z.boolean().nullable(),
  /** Student-weighted mean, CV and limit over the county's counted units of that stage and year. */
  countyMean: nullableNumber,
  countyCv: nullableNumber,
  cvLimit: z.number(),
  /** Rank among the county's counted units of the stage (1 = highest; ties share a rank); null when not counted. */
  rank: z.number().int().positive().nullable(),
  /** Units ranked. */
  n: count,
  relativeToMean: nullableNumber,
});
export type ProfileIndicator = z.infer<typeof ProfileIndicatorSchema>;

/** One stage part of the school in one year. */
export const ProfilePartSchema = z.object({
  year,
  stage,
  students: count,
  /** Whether the part counts in the county's CVs; if not, why (special school, small teaching point, private). */
  counted: z.boolean(),
  exclusionReason: ExclusionReasonSchema.nullable(),
  exclusionReasonZh: z.string().nullable(),
  metCount: count,
  passes: z.boolean(),
  missed: z.array(QualityIndicatorKeySchema),
  indicators: z.array(ProfileIndicatorSchema),
});
export type ProfilePart = z.infer<typeof ProfilePartSchema>;

export const ProfileRotationYearSchema = z.object({
  year,
  eligible: count,
  out: count,
  in: count,
  backboneOut: count,
  backboneIn: count,
});
export type ProfileRotationYear = z.infer<typeof ProfileRotationYearSchema>;

export const SchoolProfileResponseSchema = z.object({
  school: z.object({
    code: z.string(),
    name: z.string(),
    schoolType: z.enum(SCHOOL_TYPES),
    schoolTypeZh: z.string(),
    townshipCode: z.string(),
    townshipName: z.string(),
    urbanRuralCode: z.enum(URBAN_RURAL_CODES),
    locale: z.enum(LOCALES),
    ownership: z.enum(OWNERSHIPS),
    boarding: z.boolean(),
    groupName: z.string().nullable(),
    parentSchoolCode: z.string().nullable(),
  }),
  district: z.object({ code: DistrictCodeSchema, name: z.string() }),
  includePrivate: z.boolean(),
  /** Years with statistics for this school, oldest first. */
  years: z.array(year),
  stages: z.array(stage),
  /** One entry per year × stage part, oldest year first. */
  parts: z.array(ProfilePartSchema),
  /** 交流轮岗 out of and into the school per year (distinct teachers). */
  rotations: z.array(ProfileRotationYearSchema),
  /** School-to-school flows involving this school. */
  flows: z.array(RotationFlowSchema.omit({ level: true }).extend({ year })),
  /** Issue #13: the school's recorded changes (renames, merge, closure …) and merges of other schools into it. */
  events: z.array(SchoolEventSchema).optional(),
  /** Issue #13: names the school had before its current one, with the last year each was used, oldest first. */
  formerNames: z.array(z.object({ name: z.string(), until: year })).optional(),
});
export type SchoolProfileResponse = z.infer<typeof SchoolProfileResponseSchema>;
