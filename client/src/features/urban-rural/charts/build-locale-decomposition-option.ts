import type { DecompositionRow, QualityIndicatorKey } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatCv, formatNumber, formatPercent } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';
import { inParens } from '../../../lib/locale-chart.ts';

export interface LocaleDecompositionOptions {
  lang: Lang;
  /** 2017 CV limit of the stage: CVs above it are shown in red next to the indicator. */
  cvLimit: number | null;
  selectedIndicator?: QualityIndicatorKey | null;
}

/** Between the classes (the urban–rural gap) and inside them (school to school within a class). */
export const DECOMPOSITION_COLORS = { between: '#1d4f91', within: '#b9c8dc' } as const;

/**
 * "38.5% of the disparity of 生均体育运动场馆面积 is the urban–rural gap": the between-class share of CV² of one
 * indicator, or null when its CV cannot be split (no schools, a mean of 0).
 */
export function decompositionHeadline(row: DecompositionRow | undefined, lang: Lang): string | null {
  if (!row || row.betweenShare === null || row.cv === null) return null;
  return translate(lang, 'chart.ur.headline', {
    indicator: indicatorName(row.key, lang),
    share: formatPercent(row.betweenShare),
    cv: formatCv(row.cv),
  });
}

export function formatDecompositionTooltip(row: DecompositionRow, lang: Lang): string {
  return [
    tooltipTitle(indicatorName(row.key, lang)),
    tooltipRow(translate(lang, 'chart.ur.cv'), formatCv(row.cv)),
    tooltipRow('CV²', formatNumber(row.cv === null ? null : row.cv * row.cv, 5)),
    tooltipRow(
      translate(lang, 'chart.ur.between'),
      `${formatNumber(row.between, 5)}${inParens(formatPercent(row.betweenShare), lang)}`,
      DECOMPOSITION_COLORS.between,
    ),
    tooltipRow(
      translate(lang, 'chart.ur.within'),
      `${formatNumber(row.within, 5)}${inParens(formatPercent(row.withinShare), lang)}`,
      DECOMPOSITION_COLORS.within,
    ),
  ].join('');
}

/**
 * Per indicator, its CV² split into the part between 城区 / 镇区 / 乡村 (dark) and the part inside the classes
 * (light), as 100 % stacked bars: CV² = CV²_within + CV²_between (METHOD.md §7). The CV itself sits next to each
 * indicator name, red when it exceeds the limit.
 */
export function buildLocaleDecompositionOption(
  rows: readonly DecompositionRow[],
  options: LocaleDecompositionOptions,
): ChartOption {
  const { lang, cvLimit, selectedIndicator } = options;
  const betweenName = translate(lang, 'chart.ur.betweenShort');
  const withinName = translate(lang, 'chart.ur.withinShort');
  const share = (value: number | null) => (value === null ? null : Math.round(value * 10000) / 100);
  const labels = rows.map((row) => {
    const over = cvLimit !== null && row.cv !== null && row.cv > cvLimit;
    const name = indicatorShortName(row.key, lang);
    const nameText = row.key === selectedIndicator ? `{sel|${name}}` : name;
    return `${nameText} {${over ? 'over' : 'cv'}|CV ${formatCv(row.cv)}}`;
  });

  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 20, top: 36, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 12,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      selectedMode: false,
      data: [betweenName, withinName],
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = rows[tooltipDataIndex(params)];
        return row ? formatDecompositionTooltip(row, lang) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis, formatter: '{value}%' },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLabel: {
        fontSize: 12,
        color: CHART_COLORS.text,
        interval: 0,
        rich: {
          sel: { fontWeight: 'bold', color: CHART_COLORS.mean, fontSize: 12 },
          cv: { color: CHART_COLORS.axis, fontSize: 11 },
          over: { color: CHART_COLORS.notMet, fontSize: 11, fontWeight: 'bold' },
        },
      },
    },
    series: [
      {
        type: 'bar',
        name: betweenName,
        stack: 'share',
        barMaxWidth: 18,
        itemStyle: { color: DECOMPOSITION_COLORS.between },
        data: rows.map((row) => share(row.betweenShare)),
        label: {
          show: true,
          position: 'insideLeft',
          fontSize: 11,
          color: '#ffffff',
          formatter: (params: { value?: unknown }) =>
            typeof params.value === 'number' && params.value >= 8 ? `${formatNumber(params.value, 1)}%` : '',
        },
      },
      {
        type: 'bar',
        name: withinName,
        stack: 'share',
        barMaxWidth: 18,
        itemStyle: { color: DECOMPOSITION_COLORS.within },
        data: rows.map((row) => share(row.withinShare)),
        label: {
          show: true,
          position: 'insideRight',
          fontSize: 11,
          color: CHART_COLORS.text,
          formatter: (params: { value?: unknown }) =>
            typeof params.value === 'number' && params.value >= 8 ? `${formatNumber(params.value, 1)}%` : '',
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.axis, type: 'dotted', width: 1 },
          label: { show: false },
          data: [{ name: 'half', xAxis: 50 }],
        },
      },
    ],
  };
}
