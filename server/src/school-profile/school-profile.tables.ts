import type { ProfileIndicator, ProfilePart, SchoolProfileResponse } from '@junheng/shared';
import { indicatorName, type Lang, stageName } from '../export/indicator-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { yesNo } from '../export/table.ts';

/** One export row per year × stage part × indicator. */
export interface ProfileTableRow {
  part: ProfilePart;
  indicator: ProfileIndicator;
}

export function listProfileRows(report: SchoolProfileResponse): ProfileTableRow[] {
  return report.parts.flatMap((part) => part.indicators.map((indicator) => ({ part, indicator })));
}

export function buildSchoolProfileTable(report: SchoolProfileResponse, lang: Lang): ExportTable<ProfileTableRow> {
  const columns: ExportColumn<ProfileTableRow>[] = [
    { key: 'year', zh: '年度', en: 'Year', value: (r) => r.part.year },
    { key: 'stage', zh: '学段', en: 'Stage', value: (r) => stageName(r.part.stage, lang) },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.part.students },
    { key: 'counted', zh: '参与差异系数计算', en: 'Counted', value: (r) => yesNo(r.part.counted, lang) },
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.indicator.key },
    { key: 'indicator', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.indicator.key, lang) },
    { key: 'value', zh: '本校值', en: 'Value', decimals: 2, value: (r) => r.indicator.value },
    { key: 'threshold', zh: '标准', en: 'Threshold', decimals: 2, value: (r) => r.indicator.threshold },
    { key: 'met', zh: '是否达标', en: 'Meets', value: (r) => yesNo(r.indicator.met, lang) },
    { key: 'countyMean', zh: '全县加权平均值', en: 'County mean', decimals: 2, value: (r) => r.indicator.countyMean },
    { key: 'rank', zh: '全县排名', en: 'County rank', decimals: 0, value: (r) => r.indicator.rank },
    { key: 'n', zh: '参与排名学校数', en: 'Schools ranked', decimals: 0, value: (r) => r.indicator.n },
    { key: 'metCount', zh: '达标项数', en: 'Indicators met', decimals: 0, value: (r) => r.part.metCount },
    { key: 'passes', zh: '资源配置达标', en: 'Passes', value: (r) => yesNo(r.part.passes, lang) },
  ];
  return { titleZh: '学校档案', titleEn: 'School profile', columns, rows: listProfileRows(report) };
}
