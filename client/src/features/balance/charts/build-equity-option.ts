import type { EquityReport } from '@junheng/shared';
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
import { formatNumber } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';

type IndicatorEquity = EquityReport['indicators'][number];

/** The fields of an indicator's equity measures the chart and table read (as the API returns them). */
export type EquityRow = Pick<IndicatorEquity, 'key' | 'n' | 'gini' | 'mcloone' | 'rangeRatio'> & {
  theil: Pick<IndicatorEquity['theil'], 'value' | 'between' | 'within'>;
};

export const EQUITY_MEASURES = ['gini', 'theil', 'mcloone'] as const;
export type EquityMeasure = (typeof EQUITY_MEASURES)[number];

/** Three hues that stay apart for colour-blind readers (blue, orange, grey-green), named in the legend. */
export const EQUITY_COLORS: Record<EquityMeasure, string> = { gini: '#1d4f91', theil: '#e8a33d', mcloone: '#5b8a72' };

export const EQUITY_DECIMALS: Record<EquityMeasure, number> = { gini: 3, theil: 4, mcloone: 3 };

export function equityValue(row: EquityRow, measure: EquityMeasure): number | null {
  return measure === 'theil' ? row.theil.value : row[measure];
}

/**
 * Gini, Theil T and McLoone of each indicator side by side (METHOD.md §7), as the API computes them: Gini and Theil are 0
 * when every school is equal and grow with inequality; McLoone is 1 when every school below the median is at the
 * median. Values are drawn as the API returns them, null bars stay empty.
 */
export function buildEquityOption(rows: readonly EquityRow[], options: { lang: Lang }): ChartOption {
  const { lang } = options;
  const name = (measure: EquityMeasure) => translate(lang, `insight.equity.${measure}`);
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: EQUITY_MEASURES.map(name), textStyle: { color: CHART_COLORS.text, fontSize: 12 } },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[tooltipDataIndex(params)];
        if (!row) return '';
        return [
          tooltipTitle(indicatorName(row.key, lang)),
          ...EQUITY_MEASURES.map((m) =>
            tooltipRow(name(m), formatNumber(equityValue(row, m), EQUITY_DECIMALS[m]), EQUITY_COLORS[m]),
          ),
        ].join('');
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => indicatorShortName(row.key, lang)),
      axisLabel: { color: CHART_COLORS.text },
      axisTick: { show: false },
    },
    series: EQUITY_MEASURES.map((measure) => ({
      type: 'bar' as const,
      name: name(measure),
      barMaxWidth: 10,
      itemStyle: { color: EQUITY_COLORS[measure] },
      data: rows.map((row) => equityValue(row, measure)),
      label: {
        show: true,
        position: 'right' as const,
        fontSize: 10,
        color: CHART_COLORS.text,
        formatter: (params: { value: unknown }) =>
          typeof params.value === 'number' ? formatNumber(params.value, EQUITY_DECIMALS[measure]) : '',
      },
    })),
  };
}
