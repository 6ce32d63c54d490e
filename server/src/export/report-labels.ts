import { LOCALE_LABELS, type ReportContext, STAGE_LABELS, type Stage } from '@junheng/shared';

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

/** Labels of a county-year report of the stage the query asks for (the shape a report definition's `labels` takes). */
export const labelCountyYearOfStage = (context: ReportContext, lang: Lang, query: { stage: Stage }): ExportLabels =>
  labelCountyYear(context, query.stage, lang);

/** Labels of a county-year report over both stages. */
export const labelCountyYearOfBothStages = (context: ReportContext, lang: Lang): ExportLabels =>
  labelCountyYear(context, null, lang);

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

/** Labels for an export's file name and 说明 sheet, in the order county, year, stage, filters. */
export function describeContext(
  context: ReportContext,
  stage: Stage | null,
  lang: 'zh' | 'en',
): { fileNameParts: string[]; filters: [string, string][] } {
  const zh = lang === 'zh';
  const f = context.filters;
  const filters: [string, string][] = [
    [zh ? '区县' : 'District', `${context.district.name} (${context.district.code})`],
    [zh ? '年度' : 'Year', String(context.year)],
  ];
  if (stage) filters.push([zh ? '学段' : 'Stage', zh ? STAGE_LABELS[stage].zh : STAGE_LABELS[stage].en]);
  const townships = f.townships.map((t) => t.name).join('、');
  const locales = f.locales.map((l) => (zh ? LOCALE_LABELS[l].zh : LOCALE_LABELS[l].en)).join('、');
  filters.push([zh ? '乡镇/街道' : 'Townships', townships || (zh ? '全部' : 'all')]);
  filters.push([zh ? '城乡分类' : 'Urban–rural', locales || (zh ? '全部' : 'all')]);
  filters.push([zh ? '学区/集团' : 'Groups', f.groups.join('、') || (zh ? '全部' : 'all')]);
  filters.push([
    zh ? '民办学校' : 'Private schools',
    f.includePrivate ? (zh ? '计入' : 'included') : zh ? '不计入' : 'excluded',
  ]);
  if (context.accessScope.restricted) {
    const area = context.accessScope.townships.map((t) => t.name).join('、');
    filters.push([
      zh ? '访问范围' : 'Access scope',
      zh ? `仅限 ${area}（县级数值按此范围计算）` : `${area} only (county figures computed over this scope)`,
    ]);
  }
  const fileNameParts = [context.district.name, String(context.year)];
  if (stage) fileNameParts.push(zh ? STAGE_LABELS[stage].zh : stage);
  if (townships) fileNameParts.push(townships);
  if (locales) fileNameParts.push(locales);
  if (f.groups.length > 0) fileNameParts.push(f.groups.join('、'));
  if (!f.includePrivate) fileNameParts.push(zh ? '不含民办' : 'public-only');
  return { fileNameParts, filters };
}
