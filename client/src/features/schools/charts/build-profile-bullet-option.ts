import { type ProfileIndicator, QUALITY_NEAR_MISS_RATIO } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  axisRowTooltip,
  CHART_COLORS,
  CHART_FONT,
  chartLegend,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatIndicator, formatInteger, formatPercent } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';

export type BulletIndicator = Pick<
  ProfileIndicator,
  'key' | 'value' | 'threshold' | 'met' | 'countyMean' | 'rank' | 'n' | 'relativeToMean'
>;

export interface ProfileBulletOptions {
  lang: Lang;
}

/** The end of the share-of-threshold axis: the largest share plus 5 %, up to the next 50 % (labels every 50 %). */
export function percentAxisMax(values: readonly (number | null)[]): number {
  const largest = Math.max(100, ...values.filter((value): value is number => value !== null));
  return Math.ceil((largest * 1.05) / 50) * 50;
}

/** value ÷ threshold, or null. */
export function shareOfThreshold(value: number | null, threshold: number): number | null {
  if (value === null || !(threshold > 0)) return null;
  return value / threshold;
}

/**
 * Met: green. Not met but at least 85 % of the threshold (the one miss a passing school may have): amber. Below 85 %:
 * red. No value: grey.
 */
export function bulletColor(row: Pick<BulletIndicator, 'value' | 'threshold' | 'met'>): string {
  const share = shareOfThreshold(row.value, row.threshold);
  if (share === null || row.met === null) return CHART_COLORS.noData;
  if (row.met) return CHART_COLORS.met;
  return share >= QUALITY_NEAR_MISS_RATIO ? CHART_COLORS.near : CHART_COLORS.notMet;
}

export function formatRank(rank: number | null, n: number, lang: Lang): string {
  if (rank === null) return translate(lang, 'chart.school.notRanked');
  return translate(lang, 'chart.school.rankOf', { rank: formatInteger(rank), n: formatInteger(n) });
}

export function formatBulletTooltip(row: BulletIndicator, lang: Lang): string {
  const unit = { unit: true, lang } as const;
  const status =
    row.met === null ? '—' : row.met ? `✓ ${translate(lang, 'verdict.met')}` : `✗ ${translate(lang, 'verdict.notMet')}`;
  return [
    tooltipTitle(indicatorName(row.key, lang)),
    tooltipRow(translate(lang, 'chart.school.value'), formatIndicator(row.key, row.value, unit), bulletColor(row)),
    tooltipRow(translate(lang, 'chart.school.threshold'), formatIndicator(row.key, row.threshold, unit)),
    tooltipRow(
      translate(lang, 'chart.school.ofThreshold'),
      `${formatPercent(shareOfThreshold(row.value, row.threshold))} ${status}`,
    ),
    tooltipRow(
      translate(lang, 'chart.school.countyMean'),
      formatIndicator(row.key, row.countyMean, unit),
      CHART_COLORS.mean,
    ),
    tooltipRow(translate(lang, 'chart.school.relativeToMean'), formatPercent(row.relativeToMean)),
    tooltipRow(translate(lang, 'chart.school.rank'), formatRank(row.rank, row.n, lang)),
  ].join('');
}

/**
 * Every indicator of one school in one year as a bullet bar: the value as a share of its national threshold (so
 * indicators in 人, ㎡ and 元 share one axis), the threshold at 100 % (red, dashed), the county weighted mean as a
 * blue tick. Bars are green (met), amber (missed but ≥ 85 %) or red; the label at the end is the value in its unit.
 */
export function buildProfileBulletOption(rows: readonly BulletIndicator[], options: ProfileBulletOptions): ChartOption {
  const { lang } = options;
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 10000) / 100);
  const values = rows.map((row) => percent(shareOfThreshold(row.value, row.threshold)));
  const means = rows.map((row) => percent(shareOfThreshold(row.countyMean, row.threshold)));
  const valueName = translate(lang, 'chart.school.value');
  const meanName = translate(lang, 'chart.school.countyMean');
  const thresholdName = translate(lang, 'chart.school.thresholdLegend');

  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: chartLegend([valueName, meanName, thresholdName]),
    tooltip: axisRowTooltip(rows, (row) => formatBulletTooltip(row, lang), { shadow: true }),
    xAxis: {
      type: 'value',
      min: 0,
      max: percentAxisMax([100, ...values, ...means]),
      interval: 50,
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis, formatter: '{value}%' },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: rows.map((row) => indicatorShortName(row.key, lang)),
        axisTick: { show: false },
        axisLabel: { fontSize: 12, color: CHART_COLORS.text, interval: 0 },
      },
      // The values in their units, as a column at the right edge: beside the bars they would collide with the
      // county-mean tick.
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: rows.map((row) => formatIndicator(row.key, row.value, { unit: true, lang })),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { fontSize: 12, color: CHART_COLORS.text, interval: 0, fontWeight: 'bold' },
      },
    ],
    series: [
      {
        type: 'bar',
        name: valueName,
        barMaxWidth: 16,
        itemStyle: { color: CHART_COLORS.met },
        data: rows.map((row, index) => ({ value: values[index] ?? null, itemStyle: { color: bulletColor(row) } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
          label: { show: false },
          data: [{ name: 'threshold', xAxis: 100 }],
        },
      },
      {
        type: 'scatter',
        name: meanName,
        symbol: 'rect',
        symbolSize: [4, 22],
        itemStyle: { color: CHART_COLORS.mean },
        z: 5,
        data: means.flatMap((mean, index) => (mean === null ? [] : [[mean, index]])),
      },
      // Legend key of the threshold line (a markLine of the bars).
      {
        type: 'line',
        name: thresholdName,
        data: [],
        symbol: 'none',
        lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
        itemStyle: { color: CHART_COLORS.threshold },
      },
    ],
  };
}
