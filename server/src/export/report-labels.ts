import type { ReportContext, Stage } from '@junheng/shared';
import { describeContext } from '../county/county.service.ts';

type Lang = 'zh' | 'en';

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
