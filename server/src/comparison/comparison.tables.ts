import type { SchoolComparisonResponse, YearOverYearResponse } from '@junheng/shared';
import { describeIndicator, indicatorName, type Lang } from '../export/indicator-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { yesNo } from '../export/table.ts';

type ComparisonRow = SchoolComparisonResponse['rows'][number];

/** One row per indicator, one value and one 达标 column per school, in the order compared. */
export function buildSchoolComparisonTable(report: SchoolComparisonResponse, lang: Lang): ExportTable<ComparisonRow> {
  const zh = lang === 'zh';
  const columns: ExportColumn<ComparisonRow>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.key, lang) },
    { key: 'unit', zh: '单位', en: 'Unit', value: (r) => describeIndicator(r.key)[zh ? 'unitZh' : 'unitEn'] },
    { key: 'threshold', zh: '标准', en: 'Threshold', decimals: 2, value: (r) => r.threshold },
    { key: 'countyMean', zh: '县加权平均', en: 'County weighted mean', decimals: 2, value: (r) => r.countyMean },
    ...report.schools.flatMap((school, index): ExportColumn<ComparisonRow>[] => [
      {
        key: `value_${school.code}`,
        zh: `${school.name}`,
        en: `${school.name}`,
        decimals: 2,
        value: (r) => r.values[index]?.value ?? null,
      },
      {
        key: `meets_${school.code}`,
        zh: `${school.name} 达标`,
        en: `${school.name} meets`,
        value: (r) => yesNo(r.values[index]?.meets ?? null, lang),
      },
    ]),
  ];
  return { titleZh: '学校对比', titleEn: 'School comparison', columns, rows: report.rows };
}

type YearRow = YearOverYearResponse['rows'][number];

/** One row per indicator (and the 2012 composite): mean and CV in the first, previous and current year, changes. */
export function buildYearOverYearTable(report: YearOverYearResponse, lang: Lang): ExportTable<YearRow> {
  const zh = lang === 'zh';
  const { first, previous, current } = report.compared;
  const label = (year: number | null, fallbackZh: string, fallbackEn: string) =>
    year === null ? (zh ? fallbackZh : fallbackEn) : String(year);
  const triplet = (
    prefix: 'mean' | 'cv',
    nameZh: string,
    nameEn: string,
    decimals: number,
  ): ExportColumn<YearRow>[] => [
    {
      key: `${prefix}First`,
      zh: `${nameZh} 首年(${label(first, '无', '-')})`,
      en: `${nameEn} first year (${label(first, '无', '-')})`,
      decimals,
      value: (r) => r[prefix].first,
    },
    {
      key: `${prefix}Previous`,
      zh: `${nameZh} 上年(${label(previous, '无', '-')})`,
      en: `${nameEn} last year (${label(previous, '无', '-')})`,
      decimals,
      value: (r) => r[prefix].previous,
    },
    {
      key: `${prefix}Current`,
      zh: `${nameZh} 本年(${current})`,
      en: `${nameEn} this year (${current})`,
      decimals,
      value: (r) => r[prefix].current,
    },
    {
      key: `${prefix}ChangeFromPrevious`,
      zh: `${nameZh} 较上年变化`,
      en: `${nameEn} change vs last year`,
      decimals,
      value: (r) => r[prefix].changeFromPrevious,
    },
    {
      key: `${prefix}ChangeFromFirst`,
      zh: `${nameZh} 较首年变化`,
      en: `${nameEn} change vs first year`,
      decimals,
      value: (r) => r[prefix].changeFromFirst,
    },
  ];
  const name = (row: YearRow) =>
    row.key === 'composite_2012' ? (zh ? '综合差异系数（2012）' : 'Composite CV (2012)') : indicatorName(row.key, lang);
  const unit = (row: YearRow) =>
    row.key === 'composite_2012' ? '' : describeIndicator(row.key)[zh ? 'unitZh' : 'unitEn'];
  const columns: ExportColumn<YearRow>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '指标', en: 'Indicator', value: name },
    { key: 'unit', zh: '单位', en: 'Unit', value: unit },
    ...triplet('mean', '加权平均', 'Weighted mean', 2),
    ...triplet('cv', '差异系数', 'CV', 3),
    { key: 'cvLimit', zh: '差异系数限值', en: 'CV limit', decimals: 2, value: (r) => r.cvLimit },
  ];
  return { titleZh: '同比', titleEn: 'Year over year', columns, rows: report.rows };
}
