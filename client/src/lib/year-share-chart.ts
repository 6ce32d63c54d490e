import { CHART_COLORS } from './chart-theme.ts';

/**
 * The parts the yearly share charts have in common (teacher exchange: exchange ratio and backbone share; class size:
 * large and huge class shares): a bar of one share per year coloured by its verdict, a line of a second share, and
 * each share's limit as a reference line. Shares are 0–1 in the data and drawn in percent.
 */

/** A share as the percent drawn (two decimals); null stays null. */
export function sharePercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 100;
}

/** Green when the share meets its limit, red when not, grey when it is not judged. */
export function verdictColor(passes: boolean | null): string {
  if (passes === null) return CHART_COLORS.noData;
  return passes ? CHART_COLORS.met : CHART_COLORS.notMet;
}

/** The years as categories, the selected one in bold (`triggerEvent`: the axis labels are clickable). */
export function yearCategoryAxis(
  years: readonly number[],
  selectedYear: number | null | undefined,
  options: { triggerEvent?: boolean } = {},
) {
  return {
    type: 'category' as const,
    data: years.map(String),
    ...(options.triggerEvent ? { triggerEvent: true } : {}),
    axisLabel: {
      fontSize: 12,
      color: CHART_COLORS.text,
      formatter: (text: string) => (Number(text) === selectedYear ? `{sel|${text}}` : text),
      rich: { sel: { fontWeight: 'bold' as const, color: CHART_COLORS.mean, fontSize: 12 } },
    },
  };
}

export interface ShareLimitLine {
  /** The markLine data name. */
  name: string;
  /** The limit as a share (0–1). */
  value: number;
  label: string;
  color: string;
  type: 'dashed' | 'dotted';
  /**
   * Inside the plot above the line at its start or end, or `end`: beside the line's end, right of the plot, wrapped
   * to LIMIT_LABEL_WIDTH (the chart's grid must leave that room), where no bar or point of any year can lie under it.
   */
  position: 'insideStartTop' | 'insideEndTop' | 'end';
}

/**
 * Pixels a limit label beside the plot (`position: 'end'`) wraps to: six Chinese characters of 11 px a line
 * (`交流比例下限` / `10%`). The grid's right margin must hold it.
 */
export const LIMIT_LABEL_WIDTH = 68;

function limitMarkLine(limit: ShareLimitLine) {
  const beside =
    limit.position === 'end' ? { width: LIMIT_LABEL_WIDTH, overflow: 'break' as const, lineHeight: 14 } : {};
  return {
    symbol: 'none',
    silent: true,
    // Behind the bars and their labels: a year whose share is near the limit keeps its figure readable.
    z: 1,
    lineStyle: { color: limit.color, type: limit.type, width: 1.5 },
    label: { position: limit.position, fontSize: 11, color: limit.color, formatter: limit.label, ...beside },
    data: [{ name: limit.name, yAxis: limit.value * 100 }],
  };
}

interface YearShare<Row> {
  name: string;
  share: (row: Row) => number | null;
  passes: (row: Row) => boolean | null;
  limit?: ShareLimitLine;
}

/**
 * One bar a year, coloured by its verdict and labelled in percent; the selected year is outlined rather than the
 * others faded, so the labels stay readable.
 */
export function yearShareBarSeries<Row extends { year: number }>(
  rows: readonly Row[],
  bar: YearShare<Row> & {
    selectedYear?: number | null | undefined;
    label: { position: 'top' | 'insideTop'; color: string };
  },
) {
  return {
    type: 'bar' as const,
    name: bar.name,
    barMaxWidth: 34,
    itemStyle: { color: CHART_COLORS.met },
    data: rows.map((row) => ({
      value: sharePercent(bar.share(row)),
      itemStyle:
        row.year === bar.selectedYear
          ? { color: verdictColor(bar.passes(row)), borderColor: CHART_COLORS.text, borderWidth: 2 }
          : { color: verdictColor(bar.passes(row)) },
    })),
    label: {
      show: true,
      position: bar.label.position,
      fontSize: 11,
      color: bar.label.color,
      formatter: (params: { value?: unknown }) =>
        typeof params.value === 'number' ? `${params.value.toFixed(1)}%` : '',
    },
    ...(bar.limit ? { markLine: limitMarkLine(bar.limit) } : {}),
  };
}

/** The second share of the same years as a line, each point coloured by its verdict. */
export function yearShareLineSeries<Row>(rows: readonly Row[], line: YearShare<Row> & { symbolSize: number }) {
  return {
    type: 'line' as const,
    name: line.name,
    symbolSize: line.symbolSize,
    lineStyle: { color: CHART_COLORS.mean, width: 2 },
    itemStyle: { color: CHART_COLORS.mean },
    data: rows.map((row) => ({
      value: sharePercent(line.share(row)),
      itemStyle: { color: verdictColor(line.passes(row)), borderColor: CHART_COLORS.mean, borderWidth: 1.5 },
    })),
    ...(line.limit ? { markLine: limitMarkLine(line.limit) } : {}),
  };
}
