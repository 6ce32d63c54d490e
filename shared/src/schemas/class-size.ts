import { z } from 'zod';
import { SCHOOL_TYPES, STAGES } from '../method.ts';
import { ReportContextSchema } from './api.ts';
import { ExclusionReasonSchema } from './engine.ts';
import { CountyYearQuerySchema } from './query.ts';

/**
 * 大班额 / 超大班额 and 大校额 per stage and year (METHOD.md §2, issue #9 point 5):
 * GET /api/v1/districts/:code/class-size?year&stage.
 */

const count = z.number().int().nonnegative();
const nullableCount = count.nullable();

/** One school's stage part: its classes, 56–65 / 66+ counts, largest class and the school-size rule. */
export const ClassSizeSchoolRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  schoolType: z.enum(SCHOOL_TYPES),
  townshipName: z.string(),
  /** Classes of the stage. */
  classes: count,
  /** Classes of 56–65 students (大班额); null = unknown (无数据). */
  largeClasses: nullableCount,
  /** Classes of 66 or more (超大班额); null = unknown. */
  hugeClasses: nullableCount,
  /** Largest class of the stage; null = unknown. */
  maxClassSize: nullableCount,
  /** Only a school-wide maximum of a multi-stage school is known: the stage's largest class is at most this. */
  maxBound: nullableCount,
  /** 'stage' = the per-stage columns; 'school' = derived from the school-wide columns; null = no data. */
  basis: z.enum(['stage', 'school']).nullable(),
  /** Class-size limit of the stage (45 primary, 50 junior) and the verdict; null = cannot be judged. */
  limit: z.number(),
  passes: z.boolean().nullable(),
  /** Students of this stage part. */
  stageStudents: count,
  /** Students the school-size rule counts (the compulsory part of a nine/twelve-year school), its limit, the verdict. */
  students: count,
  sizeLimit: z.number(),
  oversize: z.boolean(),
});
export type ClassSizeSchoolRow = z.infer<typeof ClassSizeSchoolRowSchema>;

/** County figures of one stage and year. */
export const ClassSizeTrendRowSchema = z.object({
  year: z.number().int(),
  schoolsCounted: count,
  classes: count,
  largeClasses: count,
  hugeClasses: count,
  /** Classes of schools whose band counts are unknown (the shares are then lower bounds). */
  classesWithoutData: count,
  /** (56–65 + 66+) ÷ classes; target ≤ 5%. */
  largeShare: z.number().nullable(),
  /** 66+ ÷ classes; target 0. */
  hugeShare: z.number().nullable(),
  largeSharePasses: z.boolean().nullable(),
  hugeSharePasses: z.boolean().nullable(),
  schoolsWithLargeClasses: count,
  schoolsOverLimit: count,
  schoolsUnknown: count,
  oversizeSchools: count,
});
export type ClassSizeTrendRow = z.infer<typeof ClassSizeTrendRowSchema>;

export const CLASS_SIZE_TABLES = ['schools', 'trend'] as const;
export const ClassSizeQuerySchema = CountyYearQuerySchema.extend({
  /** Which table a CSV/XLSX download holds: the schools of the year, or the county figures of every year. */
  table: z.enum(CLASS_SIZE_TABLES).default('schools'),
});
export type ClassSizeQuery = z.infer<typeof ClassSizeQuerySchema>;

export const ClassSizeReportSchema = ClassSizeTrendRowSchema.extend({
  stage: z.enum(STAGES),
  largeShareTarget: z.number(),
  hugeShareTarget: z.number(),
  excluded: z.array(z.object({ code: z.string(), name: z.string(), reason: ExclusionReasonSchema })),
  schools: z.array(ClassSizeSchoolRowSchema),
  /** The same county figures for every year with data. */
  trend: z.array(ClassSizeTrendRowSchema),
});
export type ClassSizeReport = z.infer<typeof ClassSizeReportSchema>;

export const ClassSizeResponseSchema = ReportContextSchema.extend(ClassSizeReportSchema.shape);
export type ClassSizeResponse = z.infer<typeof ClassSizeResponseSchema>;
