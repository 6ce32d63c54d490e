import {
  BASIC_INDICATORS,
  type BalanceResponse,
  type BalanceSummaryResponse,
  type BasicBalanceResponse,
  type CvNullReason,
  cvDisplayDecimals,
  INDICATOR_CATALOG,
  type IndicatorCatalogEntry,
  type IndicatorKey,
  LOCALE_LABELS,
  QUALITY_CELL_STATE_LABELS,
  QUALITY_INDICATORS,
  qualityCellState,
  type RankingResponse,
  STAGE_LABELS,
  type Stage,
} from '@junheng/shared';
import {
  countyCvColumns,
  countyPassesColumn,
  cvVerdictText,
  type ExportColumn,
  type ExportTable,
  yesNo,
} from '../export/table.ts';

type Lang = 'zh' | 'en';
type Indicator = BalanceResponse['indicators'][number];
type SchoolResult = BalanceResponse['schools'][number];

const definitionOf = (key: string) => INDICATOR_CATALOG[key as IndicatorKey] as IndicatorCatalogEntry | undefined;
/** The decimals the screen shows an indicator's values in (the method catalog, the one source). */
const screenDecimals = (row: { key: string }) => definitionOf(row.key)?.decimals ?? 2;

export function buildBalanceIndicatorTable(report: BalanceResponse, lang: Lang): ExportTable<Indicator> {
  const columns: ExportColumn<Indicator>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    {
      key: 'name',
      zh: '指标',
      en: 'Indicator',
      value: (r) => (lang === 'zh' ? r.zh : (definitionOf(r.key)?.en ?? r.key)),
    },
    {
      key: 'unit',
      zh: '单位',
      en: 'Unit',
      value: (r) => (lang === 'zh' ? definitionOf(r.key)?.unitZh : definitionOf(r.key)?.unitEn),
    },
    { key: 'threshold', zh: '标准', en: 'Threshold', decimalsOf: screenDecimals, value: (r) => r.threshold },
    { key: 'n', zh: '学校数', en: 'Schools', decimals: 0, value: (r) => r.n },
    // Mean, SD, min and max in the indicator's own decimals, as the 差异系数 table on screen (formatIndicator).
    { key: 'mean', zh: '加权平均值', en: 'Weighted mean', decimalsOf: screenDecimals, value: (r) => r.mean },
    { key: 'sd', zh: '标准差', en: 'SD', decimalsOf: screenDecimals, value: (r) => r.sd },
    {
      key: 'cv',
      zh: '差异系数',
      en: 'CV',
      decimals: 3,
      decimalsOf: (r) => cvDisplayDecimals(r.cv, r.cvLimit),
      value: (r) => r.cv,
    },
    { key: 'cvLimit', zh: '差异系数限值', en: 'CV limit', decimals: 2, value: (r) => r.cvLimit },
    {
      key: 'cvPasses',
      zh: '差异系数达标',
      en: 'CV passes',
      value: (r) => cvVerdictText(r.cvPasses, r.cvNullReason, lang),
    },
    { key: 'schoolsMeeting', zh: '达标学校数', en: 'Schools meeting', decimals: 0, value: (r) => r.schoolsMeeting },
    { key: 'schoolsMissing', zh: '未达标学校数', en: 'Schools missing', decimals: 0, value: (r) => r.schoolsMissing },
    { key: 'min', zh: '最小值', en: 'Min', decimalsOf: screenDecimals, value: (r) => r.min },
    { key: 'max', zh: '最大值', en: 'Max', decimalsOf: screenDecimals, value: (r) => r.max },
  ];
  return { titleZh: '差异系数', titleEn: 'Balance', columns, rows: report.indicators };
}

export function buildBalanceSchoolTable(report: BalanceResponse, lang: Lang): ExportTable<SchoolResult> {
  const zh = lang === 'zh';
  const columns: ExportColumn<SchoolResult>[] = [
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.name },
    { key: 'township', zh: '乡镇/街道', en: 'Township', value: (r) => r.townshipName },
    {
      key: 'locale',
      zh: '城乡分类',
      en: 'Urban–rural',
      value: (r) => (zh ? LOCALE_LABELS[r.locale].zh : LOCALE_LABELS[r.locale].en),
    },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.students },
    ...QUALITY_INDICATORS.map(
      (d): ExportColumn<SchoolResult> => ({
        key: d.key,
        zh: d.zh,
        en: d.en,
        unitZh: d.unitZh,
        unitEn: d.unitEn,
        decimals: d.decimals,
        value: (r) => r.values[d.key] ?? null,
      }),
    ),
    // Each indicator's state as the compliance view shades it: met, below but ≥ 85% (allowed once), under 85%.
    ...QUALITY_INDICATORS.map(
      (d): ExportColumn<SchoolResult> => ({
        key: `${d.key}_state`,
        zh: `${d.zh}-达标情况`,
        en: `${d.en} - state`,
        value: (r) =>
          QUALITY_CELL_STATE_LABELS[qualityCellState(r.values[d.key], r.met[d.key], d.threshold[r.stage])][lang],
      }),
    ),
    { key: 'metCount', zh: '达标项数', en: 'Indicators met', decimals: 0, value: (r) => r.metCount },
    { key: 'passes', zh: '资源配置达标', en: 'Passes', value: (r) => yesNo(r.passes, lang) },
  ];
  return { titleZh: '学校达标', titleEn: 'Compliance', columns, rows: report.schools };
}

/** A row of the 2012 export: one of the eight indicators, or the 综合差异系数 row that closes the table. */
interface BasicExportRow {
  key: string;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  decimals: number;
  n: number;
  mean: number | null;
  sd: number | null;
  cv: number | null;
  limit: number | null;
  passes: boolean | null;
  cvNullReason: CvNullReason | null;
}

/**
 * The 2012 table as the panel shows it: the eight indicators in their published units (teacher indicators as ratios
 * per student), then the 综合差异系数 with its limit and verdict; a composite shown as 0.550 that fails keeps the
 * decimals that show why (cvDisplayDecimals).
 */
export function buildBasicBalanceTable(report: BasicBalanceResponse, lang: Lang): ExportTable<BasicExportRow> {
  const rows: BasicExportRow[] = report.indicators.map((indicator) => {
    const definition = BASIC_INDICATORS.find((d) => d.key === indicator.key);
    return {
      key: indicator.key,
      zh: definition?.zh ?? indicator.zh,
      en: definition?.en ?? indicator.key,
      unitZh: indicator.unitZh,
      unitEn: indicator.unitEn,
      decimals: definition?.decimals ?? 2,
      n: indicator.n,
      mean: indicator.mean,
      sd: indicator.sd,
      cv: indicator.cv,
      limit: null,
      passes: null,
      cvNullReason: indicator.cvNullReason,
    };
  });
  rows.push({
    key: 'composite',
    zh: '综合差异系数',
    en: 'Composite CV',
    unitZh: '',
    unitEn: '',
    decimals: 3,
    n: report.schoolsCounted,
    mean: null,
    sd: null,
    cv: report.compositeCv,
    limit: report.compositeLimit,
    passes: report.compositePasses,
    cvNullReason: report.compositeNullReason,
  });
  const zh = lang === 'zh';
  const columns: ExportColumn<BasicExportRow>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '指标', en: 'Indicator', value: (r) => (zh ? r.zh : r.en) },
    { key: 'unit', zh: '单位', en: 'Unit', value: (r) => (zh ? r.unitZh : r.unitEn) },
    { key: 'n', zh: '学校数', en: 'Schools', decimals: 0, value: (r) => r.n },
    { key: 'mean', zh: '加权平均值', en: 'Weighted mean', decimalsOf: (r) => r.decimals, value: (r) => r.mean },
    { key: 'sd', zh: '标准差', en: 'SD', decimalsOf: (r) => r.decimals, value: (r) => r.sd },
    {
      key: 'cv',
      zh: '差异系数',
      en: 'CV',
      decimals: 3,
      decimalsOf: (r) => cvDisplayDecimals(r.cv, r.limit),
      value: (r) => r.cv,
    },
    { key: 'limit', zh: '限值', en: 'Limit', decimals: 2, value: (r) => r.limit },
    {
      key: 'passes',
      zh: '是否达标',
      en: 'Passes',
      value: (r) => (r.key === 'composite' ? cvVerdictText(r.passes, r.cvNullReason, lang) : null),
    },
  ];
  return { titleZh: '基本均衡差异系数', titleEn: 'Basic balance', columns, rows };
}

type RankingRow = RankingResponse['rows'][number];

export function buildRankingTable(report: RankingResponse, lang: Lang, stage: Stage): ExportTable<RankingRow> {
  const zh = lang === 'zh';
  const d = definitionOf(report.indicator);
  const indicatorName = d ? (zh ? d.zh : d.en) : report.indicator;
  const columns: ExportColumn<RankingRow>[] = [
    { key: 'rank', zh: '排名', en: 'Rank', decimals: 0, value: (r) => r.rank },
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.name },
    { key: 'township', zh: '乡镇/街道', en: 'Township', value: (r) => r.township },
    {
      key: 'locale',
      zh: '城乡分类',
      en: 'Urban–rural',
      value: (r) => (zh ? LOCALE_LABELS[r.locale].zh : LOCALE_LABELS[r.locale].en),
    },
    { key: 'students', zh: '在校生数', en: 'Students', decimals: 0, value: (r) => r.students },
    {
      key: 'value',
      zh: indicatorName ?? report.indicator,
      en: d?.en ?? report.indicator,
      ...(d ? { unitZh: d.unitZh, unitEn: d.unitEn } : {}),
      decimals: d?.decimals ?? 2,
      value: (r) => r.value,
    },
    { key: 'threshold', zh: '标准', en: 'Threshold', value: (r) => r.threshold },
    { key: 'meets', zh: '是否达标', en: 'Meets', value: (r) => yesNo(r.meets, lang) },
  ];
  return {
    titleZh: `排名-${indicatorName ?? report.indicator}`.slice(0, 28),
    titleEn: `Ranking ${STAGE_LABELS[stage].en}`,
    columns,
    rows: report.rows,
  };
}

type SummaryRow = BalanceSummaryResponse['rows'][number];

export function buildBalanceSummaryTable(report: BalanceSummaryResponse, lang: Lang): ExportTable<SummaryRow> {
  const zh = lang === 'zh';
  const columns: ExportColumn<SummaryRow>[] = [
    { key: 'districtCode', zh: '区县代码', en: 'District code', value: (r) => r.districtCode },
    { key: 'districtName', zh: '区县', en: 'District', value: (r) => r.districtName },
    { key: 'year', zh: '年度', en: 'Year', value: (r) => r.year },
    { key: 'schoolsCounted', zh: '参与计算学校数', en: 'Schools counted', decimals: 0, value: (r) => r.schoolsCounted },
    ...countyCvColumns<SummaryRow>(lang),
    { key: 'schoolsPassing', zh: '达标学校数', en: 'Schools passing', decimals: 0, value: (r) => r.schoolsPassing },
    countyPassesColumn<SummaryRow>(lang),
  ];
  return { titleZh: zh ? '各区县差异系数' : 'Balance summary', titleEn: 'Balance summary', columns, rows: report.rows };
}
