import type { TrendsResponse } from '@junheng/shared';
import { cvDisplayDecimals } from '@junheng/shared';
import { describeIndicator, type Lang } from '../export/indicator-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { cvVerdictText } from '../export/table.ts';

type TrendRow = TrendsResponse['rows'][number];

export function buildTrendTable(report: TrendsResponse, lang: Lang): ExportTable<TrendRow> {
  const d = describeIndicator(report.indicator);
  const unit = d.unitZh ? { unitZh: d.unitZh, unitEn: d.unitEn } : {};
  const mean = (zh: string, en: string, read: (r: TrendRow) => number | null, key: string): ExportColumn<TrendRow> => ({
    key,
    zh,
    en,
    ...unit,
    decimals: d.decimals,
    value: read,
  });
  const columns: ExportColumn<TrendRow>[] = [
    { key: 'year', zh: '年度', en: 'Year', value: (r) => r.year },
    { key: 'schoolsCounted', zh: '参与计算学校数', en: 'Schools counted', decimals: 0, value: (r) => r.schoolsCounted },
    {
      key: 'studentsCounted',
      zh: '在校生数',
      en: 'Students',
      unitZh: '人',
      decimals: 0,
      value: (r) => r.studentsCounted,
    },
    mean('加权平均值', 'Weighted mean', (r) => r.mean, 'mean'),
    { key: 'sd', zh: '标准差', en: 'SD', decimals: 3, value: (r) => r.sd },
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
    { key: 'threshold', zh: '标准', en: 'Threshold', decimals: 2, value: (r) => r.threshold },
    { key: 'schoolsMeeting', zh: '达标学校数', en: 'Schools meeting', decimals: 0, value: (r) => r.schoolsMeeting },
    mean('城区均值', 'Urban mean', (r) => r.means.urban, 'urban'),
    mean('镇区均值', 'Town mean', (r) => r.means.town, 'town'),
    mean('乡村均值', 'Rural mean', (r) => r.means.rural, 'rural'),
    { key: 'urbanToRural', zh: '城区/乡村', en: 'Urban / rural', decimals: 3, value: (r) => r.urbanToRural },
  ];
  return {
    titleZh: `走势-${d.zh}`.slice(0, 28),
    titleEn: 'Trend',
    columns,
    rows: report.rows,
  };
}
