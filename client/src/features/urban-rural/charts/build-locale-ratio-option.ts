import type { LocaleRatio, QualityIndicatorKey } from '@junheng/shared';
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
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';
import { formatRatio, LOCALE_COLORS, localeLabel } from '../../../lib/locale-chart.ts';

export interface LocaleRatioOptions {
  lang: Lang;
  /** The indicator the rest of the view focuses on: its name is set in bold. */
  selectedIndicator?: QualityIndicatorKey | null;
}

export function formatLocaleRatioTooltip(row: LocaleRatio, lang: Lang): string {
  const unit = { unit: true, lang } as const;
  return [
    tooltipTitle(indicatorName(row.key, lang)),
    tooltipRow(translate(lang, 'chart.ur.urbanToRural'), formatRatio(row.urbanToRural), LOCALE_COLORS.urban),
    tooltipRow(translate(lang, 'chart.ur.townToRural'), formatRatio(row.townToRural), LOCALE_COLORS.town),
    tooltipRow(localeLabel('urban', lang), formatIndicator(row.key, row.urbanMean, unit)),
    tooltipRow(localeLabel('town', lang), formatIndicator(row.key, row.townMean, unit)),
    tooltipRow(localeLabel('rural', lang), formatIndicator(row.key, row.ruralMean, unit)),
  ].join('');
}

/**
 * Per indicator, the 城区 and 镇区 weighted means divided by the 乡村 mean, as horizontal bars against the line of
 * parity (1.0): above 1 the town or city school has more per student than the village school, below 1 less.
 */
export function buildLocaleRatioOption(rows: readonly LocaleRatio[], options: LocaleRatioOptions): ChartOption {
  const { lang, selectedIndicator } = options;
  const names = rows.map((row) => indicatorShortName(row.key, lang));
  const selectedIndex = rows.findIndex((row) => row.key === selectedIndicator);
  const urbanName = translate(lang, 'chart.ur.urbanToRural');
  const townName = translate(lang, 'chart.ur.townToRural');
  const label = {
    show: true,
    position: 'right' as const,
    fontSize: 10,
    color: CHART_COLORS.text,
    formatter: (params: { value?: unknown }) => (typeof params.value === 'number' ? formatRatio(params.value) : '—'),
  };
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 12,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      data: [urbanName, townName],
    },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = rows[tooltipDataIndex(params)];
        return row ? formatLocaleRatioTooltip(row, lang) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: paddedMax([1, ...rows.flatMap((row) => [row.urbanToRural, row.townToRural])], 0.5),
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLabel: {
        fontSize: 12,
        color: CHART_COLORS.text,
        interval: 0,
        formatter: (text: string, index: number) => (index === selectedIndex ? `{sel|${text}}` : text),
        rich: { sel: { fontWeight: 'bold', color: CHART_COLORS.mean, fontSize: 12 } },
      },
    },
    series: [
      {
        type: 'bar',
        name: urbanName,
        barMaxWidth: 12,
        itemStyle: { color: LOCALE_COLORS.urban },
        data: rows.map((row) => row.urbanToRural),
        label,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.text, type: 'dashed', width: 1.2 },
          label: {
            // With the categories inverted, the line's start is at the top of the plot.
            position: 'start',
            fontSize: 11,
            color: CHART_COLORS.text,
            formatter: translate(lang, 'chart.ur.parity'),
          },
          data: [{ name: 'parity', xAxis: 1 }],
        },
      },
      {
        type: 'bar',
        name: townName,
        barMaxWidth: 12,
        itemStyle: { color: LOCALE_COLORS.town },
        data: rows.map((row) => row.townToRural),
        label,
      },
    ],
  };
}
