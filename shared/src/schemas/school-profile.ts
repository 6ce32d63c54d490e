import { z } from 'zod';
import { LOCALES, OWNERSHIPS, SCHOOL_TYPES, STAGES, URBAN_RURAL_CODES } from '../method.ts';
import { DistrictCodeSchema, SchoolEventSchema } from './data.ts';
import { ExclusionReasonSchema, QualityIndicatorKeySchema, RotationFlowSchema } from './engine.ts';
import { ExportQuerySchema, SchoolFilterQuerySchema } from './query.ts';

/** Request and response contracts of 学校档案: one school's indicators, standing and rotation over the years. */

const stage = z.enum(STAGES);
const count = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();
const year = z.number().int();

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
