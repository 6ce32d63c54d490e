import { type ExportQuery, QUALITY_CV_LIMIT, QUALITY_INDICATORS, type Stage } from '@junheng/shared';
import type { Response } from 'express';
import type { z } from 'zod';
import type { CachedReport } from '../cache/report-cache.ts';
import { sendValidated } from '../http/respond.ts';
import type { ExportLabels } from './report-labels.ts';
import { sendTable } from './send-table.ts';
import type { ExportTable } from './table.ts';

const limitText = (stage: Stage) => QUALITY_CV_LIMIT[stage].toFixed(2);
const CV_DEFINITION_ZH = `差异系数 CV = S / X̄，X̄ = ΣPᵢXᵢ / ΣPᵢ（按在校生数加权），S = √(Σ(Pᵢ/ΣP)(Xᵢ − X̄)²)；优质均衡限值：小学 ≤ ${limitText('primary')}，初中 ≤ ${limitText('junior')}`;
const CV_DEFINITION_EN = `CV = S / X̄ with X̄ = ΣPᵢXᵢ / ΣPᵢ (weighted by students) and S = √(Σ(Pᵢ/ΣP)(Xᵢ − X̄)²); limits: primary ≤ ${limitText('primary')}, junior ≤ ${limitText('junior')}`;

export function indicatorDefinitions(lang: 'zh' | 'en'): [string, string][] {
  const zh = lang === 'zh';
  return [
    [zh ? '差异系数' : 'Coefficient of variation', zh ? CV_DEFINITION_ZH : CV_DEFINITION_EN],
    ...QUALITY_INDICATORS.map((d): [string, string] => [
      zh ? `${d.zh}(${d.unitZh})` : `${d.en} (${d.unitEn})`,
      `${zh ? d.definitionZh : d.definitionEn}；${zh ? '标准' : 'threshold'}: ${zh ? '小学' : 'primary'} ≥ ${d.threshold.primary}, ${zh ? '初中' : 'junior'} ≥ ${d.threshold.junior}`,
    ]),
  ];
}

/**
 * Answers a report as JSON (validated against the shared schema, or the cached serialisation) or as a CSV/XLSX
 * download of one of its tables. The table is built from the same body, so the file matches the JSON row for row.
 */
export async function sendReport<S extends z.ZodType, Row>(
  res: Response,
  query: ExportQuery,
  report: {
    schema: S;
    body: z.input<S>;
    /** What the file states about itself: name parts, the 说明 sheet's filters and the data years. */
    labels: (lang: 'zh' | 'en') => ExportLabels;
    table: (lang: 'zh' | 'en') => ExportTable<Row>;
    /** Definitions beyond the indicators', for the 说明 sheet. */
    definitions?: (lang: 'zh' | 'en') => [string, string][];
    /** Notes (批注) on what the report shows, for the XLSX 说明 sheet (read only when an XLSX is asked for). */
    notes?: (lang: 'zh' | 'en') => Promise<[string, string][]>;
    /** The body already serialised (cached reports), sent as is when responses are not validated. */
    cached?: Pick<CachedReport<unknown>, 'json' | 'gzip'>;
    now?: Date;
  },
): Promise<void> {
  if (query.format === 'json') {
    if (report.cached && res.app.locals.validateResponses !== true) {
      res.type('application/json');
      res.vary('Accept-Encoding');
      // A cached report is compressed once and served many times (a county report is ~270 KB, ~30 KB gzipped).
      if (res.req.acceptsEncodings('gzip', 'identity') === 'gzip') {
        res.setHeader('Content-Encoding', 'gzip');
        res.send(report.cached.gzip());
      } else {
        res.send(report.cached.json());
      }
      return;
    }
    sendValidated(res, report.schema, report.body);
    return;
  }
  const { fileNameParts, filters, dataYears } = report.labels(query.lang);
  await sendTable(res, query.format, { bom: query.bom }, report.table(query.lang), {
    fileNameParts,
    filters,
    dataYears,
    generatedAt: report.now ?? new Date(),
    definitions: [...indicatorDefinitions(query.lang), ...(report.definitions?.(query.lang) ?? [])],
    ...(query.format === 'xlsx' && report.notes ? { notes: await report.notes(query.lang) } : {}),
    lang: query.lang,
  });
}
