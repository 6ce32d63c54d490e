import {
  type DecompositionResponse,
  type EquityResponse,
  QUALITY_INDICATORS,
  type QualityIndicatorKey,
  type UrbanRuralResponse,
} from '@junheng/shared';
import { describeIndicator, indicatorName, type Lang, localeName } from '../export/indicator-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';

/** One column per 2017 indicator, reading the row's `means` record. */
function meanColumns<Row extends { means: Partial<Record<QualityIndicatorKey, number | null>> }>(
  prefixZh: string,
  prefixEn: string,
): ExportColumn<Row>[] {
  return QUALITY_INDICATORS.map((d) => ({
    key: d.key,
    zh: `${prefixZh}${d.zh}`,
    en: `${prefixEn}${d.en}`,
    unitZh: d.unitZh,
    unitEn: d.unitEn,
    decimals: d.decimals,
    value: (r) => r.means[d.key] ?? null,
  }));
}

type LocaleGroupRow = UrbanRuralResponse['groups'][number];

export function buildUrbanRuralGroupTable(report: UrbanRuralResponse, lang: Lang): ExportTable<LocaleGroupRow> {
  const columns: ExportColumn<LocaleGroupRow>[] = [
    { key: 'locale', zh: '城乡分类', en: 'Urban–rural', value: (r) => localeName(r.locale, lang) },
    { key: 'schools', zh: '学校数', en: 'Schools', decimals: 0, value: (r) => r.schools },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.students },
    ...meanColumns<LocaleGroupRow>('', 'Mean: '),
  ];
  return { titleZh: '城乡对比', titleEn: 'Urban-rural', columns, rows: report.groups };
}

type LocaleRatioRow = UrbanRuralResponse['ratios'][number];

export function buildUrbanRuralRatioTable(report: UrbanRuralResponse, lang: Lang): ExportTable<LocaleRatioRow> {
  const columns: ExportColumn<LocaleRatioRow>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.key, lang) },
    { key: 'urbanMean', zh: '城区均值', en: 'Urban mean', decimals: 2, value: (r) => r.urbanMean },
    { key: 'townMean', zh: '镇区均值', en: 'Town mean', decimals: 2, value: (r) => r.townMean },
    { key: 'ruralMean', zh: '乡村均值', en: 'Rural mean', decimals: 2, value: (r) => r.ruralMean },
    { key: 'urbanToRural', zh: '城区/乡村', en: 'Urban / rural', decimals: 3, value: (r) => r.urbanToRural },
    { key: 'townToRural', zh: '镇区/乡村', en: 'Town / rural', decimals: 3, value: (r) => r.townToRural },
  ];
  return { titleZh: '城乡比', titleEn: 'Urban-rural ratios', columns, rows: report.ratios };
}

type DecompositionRowOf = UrbanRuralResponse['decomposition'][number];

export function buildDecompositionRowTable(
  rows: DecompositionRowOf[],
  lang: Lang,
  title: { zh: string; en: string },
): ExportTable<DecompositionRowOf> {
  const columns: ExportColumn<DecompositionRowOf>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.key, lang) },
    { key: 'cv', zh: '差异系数', en: 'CV', decimals: 3, value: (r) => r.cv },
    { key: 'within', zh: '组内CV²', en: 'Within CV²', decimals: 4, value: (r) => r.within },
    { key: 'between', zh: '组间CV²', en: 'Between CV²', decimals: 4, value: (r) => r.between },
    { key: 'withinShare', zh: '组内占比', en: 'Within share', decimals: 3, value: (r) => r.withinShare },
    { key: 'betweenShare', zh: '组间占比', en: 'Between share', decimals: 3, value: (r) => r.betweenShare },
  ];
  return { titleZh: title.zh, titleEn: title.en, columns, rows };
}

type TownshipGroupRow = UrbanRuralResponse['townships']['groups'][number];

export function buildTownshipComparisonTable(report: UrbanRuralResponse): ExportTable<TownshipGroupRow> {
  const columns: ExportColumn<TownshipGroupRow>[] = [
    { key: 'townshipCode', zh: '乡镇代码', en: 'Township code', value: (r) => r.townshipCode },
    { key: 'townshipName', zh: '乡镇/街道', en: 'Township', value: (r) => r.townshipName },
    { key: 'schools', zh: '学校数', en: 'Schools', decimals: 0, value: (r) => r.schools },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.students },
    ...meanColumns<TownshipGroupRow>('', 'Mean: '),
  ];
  return { titleZh: '乡镇对比', titleEn: 'Townships', columns, rows: report.townships.groups };
}

type ContributionRow = DecompositionResponse['contributions'][number];

export function buildContributionTable(report: DecompositionResponse, lang: Lang): ExportTable<ContributionRow> {
  const labels = new Map(report.groups.map((g) => [g.group, g.label]));
  const d = describeIndicator(report.key);
  const columns: ExportColumn<ContributionRow>[] = [
    { key: 'rank', zh: '排名', en: 'Rank', decimals: 0, value: (r) => r.rank },
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.id },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.label },
    {
      key: 'group',
      zh: '分组',
      en: 'Group',
      value: (r) => (lang === 'zh' ? (labels.get(r.group) ?? r.group) : r.group || '-'),
    },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.students },
    {
      key: 'value',
      zh: d.zh,
      en: d.en,
      ...(d.unitZh ? { unitZh: d.unitZh, unitEn: d.unitEn } : {}),
      decimals: d.decimals,
      value: (r) => r.value,
    },
    { key: 'contribution', zh: '贡献(CV²)', en: 'Contribution (CV²)', decimals: 5, value: (r) => r.contribution },
    { key: 'share', zh: '贡献占比', en: 'Share', decimals: 3, value: (r) => r.share },
    { key: 'cumulativeShare', zh: '累计占比', en: 'Cumulative share', decimals: 3, value: (r) => r.cumulativeShare },
  ];
  return { titleZh: '学校贡献', titleEn: 'Contributions', columns, rows: report.contributions };
}

type DecompositionGroupRow = DecompositionResponse['groups'][number];

export function buildDecompositionGroupTable(
  report: DecompositionResponse,
  lang: Lang,
): ExportTable<DecompositionGroupRow> {
  const d = describeIndicator(report.key);
  const columns: ExportColumn<DecompositionGroupRow>[] = [
    { key: 'group', zh: '分组键', en: 'Group key', value: (r) => r.group },
    { key: 'label', zh: '分组', en: 'Group', value: (r) => (lang === 'zh' ? r.label : r.group || '-') },
    { key: 'units', zh: '学校数', en: 'Schools', decimals: 0, value: (r) => r.units },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.students },
    { key: 'weightShare', zh: '学生占比', en: 'Student share', decimals: 3, value: (r) => r.weightShare },
    {
      key: 'mean',
      zh: '加权平均值',
      en: 'Weighted mean',
      ...(d.unitZh ? { unitZh: d.unitZh, unitEn: d.unitEn } : {}),
      decimals: d.decimals,
      value: (r) => r.mean,
    },
    { key: 'sd', zh: '标准差', en: 'SD', decimals: 3, value: (r) => r.sd },
    { key: 'cv', zh: '组内差异系数', en: 'Group CV', decimals: 3, value: (r) => r.cv },
    { key: 'within', zh: '组内项(CV²)', en: 'Within term (CV²)', decimals: 5, value: (r) => r.within },
    { key: 'between', zh: '组间项(CV²)', en: 'Between term (CV²)', decimals: 5, value: (r) => r.between },
  ];
  return { titleZh: '分组', titleEn: 'Groups', columns, rows: report.groups };
}

type EquityRow = EquityResponse['indicators'][number];

export function buildEquityTable(report: EquityResponse, lang: Lang): ExportTable<EquityRow> {
  const columns: ExportColumn<EquityRow>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.key, lang) },
    { key: 'n', zh: '学校数', en: 'Schools', decimals: 0, value: (r) => r.n },
    { key: 'mean', zh: '加权平均值', en: 'Weighted mean', decimals: 2, value: (r) => r.mean },
    { key: 'cv', zh: '差异系数', en: 'CV', decimals: 3, value: (r) => r.cv },
    { key: 'gini', zh: '基尼系数', en: 'Gini', decimals: 3, value: (r) => r.gini },
    { key: 'theil', zh: '泰尔指数', en: 'Theil T', decimals: 4, value: (r) => r.theil.value },
    { key: 'theilBetween', zh: '泰尔指数(组间)', en: 'Theil between', decimals: 4, value: (r) => r.theil.between },
    { key: 'theilWithin', zh: '泰尔指数(组内)', en: 'Theil within', decimals: 4, value: (r) => r.theil.within },
    {
      key: 'zeroValueUnits',
      zh: '取值为0的学校数',
      en: 'Schools with zero value',
      decimals: 0,
      value: (r) => r.theil.zeroValueUnits,
    },
    { key: 'mcloone', zh: 'McLoone指数', en: 'McLoone index', decimals: 3, value: (r) => r.mcloone },
    { key: 'median', zh: '中位数', en: 'Median', decimals: 2, value: (r) => r.median },
    { key: 'p5', zh: 'P5', en: 'P5', decimals: 2, value: (r) => r.p5 },
    { key: 'p95', zh: 'P95', en: 'P95', decimals: 2, value: (r) => r.p95 },
    { key: 'min', zh: '最小值', en: 'Min', decimals: 2, value: (r) => r.min },
    { key: 'max', zh: '最大值', en: 'Max', decimals: 2, value: (r) => r.max },
    { key: 'range', zh: '极差', en: 'Range', decimals: 2, value: (r) => r.range },
    { key: 'rangeRatio', zh: '极差率', en: 'Range ratio', decimals: 3, value: (r) => r.rangeRatio },
    {
      key: 'federalRangeRatio',
      zh: '联邦极差率',
      en: 'Federal range ratio',
      decimals: 3,
      value: (r) => r.federalRangeRatio,
    },
  ];
  return { titleZh: '公平指标', titleEn: 'Equity', columns, rows: report.indicators };
}
