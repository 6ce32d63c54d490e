import {
  CHANGE_LABELS,
  type CountyComparisonResponse,
  type CountyComparisonRow,
  placeCounty,
  QUALITY_INDICATORS,
  STATUS_LABELS,
} from '@junheng/shared';
import {
  countyCvColumns,
  countyPassesColumn,
  cvVerdictText,
  type ExportColumn,
  type ExportTable,
} from '../export/table.ts';

type Lang = 'zh' | 'en';

/** The comparison as one table: a county per row, its seven CVs, verdict, first year passed and grid place. */
export function buildCountyComparisonTable(
  report: CountyComparisonResponse,
  lang: Lang,
): ExportTable<CountyComparisonRow> {
  const zh = lang === 'zh';
  const pick = (label: { zh: string; en: string }) => (zh ? label.zh : label.en);
  const measure =
    report.measure === 'passes'
      ? { zh: '资源配置结论', en: 'verdict' }
      : (QUALITY_INDICATORS.find((d) => d.key === report.measure) ?? { zh: report.measure, en: report.measure });
  const place = (r: CountyComparisonRow) => placeCounty(r, report.measure, report.cvLimit);
  const columns: ExportColumn<CountyComparisonRow>[] = [
    { key: 'cityCode', zh: '地市代码', en: 'City code', value: (r) => r.cityCode },
    { key: 'cityName', zh: '地市', en: 'City', value: (r) => r.cityName },
    { key: 'districtCode', zh: '区县代码', en: 'District code', value: (r) => r.districtCode },
    { key: 'districtName', zh: '区县', en: 'District', value: (r) => r.districtName },
    { key: 'year', zh: '年度', en: 'Year', value: (r) => r.year },
    { key: 'schoolsCounted', zh: '参与计算学校数', en: 'Schools counted', decimals: 0, value: (r) => r.schoolsCounted },
    ...countyCvColumns<CountyComparisonRow>(lang),
    countyPassesColumn<CountyComparisonRow>(lang),
    {
      key: 'firstPassedYear',
      zh: '首次达标年度',
      en: 'First year passed',
      value: (r) => r.firstPassedYear ?? (zh ? '尚未达标' : 'not yet'),
    },
    {
      key: 'previousPasses',
      zh: '上年资源配置达标',
      en: 'Passed last year',
      value: (r) =>
        r.previousYear === null
          ? null
          : cvVerdictText(r.previousPasses, r.previousPasses === null ? 'too_few_units' : null, lang),
    },
    {
      key: 'status',
      zh: `状态（${measure.zh}）`,
      en: `Status (${measure.en})`,
      value: (r) => {
        const status = place(r).status;
        return status === null ? null : pick(STATUS_LABELS[status]);
      },
    },
    {
      key: 'change',
      zh: `较上年变化（${measure.zh}）`,
      en: `Change since last year (${measure.en})`,
      value: (r) => pick(CHANGE_LABELS[place(r).change]),
    },
  ];
  return {
    titleZh: zh ? '多县对比' : 'County comparison',
    titleEn: 'County comparison',
    columns,
    rows: report.rows,
  };
}
