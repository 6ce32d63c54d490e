import { z } from 'zod';
import { LOCALES, STAGES } from '../method.ts';
import { DistrictCodeSchema, SchoolCodeSchema } from './data.ts';
import {
  BasicReportSchema,
  IndicatorKeySchema,
  QualityIndicatorKeySchema,
  QualityIndicatorValuesSchema,
  QualityReportSchema,
} from './engine.ts';

/** What every county report says about itself: which county, year and schools it covers. */
export const ReportContextSchema = z.object({
  district: z.object({ code: DistrictCodeSchema, name: z.string() }),
  year: z.number().int(),
  /** Years with data in this county (for the year picker and for "no data for that year" answers). */
  years: z.array(z.number().int()),
  /**
   * The signed-in user's township scope: when restricted, every county-level figure of the report is computed over
   * these townships only, and the client says so.
   */
  accessScope: z.object({
    restricted: z.boolean(),
    townships: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  filters: z.object({
    townships: z.array(z.object({ code: z.string(), name: z.string() })),
    locales: z.array(z.enum(LOCALES)),
    groups: z.array(z.string()),
    includePrivate: z.boolean(),
  }),
});
export type ReportContext = z.infer<typeof ReportContextSchema>;

export const BalanceResponseSchema = ReportContextSchema.extend(QualityReportSchema.shape);
export type BalanceResponse = z.infer<typeof BalanceResponseSchema>;

export const BasicBalanceResponseSchema = ReportContextSchema.extend(BasicReportSchema.shape);
export type BasicBalanceResponse = z.infer<typeof BasicBalanceResponseSchema>;

export const RankingRowSchema = z.object({
  rank: z.number().int().positive(),
  code: SchoolCodeSchema,
  name: z.string(),
  township: z.string(),
  townshipCode: z.string(),
  locale: z.enum(LOCALES),
  students: z.number().int(),
  value: z.number().nullable(),
  /** The national threshold (优质均衡 indicators only; null for 2012-only indicators). */
  threshold: z.number().nullable(),
  meets: z.boolean().nullable(),
  /** value ÷ county weighted mean. */
  relativeToMean: z.number().nullable(),
});
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const RankingResponseSchema = ReportContextSchema.extend({
  stage: z.enum(STAGES),
  indicator: IndicatorKeySchema,
  /** Student-weighted county mean of the selection. */
  mean: z.number().nullable(),
  threshold: z.number().nullable(),
  cv: z.number().nullable(),
  rows: z.array(RankingRowSchema),
});
export type RankingResponse = z.infer<typeof RankingResponseSchema>;

export const BalanceSummaryRowSchema = z.object({
  districtCode: DistrictCodeSchema,
  districtName: z.string(),
  year: z.number().int(),
  schoolsCounted: z.number().int(),
  studentsCounted: z.number().int(),
  cvs: QualityIndicatorValuesSchema,
  /** null when fewer than 2 schools are counted: the CVs are not meaningful (as in the balance report's verdict). */
  cvPasses: z.boolean().nullable(),
  blockingIndicators: z.array(QualityIndicatorKeySchema),
  schoolsPassing: z.number().int(),
  passes: z.boolean().nullable(),
});
export type BalanceSummaryRow = z.infer<typeof BalanceSummaryRowSchema>;

/** One line per district and year: the 资源配置 verdict across a whole database (a city or province view). */
export const BalanceSummaryResponseSchema = z.object({
  stage: z.enum(STAGES),
  includePrivate: z.boolean(),
  rows: z.array(BalanceSummaryRowSchema),
});
export type BalanceSummaryResponse = z.infer<typeof BalanceSummaryResponseSchema>;
