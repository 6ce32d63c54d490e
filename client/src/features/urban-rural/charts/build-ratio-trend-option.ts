import type { IndicatorKey, TrendRow } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  paddedMax,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
} from '../../../lib/chart-theme.ts';
import { formatIndicator } from '../../../lib/format.ts';
import { formatRatio, LOCALE_COLORS, localeLabel } from '../../../lib/locale-chart.ts';

export type RatioTrendRow = Pick<TrendRow, 'year' | 'means' | 'urbanToRural'>;

export interface RatioTrendOptions {
  lang: Lang;
  indicator: IndicatorKey;
  /** The year the rest of the view shows, in bold on the axis. */
  selectedYear?: number | null;
}

/** 镇区 mean ÷ 乡村 mean (the API gives only urban ÷ rural per year); null when either is missing or rural is 0. */
export function townToRural(row: Pick<TrendRow, 'means'>): number | null {
  const { town, rural } = row.means;
  if (town === null || rural === null || rural === 0) return null;
  return town / rural;
}

function average(values: readonly (number | null)[]): number {
  const finite = values.filter((value): value is number => value !== null);
  return finite.length ? finite.reduce((sum, value) => sum + value, 0) / finite.length : Number.NEGATIVE_INFINITY;
}

export function formatRatioTrendTooltip(row: RatioTrendRow, options: RatioTrendOptions): string {
  const { lang, indicator } = options;
  const unit = { unit: true, lang } as const;
  return [
    tooltipTitle(translate(lang, 'chart.ur.year', { year: row.year })),
    tooltipRow(translate(lang, 'chart.ur.urbanToRural'), formatRatio(row.urbanToRural), LOCALE_COLORS.urban),
    tooltipRow(translate(lang, 'chart.ur.townToRural'), formatRatio(townToRural(row)), LOCALE_COLORS.town),
    tooltipRow(localeLabel('urban', lang), formatIndicator(indicator, row.means.urban, unit)),
    tooltipRow(localeLabel('town', lang), formatIndicator(indicator, row.means.town, unit)),
    tooltipRow(localeLabel('rural', lang), formatIndicator(indicator, row.means.rural, unit)),
  ].join('');
}

/**
 * The urban/rural (and town/rural) ratio of one indicator's weighted means across the years, against parity (1.0):
 * a line moving towards 1 is a gap closing.
 */
export function buildRatioTrendOption(rows: readonly RatioTrendRow[], options: RatioTrendOptions): ChartOption {
  const { lang, selectedYear } = options;
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const urbanName = translate(lang, 'chart.ur.urbanToRural');
  const townName = translate(lang, 'chart.ur.townToRural');
  const townRatios = sorted.map(townToRural);
  // The line that runs higher gets its labels above, the other below, so the two never collide in between.
  const urbanHigher = average(sorted.map((row) => row.urbanToRural)) >= average(townRatios);
  const label = {
    show: true,
    fontSize: 10,
    formatter: (params: { value?: unknown }) => (typeof params.value === 'number' ? formatRatio(params.value) : ''),
  };
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      data: [urbanName, townName],
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const row = sorted[tooltipDataIndex(params)];
        return row ? formatRatioTrendTooltip(row, options) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: sorted.map((row) => String(row.year)),
      axisLabel: {
        fontSize: 12,
        color: CHART_COLORS.text,
        formatter: (text: string) => (Number(text) === selectedYear ? `{sel|${text}}` : text),
        rich: { sel: { fontWeight: 'bold', color: CHART_COLORS.mean, fontSize: 12 } },
      },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: paddedMax([1, ...sorted.map((row) => row.urbanToRural), ...townRatios], 0.5),
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      {
        type: 'line',
        name: urbanName,
        symbolSize: 8,
        connectNulls: false,
        lineStyle: { color: LOCALE_COLORS.urban, width: 2 },
        itemStyle: { color: LOCALE_COLORS.urban },
        data: sorted.map((row) => row.urbanToRural),
        label: { ...label, position: urbanHigher ? ('top' as const) : ('bottom' as const) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.text, type: 'dashed', width: 1.2 },
          label: {
            position: 'insideEndTop',
            fontSize: 11,
            color: CHART_COLORS.text,
            formatter: translate(lang, 'chart.ur.parity'),
          },
          data: [{ name: 'parity', yAxis: 1 }],
        },
      },
      {
        type: 'line',
        name: townName,
        symbol: 'rect',
        symbolSize: 7,
        connectNulls: false,
        lineStyle: { color: LOCALE_COLORS.town, width: 1.5, type: 'dashed' },
        itemStyle: { color: LOCALE_COLORS.town },
        data: townRatios,
        label: { ...label, position: urbanHigher ? ('bottom' as const) : ('top' as const) },
      },
    ],
  };
}
