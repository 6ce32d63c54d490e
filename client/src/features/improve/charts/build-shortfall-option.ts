import {
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
  type ResourceUnit,
  type ShortfallRow,
} from '@junheng/shared';
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
import { formatInteger } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';
import { formatResourceAmount } from '../resource-units.ts';

/** Schools below one indicator's threshold and the resource they need together. */
export interface ShortfallSummary {
  key: QualityIndicatorKey;
  schools: number;
  total: number;
  unit: ResourceUnit | null;
}

/** Per indicator, in the official order, including indicators no school falls short on (0). */
export function summarizeShortfalls(rows: readonly Pick<ShortfallRow, 'key' | 'shortfall' | 'resourceUnit'>[]) {
  const byKey = new Map<QualityIndicatorKey, ShortfallSummary>(
    QUALITY_INDICATOR_KEYS.map((key) => [key, { key, schools: 0, total: 0, unit: null }]),
  );
  for (const row of rows) {
    const summary = byKey.get(row.key);
    if (!summary) continue;
    summary.schools += 1;
    summary.total += row.shortfall;
    summary.unit = row.resourceUnit;
  }
  return QUALITY_INDICATOR_KEYS.map((key) => byKey.get(key) as ShortfallSummary);
}

export function formatShortfallTooltip(summary: ShortfallSummary, lang: Lang): string {
  return [
    tooltipTitle(indicatorName(summary.key, lang)),
    tooltipRow(translate(lang, 'improve.chart.schoolsShort'), formatInteger(summary.schools), CHART_COLORS.notMet),
    tooltipRow(
      translate(lang, 'improve.chart.totalShortfall'),
      summary.unit ? formatResourceAmount(summary.total, summary.unit, lang) : '—',
    ),
  ].join('');
}

/** Horizontal bars: how many schools fall short of each indicator's threshold (official order, top to bottom). */
export function buildShortfallOption(summaries: readonly ShortfallSummary[], options: { lang: Lang }): ChartOption {
  const { lang } = options;
  const axisMax = niceAxis(
    summaries.map((summary) => summary.schools),
    4,
  );
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const summary = summaries[tooltipDataIndex(params)];
        return summary ? formatShortfallTooltip(summary, lang) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.max(axisMax.max, 4),
      minInterval: 1,
      axisLabel: { fontSize: 12, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: summaries.map((summary) => indicatorShortName(summary.key, lang)),
      axisLabel: { fontSize: 12, color: CHART_COLORS.text },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: translate(lang, 'improve.chart.schoolsShort'),
        barMaxWidth: 20,
        data: summaries.map((summary) => ({
          value: summary.schools,
          itemStyle: { color: summary.schools > 0 ? CHART_COLORS.notMet : CHART_COLORS.met },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: 12,
          color: CHART_COLORS.text,
          formatter: (params) => formatInteger(summaries[params.dataIndex]?.schools ?? 0),
        },
      },
    ],
  };
}
