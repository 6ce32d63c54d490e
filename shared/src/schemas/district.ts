import { z } from 'zod';
import { DistrictCodeSchema } from './data.ts';

export const HealthSchema = z.object({ status: z.literal('ok') });

export const DistrictSummarySchema = z.object({
  code: DistrictCodeSchema,
  name: z.string(),
  years: z.array(z.number().int()),
  schools: z.number().int(),
  townships: z.number().int(),
});
export type DistrictSummary = z.infer<typeof DistrictSummarySchema>;
export const DistrictListSchema = z.array(DistrictSummarySchema);
