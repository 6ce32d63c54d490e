import { z } from 'zod';
import { LOCALES, SCHOOL_TYPES, STAGES, URBAN_RURAL_CODES } from '../method.ts';
import { DistrictCodeSchema, SchoolCodeSchema } from './data.ts';
import { QualityIndicatorKeySchema, QualityIndicatorValuesSchema } from './engine.ts';
import { ExportQuerySchema, SchoolFilterQuerySchema, StageParamSchema, YearParamSchema } from './query.ts';

// ---------------------------------------------------------------------------------------------------------------
// Comparable schools and counties (issue #14 point 3): comparator sets as the UK's Financial Benchmarking tool
// builds them. The rules are constants here so that the server applies and the client shows the same numbers.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Comparable schools: same stage and same school type (办学类型) required; distance = |ln(students ÷ students)| +
 * localeStepWeight × steps between urban–rural classes (城区 → 镇区 → 乡村); the `limit` nearest, ties by school code.
 */
export const COMPARABLE_SCHOOL_RULE = Object.freeze({ limit: 10, localeStepWeight: 0.5 });

/**
 * Comparable counties: distance = |ln(compulsory students ÷ compulsory students)| + urbanShareWeight × |difference of
 * the share of students in 城区 schools| (shares 0–1); the `limit` nearest, ties by district code.
 */
export const COMPARABLE_COUNTY_RULE = Object.freeze({ limit: 5, urbanShareWeight: 2 });

const nullableNumber = z.number().nullable();

/** The comparator set on one indicator: its spread, and the subject's competition rank among itself and the set. */
export const ComparatorStandingSchema = z.object({
  /** Comparators with a value. */
  n: z.number().int(),
  min: nullableNumber,
  q1: nullableNumber,
  median: nullableNumber,
  q3: nullableNumber,
  max: nullableNumber,
  /** 1 = highest value among the subject and its comparators; null when the subject has no value. */
  rank: z.number().int().nullable(),
  /** How many were ranked (the subject included). */
  of: z.number().int(),
});
export type ComparatorStanding = z.infer<typeof ComparatorStandingSchema>;

// --- GET /api/v1/schools/:code/comparable ------------------------------------------------------------------------

export const ComparableSchoolsQuerySchema = SchoolFilterQuerySchema.pick({ includePrivate: true })
  .extend({
    year: YearParamSchema,
    stage: StageParamSchema,
    /** Which table a CSV/XLSX export holds: the schools side by side, or the standing on each indicator. */
    table: z.enum(['schools', 'standing']).default('schools'),
  })
  .extend(ExportQuerySchema.shape);
export type ComparableSchoolsQuery = z.infer<typeof ComparableSchoolsQuerySchema>;

export const ComparableSchoolSchema = z.object({
  code: SchoolCodeSchema,
  name: z.string(),
  district: z.object({ code: DistrictCodeSchema, name: z.string() }),
  townshipName: z.string(),
  schoolType: z.enum(SCHOOL_TYPES),
  urbanRuralCode: z.enum(URBAN_RURAL_CODES),
  locale: z.enum(LOCALES),
  /** Students of the stage part. */
  students: z.number().int(),
  /** Distance to the subject by the rule (0 for the subject itself). */
  distance: z.number(),
  values: QualityIndicatorValuesSchema,
  metCount: z.number().int(),
  passes: z.boolean(),
});
export type ComparableSchool = z.infer<typeof ComparableSchoolSchema>;

export const ComparableSchoolsResponseSchema = z.object({
  year: z.number().int(),
  stage: z.enum(STAGES),
  includePrivate: z.boolean(),
  rule: z.object({ limit: z.number().int(), localeStepWeight: z.number() }),
  /** The user's access scope limits the candidates (restricted to a county or to townships). */
  restricted: z.boolean(),
  /** Counted stage parts of the same type and stage in the user's scope that year, the subject excluded. */
  candidates: z.number().int(),
  school: ComparableSchoolSchema,
  /** Nearest first. */
  comparators: z.array(ComparableSchoolSchema),
  indicators: z.array(
    z.object({
      key: QualityIndicatorKeySchema,
      threshold: z.number(),
      value: nullableNumber,
      met: z.boolean().nullable(),
      standing: ComparatorStandingSchema,
    }),
  ),
});
export type ComparableSchoolsResponse = z.infer<typeof ComparableSchoolsResponseSchema>;

// --- GET /api/v1/districts/:code/comparable ----------------------------------------------------------------------

export const ComparableCountiesQuerySchema = SchoolFilterQuerySchema.pick({ includePrivate: true })
  .extend({ year: YearParamSchema, stage: StageParamSchema })
  .extend(ExportQuerySchema.shape);
export type ComparableCountiesQuery = z.infer<typeof ComparableCountiesQuerySchema>;

export const ComparableCountySchema = z.object({
  code: DistrictCodeSchema,
  name: z.string(),
  /** Compulsory students (小学 + 初中) of the county's visible schools that year. */
  students: z.number().int(),
  /** Share of those students in 城区 schools (0–1); null without students. */
  urbanShare: nullableNumber,
  distance: z.number(),
  /** The 资源配置 report of the stage, as on the county's own pages. */
  schoolsCounted: z.number().int(),
  cvs: QualityIndicatorValuesSchema,
  cvPasses: z.boolean().nullable(),
  passes: z.boolean().nullable(),
});
export type ComparableCounty = z.infer<typeof ComparableCountySchema>;

export const ComparableCountiesResponseSchema = z.object({
  year: z.number().int(),
  stage: z.enum(STAGES),
  includePrivate: z.boolean(),
  rule: z.object({ limit: z.number().int(), urbanShareWeight: z.number() }),
  restricted: z.boolean(),
  /** Other counties in the user's scope with students that year. */
  candidates: z.number().int(),
  cvLimit: z.number(),
  county: ComparableCountySchema,
  comparators: z.array(ComparableCountySchema),
});
export type ComparableCountiesResponse = z.infer<typeof ComparableCountiesResponseSchema>;
