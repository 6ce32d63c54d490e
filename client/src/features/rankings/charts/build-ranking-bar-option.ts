import type { IndicatorKey, RankingRow } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import type { SortOrder } from '../../../county-view/view-params.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  escapeHtml,
  rowWindowZoom,
  TOOLTIP_BASE,
  tooltipDataIndex,
  tooltipRow,
  tooltipTitle,
  visibleRows,
} from '../../../lib/chart-theme.ts';
import { formatIndicator, formatInteger, formatPercent } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';

export type RankingBarRow = Pick<
  RankingRow,
  'rank' | 'code' | 'name' | 'township' | 'students' | 'value' | 'threshold' | 'meets' | 'relativeToMean'
>;

export interface RankingBarOptions {
  lang: Lang;
  indicator: IndicatorKey;
  /** Student-weighted county mean of the selection. */
  mean: number | null;
  /** National threshold (null for 2012-only indicators). */
  threshold: number | null;
  /** desc: highest value on top (rank 1 first); asc: lowest on top. */
  order: SortOrder;
  /** The school to emphasise (the one last opened). */
  highlightCode?: string | null;
  /** false: every row at once, no scrolling window (for printing). Default true. */
  windowed?: boolean;
  /**
   * The value axis reaches at least this far: a ranking printed in parts passes the largest value of the whole
   * ranking, so every part has the same scale.
   */
  valueAxisMax?: number | null;
}

/** Row height of the ranking: enough for a 12 px Chinese name. */
export const RANKING_ROW_HEIGHT = 20;

/**
 * Legend and reference-line labels above the bars, the rows (all, or the scrolling window of a long ranking; all of
 * them when `windowed` is false, as on paper).
 */
export function rankingHeight(rows: number, windowed = true): number {
  return Math.max(240, 96 + (windowed ? visibleRows(rows) : rows) * RANKING_ROW_HEIGHT);
}

/**
 * Rows in display order: by rank (highest value first) or reversed, schools without a value always last. Used by the
 * chart and by the click handler that maps a bar back to its school, so both agree.
 */
export function orderRankingRows<R extends Pick<RankingRow, 'rank' | 'value'>>(
  rows: readonly R[],
  order: SortOrder,
): R[] {
  const withValue = rows.filter((row) => row.value !== null).sort((a, b) => a.rank - b.rank);
  const without = rows.filter((row) => row.value === null).sort((a, b) => a.rank - b.rank);
  return [...(order === 'desc' ? withValue : withValue.reverse()), ...without];
}

export function rankingBarColor(meets: boolean | null): string {
  if (meets === null) return CHART_COLORS.neutral;
  return meets ? CHART_COLORS.met : CHART_COLORS.notMet;
}

export function formatRankingTooltip(row: RankingBarRow, options: RankingBarOptions): string {
  const { lang, indicator } = options;
  const unit = { unit: true, lang } as const;
  const lines = [
    tooltipTitle(`${row.rank}. ${row.name}`),
    `<div style="margin-bottom:4px;color:#5f6b7a">${escapeHtml(row.township)} · ${escapeHtml(
      translate(lang, 'chart.ranking.students', { count: formatInteger(row.students) }),
    )}</div>`,
    tooltipRow(indicatorName(indicator, lang), formatIndicator(indicator, row.value, unit), rankingBarColor(row.meets)),
  ];
  if (row.threshold !== null) {
    lines.push(
      tooltipRow(translate(lang, 'chart.ranking.threshold'), formatIndicator(indicator, row.threshold, unit)),
      tooltipRow(
        translate(lang, 'chart.ranking.meets'),
        row.meets === null
          ? '—'
          : row.meets
            ? translate(lang, 'chart.ranking.yes')
            : translate(lang, 'chart.ranking.no', {
                percent: row.value === null || row.threshold <= 0 ? '—' : formatPercent(row.value / row.threshold),
              }),
      ),
    );
  }
  lines.push(
    tooltipRow(translate(lang, 'chart.ranking.mean'), formatIndicator(indicator, options.mean, unit)),
    tooltipRow(translate(lang, 'chart.ranking.relative'), formatPercent(row.relativeToMean)),
  );
  return lines.join('');
}

/**
 * Ranked horizontal bars (first place on top) with the national threshold (red, dashed) and the county weighted mean
 * (blue) as reference lines. Met and not-met schools are two overlaid series, so each keeps one colour and the chart
 * can draw in `large` mode: a ranking of 300 schools stays smooth while hovering.
 */
export function buildRankingBarOption(input: readonly RankingBarRow[], options: RankingBarOptions): ChartOption {
  const { lang, indicator, mean, threshold } = options;
  const rows = orderRankingRows(input, options.order);
  const hasThreshold = threshold !== null;
  const names = rows.map((row) => `${row.rank}. ${row.name}`);
  const highlightIndex = options.highlightCode ? rows.findIndex((row) => row.code === options.highlightCode) : -1;
  // A long ranking opens where the analyst's question is: the school last opened, else the first one below standard.
  const firstFailing = rows.findIndex((row) => row.meets === false);
  const zoom =
    options.windowed === false
      ? undefined
      : rowWindowZoom(rows.length, highlightIndex >= 0 ? highlightIndex : firstFailing);
  const lines: { name: string; xAxis: number; lineStyle: object; label: object }[] = [];
  if (threshold !== null) {
    lines.push({
      name: 'threshold',
      xAxis: threshold,
      lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
      label: {
        color: CHART_COLORS.threshold,
        distance: 20,
        formatter: translate(lang, 'chart.ranking.thresholdLine', { value: formatIndicator(indicator, threshold) }),
      },
    });
  }
  if (mean !== null) {
    lines.push({
      name: 'mean',
      xAxis: mean,
      lineStyle: { color: CHART_COLORS.mean, type: 'solid', width: 1.5 },
      label: {
        color: CHART_COLORS.mean,
        // One row above the threshold's label, so the two never overlap when the values are close.
        distance: 36,
        formatter: translate(lang, 'chart.ranking.meanLine', { value: formatIndicator(indicator, mean) }),
      },
    });
  }

  const seriesBase = {
    type: 'bar' as const,
    barGap: '-100%',
    barMaxWidth: 14,
    // One path per series instead of one element per bar once the ranking is long.
    large: true,
    largeThreshold: 200,
    emphasis: { disabled: true },
  };
  const barValue = (row: RankingBarRow, met: boolean | null) => (row.meets === met ? row.value : null);

  return {
    textStyle: { fontFamily: CHART_FONT },
    animation: rows.length <= 100,
    grid: { left: 8, right: zoom ? 28 : 24, top: 84, bottom: 8, containLabel: true },
    dataZoom: zoom,
    legend: hasThreshold
      ? {
          top: 0,
          left: 0,
          itemWidth: 12,
          itemHeight: 12,
          textStyle: { fontSize: 12 },
          data: [translate(lang, 'chart.ranking.seriesMet'), translate(lang, 'chart.ranking.seriesNotMet')],
          selectedMode: false,
        }
      : undefined,
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const row = rows[tooltipDataIndex(params)];
        return row ? formatRankingTooltip(row, options) : '';
      },
    },
    xAxis: {
      type: 'value',
      position: 'top',
      axisLabel: { fontSize: 11, color: CHART_COLORS.axis },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      max: (extent: { max: number }) =>
        Math.max(
          extent.max,
          threshold ?? Number.NEGATIVE_INFINITY,
          mean ?? Number.NEGATIVE_INFINITY,
          options.valueAxisMax ?? Number.NEGATIVE_INFINITY,
        ),
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      triggerEvent: true,
      axisTick: { show: false },
      axisLabel: {
        fontSize: 12,
        color: CHART_COLORS.text,
        interval: 0,
        width: 190,
        overflow: 'truncate',
        formatter: (text: string, index: number) => (index === highlightIndex ? `{hl|${text}}` : text),
        rich: { hl: { color: CHART_COLORS.mean, fontWeight: 'bold', fontSize: 12 } },
      },
    },
    series: hasThreshold
      ? [
          {
            ...seriesBase,
            name: translate(lang, 'chart.ranking.seriesMet'),
            itemStyle: { color: CHART_COLORS.met },
            data: rows.map((row) => barValue(row, true)),
            markLine: { symbol: 'none', silent: true, label: { position: 'start', fontSize: 12 }, data: lines },
          },
          {
            ...seriesBase,
            name: translate(lang, 'chart.ranking.seriesNotMet'),
            itemStyle: { color: CHART_COLORS.notMet },
            data: rows.map((row) => barValue(row, false)),
          },
        ]
      : [
          {
            ...seriesBase,
            name: indicatorName(indicator, lang),
            itemStyle: { color: CHART_COLORS.neutral },
            data: rows.map((row) => row.value),
            markLine: { symbol: 'none', silent: true, label: { position: 'start', fontSize: 12 }, data: lines },
          },
        ],
  };
}
