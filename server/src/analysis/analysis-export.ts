import type { ExportQuery, ReportContext, Stage } from '@junheng/shared';
import type { Response } from 'express';
import type { z } from 'zod';
import { describeContext } from '../county/county.service.ts';
import { indicatorDefinitions } from '../export/send-report.ts';
import { sendTable } from '../export/send-table.ts';
import type { ExportTable } from '../export/table.ts';
import { sendValidated } from '../http/respond.ts';
import type { Lang } from './analysis-labels.ts';

/** What an export states about itself: file name parts, the filters of the 说明 sheet and the data years. */
export interface ExportLabels {
  fileNameParts: string[];
  filters: [string, string][];
  dataYears: string;
}

/** Labels of a county-year report (county, year, stage, filters), plus extra parts such as the indicator. */
export function labelCountyYear(
  context: ReportContext,
  stage: Stage | null,
  lang: Lang,
  extra: [string, string][] = [],
): ExportLabels {
  const described = describeContext(context, stage, lang);
  return {
    fileNameParts: [...described.fileNameParts, ...extra.map(([, value]) => value)],
    filters: [...described.filters, ...extra],
    dataYears: String(context.year),
  };
}

/** Labels of a report over a range of years: the year entry says "2019–2025" instead of one year. */
export function labelYearRange(
  context: Omit<ReportContext, 'year'>,
  years: { from: number; to: number },
  stage: Stage | null,
  lang: Lang,
  extra: [string, string][] = [],
): ExportLabels {
  const range = years.from === years.to ? String(years.from) : `${years.from}–${years.to}`;
  const described = describeContext({ ...context, year: years.to }, stage, lang);
  const yearLabel = lang === 'zh' ? '年度' : 'Year';
  // describeContext puts the year second in both lists (after the county).
  return {
    fileNameParts: [
      ...described.fileNameParts.map((part, index) => (index === 1 ? range.replace('–', '-') : part)),
      ...extra.map(([, value]) => value),
    ],
    filters: [
      ...described.filters.map(([key, value]): [string, string] => [key, key === yearLabel ? range : value]),
      ...extra,
    ],
    dataYears: range,
  };
}

/**
 * Answers an analysis report as JSON (validated against the shared schema) or as a CSV/XLSX download of one of its
 * tables, built from the same body so the file matches the JSON row for row. Like sendReport, with labels for reports
 * that are not one county-year and extra definitions for the 说明 sheet.
 */
export async function sendAnalysisReport<S extends z.ZodType, Row>(
  res: Response,
  query: ExportQuery,
  report: {
    schema: S;
    body: z.input<S>;
    labels: (lang: Lang) => ExportLabels;
    table: (lang: Lang) => ExportTable<Row>;
    definitions?: (lang: Lang) => [string, string][];
    now?: Date;
  },
): Promise<void> {
  if (query.format === 'json') {
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
    lang: query.lang,
  });
}

/** Definitions of the analysis measures, for the 说明 sheet. */
export function analysisDefinitions(lang: Lang, topics: readonly AnalysisTopic[]): [string, string][] {
  return topics.map((topic) => [DEFINITIONS[topic].title[lang], DEFINITIONS[topic].text[lang]]);
}

type AnalysisTopic = 'urbanRural' | 'decomposition' | 'equity' | 'rotation' | 'ranking';

const DEFINITIONS: Record<AnalysisTopic, { title: Record<Lang, string>; text: Record<Lang, string> }> = {
  urbanRural: {
    title: { zh: '城乡分类', en: 'Urban–rural classes' },
    text: {
      zh: '统计用城乡分类代码 111、112 为城区，121、122、123 为镇区，210、220 为乡村；各类均值按在校生数加权；城乡比 = 城区均值 ÷ 乡村均值',
      en: 'Codes 111, 112 = urban; 121, 122, 123 = town; 210, 220 = rural; means weighted by students; urban/rural ratio = urban mean / rural mean',
    },
  },
  decomposition: {
    title: { zh: '差异系数分解', en: 'CV decomposition' },
    text: {
      zh: 'CV² = 组内 + 组间：组内 = Σ(P_g/P)·S_g²/X̄²，组间 = Σ(P_g/P)·(X̄_g − X̄)²/X̄²；学校贡献 cᵢ = (Pᵢ/P)(Xᵢ − X̄)²/X̄²，各校贡献之和 = CV²',
      en: 'CV² = within + between: within = Σ(P_g/P)·S_g²/X̄², between = Σ(P_g/P)·(X̄_g − X̄)²/X̄²; school contribution cᵢ = (Pᵢ/P)(Xᵢ − X̄)²/X̄², summing to CV²',
    },
  },
  equity: {
    title: { zh: '公平指标', en: 'Equity measures' },
    text: {
      zh: '均按在校生数加权。基尼系数 = ΣΣPᵢPⱼ|Xᵢ−Xⱼ|/(2(ΣP)²X̄)；泰尔指数 T = Σ(P/ΣP)(X/X̄)ln(X/X̄)（取值为0的学校不参与，单列其数量）；McLoone 指数 = 中位数以下学校的资源 ÷ 按中位数应有的资源；极差 = 最大值 − 最小值；极差率 = 最大值 ÷ 最小值；联邦极差率 = (P95 − P5) ÷ P5',
      en: 'All weighted by students. Gini = ΣΣPᵢPⱼ|Xᵢ−Xⱼ|/(2(ΣP)²X̄); Theil T = Σ(P/ΣP)(X/X̄)ln(X/X̄) (schools with X = 0 left out and counted); McLoone = resource below the median / resource at the median; range = max − min; range ratio = max / min; federal range ratio = (P95 − P5) / P5',
    },
  },
  rotation: {
    title: { zh: '交流轮岗', en: 'Teacher rotation' },
    text: {
      zh: '交流比例 = 当年交流出校的教师人数（去重）÷ 符合交流条件教师数，应 ≥ 10%；骨干教师占比 = 其中骨干教师 ÷ 交流教师，应 ≥ 20%',
      en: 'Ratio = distinct teachers rotated out / teachers eligible, ≥ 10%; backbone share = backbone teachers among them / teachers rotated, ≥ 20%',
    },
  },
  ranking: {
    title: { zh: '排名', en: 'Rank' },
    text: {
      zh: '在全县同学段参与计算的学校中按指标值从高到低排名，并列同名次',
      en: 'Among the county’s counted schools of the stage, highest value first; ties share a rank',
    },
  },
};
