import { type CvNullReason, QUALITY_INDICATORS, type QualityIndicatorValues } from '@junheng/shared';
/** A table as exported: typed columns (Chinese and English headers, unit, decimals) over rows of any shape. */
export interface ExportColumn<Row> {
  key: string;
  zh: string;
  en: string;
  unitZh?: string;
  unitEn?: string;
  /** Excel number format decimals; the CSV keeps full precision so it matches the JSON exactly. */
  decimals?: number;
  /** Decimals of one row's cell when they differ from `decimals` (a CV next to its limit: cvDisplayDecimals). */
  decimalsOf?: (row: Row) => number;
  /** XLSX column width in characters, for long text (by default the header's width). */
  width?: number;
  value: (row: Row) => string | number | boolean | null | undefined;
}

export interface ExportTable<Row> {
  /** Sheet name and the part of the file name that says what the table is, e.g. 差异系数. */
  titleZh: string;
  titleEn: string;
  columns: ExportColumn<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
}

export interface ExportContext {
  /** County, year, stage and filter labels, in order; they name the file and fill the 说明 sheet. */
  fileNameParts: string[];
  /** Human-readable filters, e.g. [['年度', '2024'], ['学段', '小学'], ['乡镇', '城东街道']]. */
  filters: [string, string][];
  dataYears: string;
  generatedAt: Date;
  definitions: [string, string][];
  /** Notes (批注) on what the file shows: [what it is on, text with author and time]; XLSX 说明 sheet only. */
  notes?: [string, string][];
  lang: 'zh' | 'en';
}

export function headerOf<Row>(column: ExportColumn<Row>, lang: 'zh' | 'en'): string {
  const name = lang === 'zh' ? column.zh : column.en;
  const unit = lang === 'zh' ? column.unitZh : column.unitEn;
  return unit ? `${name}(${unit})` : name;
}

/** File names may not hold path separators or characters Windows refuses. */
export function buildFileName(parts: string[], extension: 'csv' | 'xlsx'): string {
  const base = parts
    .filter((p) => p.length > 0)
    .join('_')
    .replace(/[\\/:*?"<>|\r\n]+/g, '-')
    .slice(0, 150);
  return `${base}.${extension}`;
}

/** A yes/no cell in the export's language; null stays empty. */
export const yesNo = (value: boolean | null, lang: 'zh' | 'en') =>
  value === null ? null : lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';

/** The text a CV verdict cell holds: yes / no, or why there is no verdict when the CV is not meaningful (#15.6). */
export function cvVerdictText(passes: boolean | null, reason: CvNullReason | null | undefined, lang: 'zh' | 'en') {
  if (passes === null && reason === 'too_few_units') {
    return lang === 'zh'
      ? '不适用：少于 2 所学校，差异系数无意义'
      : 'n/a: fewer than 2 schools, a CV is not meaningful';
  }
  return yesNo(passes, lang);
}

/** A county-year's 资源配置 summary as the county tables export it (balance summary, 多县对比). */
interface CountySummaryRow {
  cvs: QualityIndicatorValues;
  cvPasses: boolean | null;
  passes: boolean | null;
}

/** A county's seven CVs, one column each, then whether all of them are within the limit. */
export function countyCvColumns<Row extends CountySummaryRow>(lang: 'zh' | 'en'): ExportColumn<Row>[] {
  return [
    ...QUALITY_INDICATORS.map(
      (d): ExportColumn<Row> => ({
        key: d.key,
        zh: `${d.zh}差异系数`,
        en: `CV ${d.en}`,
        decimals: 3,
        value: (r) => r.cvs[d.key],
      }),
    ),
    {
      key: 'cvPasses',
      zh: '差异系数全部达标',
      en: 'All CVs pass',
      value: (r) => cvVerdictText(r.cvPasses, r.cvPasses === null ? 'too_few_units' : null, lang),
    },
  ];
}

/** The county's 资源配置 verdict (every CV within the limit and every school passing). */
export function countyPassesColumn<Row extends CountySummaryRow>(lang: 'zh' | 'en'): ExportColumn<Row> {
  return {
    key: 'passes',
    zh: '资源配置达标',
    en: 'Passes',
    value: (r) => cvVerdictText(r.passes, r.passes === null ? 'too_few_units' : null, lang),
  };
}
