import type { BasicIndicatorResult, BasicReport } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  niceAxis,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatBasicIndicator, formatCv, formatCvAgainst, formatInteger } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';

export type BasicCvIndicator = Pick<BasicIndicatorResult, 'key' | 'cv' | 'mean' | 'sd' | 'min' | 'max' | 'n'> &
  Partial<Pick<BasicIndicatorResult, 'cvNullReason'>>;

export interface BasicCvData {
  indicators: readonly BasicCvIndicator[];
  /** 综合差异系数 = plain mean of the eight CVs (null when one cannot be computed). */
  compositeCv: number | null;
  compositeLimit: number;
  compositePasses: boolean | null;
  /** Why compositeCv is null (too_few_units: fewer than 2 rows). */
  compositeNullReason?: BasicReport['compositeNullReason'];
}

export function formatBasicCvTooltip(indicator: BasicCvIndicator, lang: Lang): string {
  // In the published units of the 2012 table (teacher indicators as ratios per student).
  const value = (v: number | null) => formatBasicIndicator(indicator.key, v, { unit: true, lang });
  return [
    tooltipTitle(indicatorName(indicator.key, lang)),
    tooltipRow(
      translate(lang, 'chart.cv.cv'),
      indicator.cv === null && indicator.cvNullReason === 'too_few_units'
        ? translate(lang, 'verdict.tooFewUnits')
        : formatCv(indicator.cv),
      CHART_COLORS.neutral,
    ),
    tooltipRow(translate(lang, 'chart.cv.weightedMean'), value(indicator.mean)),
    tooltipRow(translate(lang, 'chart.cv.sd'), value(indicator.sd)),
    tooltipRow(translate(lang, 'chart.cv.range'), `${value(indicator.min)} – ${value(indicator.max)}`),
    tooltipRow(translate(lang, 'chart.cv.schools'), formatInteger(indicator.n)),
  ].join('');
}

/**
 * 基本均衡 (2012): the eight CVs as bars, with the 综合差异系数 (their plain mean) and its limit as reference lines.
 * The 2012 method sets no limit per indicator, so the bars are one neutral colour; the composite line is green within
 * the limit and red over it.
 */
export function buildBasicCvOption(data: BasicCvData, options: { lang: Lang; compact?: boolean }): ChartOption {
  const { lang, compact = false } = options;
  const fontSize = compact ? 11 : 12;
  const { indicators } = data;
  const cvAxis = niceAxis([data.compositeLimit, data.compositeCv, ...indicators.map((indicator) => indicator.cv)], 4);
  const compositeColor =
    data.compositePasses === null ? CHART_COLORS.axis : data.compositePasses ? CHART_COLORS.met : CHART_COLORS.notMet;
  const lines: { name: string; xAxis: number; lineStyle: object; label: object }[] = [
    {
      name: 'compositeLimit',
      xAxis: data.compositeLimit,
      lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
      label: {
        color: CHART_COLORS.threshold,
        formatter: translate(lang, 'chart.basic.limitLine', { limit: formatCv(data.compositeLimit, 2) }),
      },
    },
  ];
  if (data.compositeCv !== null) {
    lines.push({
      name: 'composite',
      xAxis: data.compositeCv,
      lineStyle: { color: compositeColor, type: 'solid', width: 1.5 },
      label: {
        color: compositeColor,
        formatter: translate(lang, 'chart.basic.compositeLine', {
          value: formatCvAgainst(data.compositeCv, data.compositeLimit),
        }),
      },
    });
  }
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const indicator = indicators[tooltipDataIndex(params)];
        return indicator ? formatBasicCvTooltip(indicator, lang) : '';
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
        name: translate(lang, 'chart.cv.cv'),
        barMaxWidth: compact ? 14 : 20,
        itemStyle: { color: CHART_COLORS.neutral },
        // A missing CV is an empty bar at 0 so that its label (why there is no CV) still shows.
        data: indicators.map((indicator) => indicator.cv ?? 0),
        label: {
          show: true,
          position: 'right',
          fontSize,
          color: CHART_COLORS.text,
          formatter: (params) => {
            const indicator = indicators[params.dataIndex];
            return indicator?.cv === null && indicator.cvNullReason === 'too_few_units'
              ? translate(lang, 'verdict.tooFewUnitsShort')
              : formatCv(indicator?.cv ?? null);
          },
        },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { position: 'start', fontSize },
          data: lines,
        },
      },
    ],
  };
}
