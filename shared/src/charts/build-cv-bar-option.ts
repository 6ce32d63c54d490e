import type { QualityIndicatorResult } from '../index.ts';
import { chartText, type Lang } from './chart-messages.ts';
import type { ChartOption } from './chart-option.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  niceAxis,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
} from './chart-theme.ts';
import { formatCv, formatCvAgainst, formatIndicator, formatInteger } from './format.ts';
import { indicatorName, indicatorShortName } from './indicators.ts';

/** The fields of a 2017 indicator result the chart reads. */
export type CvBarIndicator = Pick<
  QualityIndicatorResult,
  'key' | 'cv' | 'cvPasses' | 'cvLimit' | 'mean' | 'sd' | 'min' | 'max' | 'n' | 'schoolsMeeting' | 'threshold'
> &
  Partial<Pick<QualityIndicatorResult, 'cvNullReason'>>;

export interface CvBarOptions {
  lang: Lang;
  /** 差异系数 limit of the stage (0.50 小学, 0.45 初中). */
  cvLimit: number;
  /** Smaller type and margins (the overview shows two of these side by side). */
  compact?: boolean;
}

/** Bar colour: within the limit, over it, or not computable. */
export function cvBarColor(cvPasses: boolean | null): string {
  if (cvPasses === null) return CHART_COLORS.noData;
  return cvPasses ? CHART_COLORS.met : CHART_COLORS.notMet;
}

/** Tooltip of one indicator: its CV against the limit and the weighted mean, spread and schools meeting the threshold. */
export function formatCvTooltip(indicator: CvBarIndicator, options: Pick<CvBarOptions, 'lang' | 'cvLimit'>): string {
  const { lang } = options;
  const t = (key: Parameters<typeof chartText>[1], vars?: Record<string, string | number>) =>
    chartText(lang, key, vars);
  const status =
    indicator.cvPasses === null
      ? indicator.cvNullReason === 'too_few_units'
        ? t('verdict.tooFewUnits')
        : t('chart.cv.notComputable')
      : indicator.cvPasses
        ? t('chart.cv.withinLimit')
        : t('chart.cv.overLimit');
  const value = (v: number | null) => formatIndicator(indicator.key, v, { unit: true, lang });
  return [
    tooltipTitle(indicatorName(indicator.key, lang)),
    tooltipRow(
      t('chart.cv.cv'),
      t('common.withNote', { text: formatCvAgainst(indicator.cv, options.cvLimit), note: status }),
      cvBarColor(indicator.cvPasses),
    ),
    tooltipRow(t('chart.cv.limit'), `≤ ${formatCv(options.cvLimit, 2)}`),
    tooltipRow(t('chart.cv.weightedMean'), value(indicator.mean)),
    tooltipRow(t('chart.cv.sd'), value(indicator.sd)),
    tooltipRow(t('chart.cv.range'), `${value(indicator.min)} – ${value(indicator.max)}`),
    tooltipRow(t('chart.cv.threshold'), value(indicator.threshold)),
    tooltipRow(
      t('chart.cv.schoolsMeeting'),
      `${formatInteger(indicator.schoolsMeeting)} / ${formatInteger(indicator.n)}`,
    ),
  ].join('');
}

/**
 * Text at the end of each bar: the CV (with the decimals that keep it apart from the limit), or why there is none:
 * fewer than 2 schools, or not computable.
 */
export function cvBarLabel(
  indicator: Pick<CvBarIndicator, 'cv' | 'cvNullReason'>,
  lang: Lang,
  cvLimit: number | null = null,
): string {
  if (indicator.cv !== null) return formatCvAgainst(indicator.cv, cvLimit);
  return indicator.cvNullReason === 'too_few_units'
    ? chartText(lang, 'verdict.tooFewUnitsShort')
    : chartText(lang, 'chart.cv.notComputableShort');
}

/**
 * 差异系数 of the seven indicators as horizontal bars (official order, top to bottom), green within the limit and red
 * over it, with the limit as a dashed reference line. The tooltip carries the weighted mean and spread.
 */
export function buildCvBarOption(indicators: readonly CvBarIndicator[], options: CvBarOptions): ChartOption {
  const { lang, cvLimit, compact = false } = options;
  const fontSize = compact ? 11 : 12;
  const labels = indicators.map((indicator) => cvBarLabel(indicator, lang, cvLimit));
  // Round ticks (0, 0.25, 0.5 …) that always reach past the limit line and the longest bar.
  const cvAxis = niceAxis([cvLimit, ...indicators.map((indicator) => indicator.cv)], 4);
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: compact ? 44 : 56, top: compact ? 24 : 28, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const indicator = indicators[tooltipDataIndex(params)];
        return indicator ? formatCvTooltip(indicator, options) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: cvAxis.max,
      interval: cvAxis.interval,
      axisLabel: { fontSize, color: CHART_COLORS.axis, formatter: (value: number) => formatCv(value, 2) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: indicators.map((indicator) => indicatorShortName(indicator.key, lang)),
      axisLabel: { fontSize, color: CHART_COLORS.text },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: chartText(lang, 'chart.cv.cv'),
        barMaxWidth: compact ? 16 : 22,
        // A missing CV is drawn as an empty bar at 0 so that its label ("fewer than 2 schools", "not computable")
        // still shows: ECharts draws no label for a null value, and an empty chart says nothing.
        data: indicators.map((indicator) => ({
          value: indicator.cv ?? 0,
          itemStyle: { color: cvBarColor(indicator.cvPasses) },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize,
          color: CHART_COLORS.text,
          formatter: (params) => labels[params.dataIndex] ?? '',
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
          // The category axis is inverted, so the line starts at the top: the label sits above the bars.
          label: {
            position: 'start',
            color: CHART_COLORS.threshold,
            fontSize,
            formatter: chartText(lang, 'chart.cv.limitLine', { limit: formatCv(cvLimit, 2) }),
          },
          data: [{ name: 'limit', xAxis: cvLimit }],
        },
      },
    ],
  };
}
