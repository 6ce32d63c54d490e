import { z } from 'zod';
import { LOCALES, STAGES } from '../method.ts';
import { DistrictCodeSchema, SchoolCodeSchema, TownshipCodeSchema } from './data.ts';
import { IndicatorKeySchema } from './engine.ts';

/** A comma-separated query value (`township=330999001,330999002`), also accepted repeated. */
export function commaList<T extends string>(item: z.ZodType<T, string>) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      (Array.isArray(v) ? v : v === undefined ? [] : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .pipe(z.array(item).max(200));
}

export const booleanParam = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? defaultValue : v === 'true' || v === '1'));

export const YearParamSchema = z.coerce.number({ error: '应为年份，如 2024' }).int().min(2000).max(2100);
export const StageParamSchema = z.enum(STAGES, { error: "stage 应为 'primary'（小学）或 'junior'（初中）" });
export const ExportFormatSchema = z.enum(['json', 'csv', 'xlsx']).default('json');
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const DistrictParamsSchema = z.object({ code: DistrictCodeSchema });
export const SchoolParamsSchema = z.object({ code: SchoolCodeSchema });

/** Filters shared by every county view (ARCHITECTURE.md, views and exports): which schools take part. */
export const SchoolFilterQuerySchema = z.object({
  township: commaList(TownshipCodeSchema),
  locale: commaList(z.enum(LOCALES)),
  group: commaList(z.string().min(1).max(60)),
  includePrivate: booleanParam(true),
});
export type SchoolFilterQuery = z.infer<typeof SchoolFilterQuerySchema>;

export const ExportQuerySchema = z.object({
  format: ExportFormatSchema,
  /** CSV only: the UTF-8 BOM Excel needs (default) or none, for scripts. */
  bom: booleanParam(true),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

export const CountyYearQuerySchema = SchoolFilterQuerySchema.extend({
  year: YearParamSchema,
  stage: StageParamSchema,
}).extend(ExportQuerySchema.shape);
export type CountyYearQuery = z.infer<typeof CountyYearQuerySchema>;

export const RankingQuerySchema = CountyYearQuerySchema.extend({ indicator: IndicatorKeySchema });
export type RankingQuery = z.infer<typeof RankingQuerySchema>;

export const BalanceQuerySchema = CountyYearQuerySchema.extend({
  /** Which table a CSV/XLSX download holds: the per-indicator CVs or the per-school compliance. */
  table: z.enum(['indicators', 'schools']).default('indicators'),
});
export type BalanceQuery = z.infer<typeof BalanceQuerySchema>;

/** Raw school-year statistics downloads: always a file, optionally limited to a year range. */
export const StatExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  bom: booleanParam(true),
  lang: z.enum(['zh', 'en']).default('zh'),
  from: YearParamSchema.optional(),
  to: YearParamSchema.optional(),
});

export const BalanceSummaryQuerySchema = z
  .object({
    stage: StageParamSchema,
    from: YearParamSchema.optional(),
    to: YearParamSchema.optional(),
    includePrivate: booleanParam(true),
  })
  .extend(ExportQuerySchema.shape);
export type BalanceSummaryQuery = z.infer<typeof BalanceSummaryQuerySchema>;
