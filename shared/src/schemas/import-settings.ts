import { z } from 'zod';
import { DistrictCodeSchema } from './data.ts';

/**
 * A county's import settings (issue #13): whether 教学点 that the statistics do not count as schools (是否计校数 = 0)
 * are merged into their parent school (as the statistics do) or kept as teaching points, and from how many years at
 * one school a teacher is due to rotate when eligibility is derived from a teacher roster.
 */
export const TEACHING_POINT_MODES = ['merge', 'keep'] as const;
export type TeachingPointMode = (typeof TEACHING_POINT_MODES)[number];

export const CountyImportSettingsUpdateSchema = z
  .object({
    teachingPoints: z.enum(TEACHING_POINT_MODES),
    rotationEligibleYears: z.number().int().min(1).max(30),
  })
  .strict();
export type CountyImportSettingsUpdate = z.infer<typeof CountyImportSettingsUpdateSchema>;

export const CountyImportSettingsResponseSchema = z.object({
  districtCode: DistrictCodeSchema,
  teachingPoints: z.enum(TEACHING_POINT_MODES),
  rotationEligibleYears: z.number().int(),
  /** False while the county uses the defaults (nothing saved yet). */
  saved: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type CountyImportSettingsResponse = z.infer<typeof CountyImportSettingsResponseSchema>;
