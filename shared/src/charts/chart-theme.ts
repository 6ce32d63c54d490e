/**
 * Colours and small pure helpers shared by the chart builders (`features/*\/charts/build-*-option.ts`). Met / not met
 * is green / red everywhere, with a shape or text cue beside it (label, legend, tooltip) for colour-blind readers.
 */
export const CHART_COLORS = {
  met: '#2f8f57',
  notMet: '#d04437',
  /** Below its threshold but at least 85% of it: the one miss a passing school may have. */
  near: '#e8a33d',
  noData: '#cfd6df',
  /** Bars that have no threshold to meet (2012-only indicators). */
  neutral: '#5b7fb5',
  threshold: '#b42318',
  mean: '#1d4f91',
  axis: '#5f6b7a',
  grid: '#e6ebf1',
  text: '#1f2933',
} as const;

/**
 * Passing / failing where the whole chart is that split (counts per township): blue and vermilion, which readers
 * with red–green colour blindness tell apart (Okabe–Ito), and the failing part also hatched.
 */
export const PASS_FAIL_COLORS = { pass: '#0072b2', fail: '#d55e00' } as const;
export const FAIL_DECAL: {
  symbol: 'rect';
  symbolSize: number;
  color: string;
  dashArrayX: number[];
  dashArrayY: number[];
  rotation: number;
} = {
  symbol: 'rect',
  symbolSize: 1,
  color: 'rgba(255, 255, 255, 0.45)',
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: -Math.PI / 4,
};

export const CHART_FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Hiragino Sans GB", sans-serif';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Tooltips are HTML: school names and other data go through this first. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** One tooltip line: `label：<b>value</b>` (a full-width colon after a Chinese label). Both parts are escaped. */
export function tooltipRow(label: string, value: string, color?: string): string {
  const marker = color
    ? `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${color}"></span>`
    : '';
  const colon = CJK.test(label) ? '：' : ': ';
  return `<div>${marker}${escapeHtml(label)}${colon}<b>${escapeHtml(value)}</b></div>`;
}

export function tooltipTitle(text: string): string {
  return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(text)}</div>`;
}

/**
 * An axis maximum that leaves room for the bar labels and always shows the reference lines:
 * the largest of the values and lines, plus 15%, rounded up to a multiple of `step`.
 */
export function paddedMax(values: readonly (number | null | undefined)[], step: number): number {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const largest = finite.length ? Math.max(...finite) : 0;
  if (largest <= 0) return step;
  return Math.ceil((largest * 1.15) / step) * step;
}

/** A step of 1, 2 or 5 × 10ⁿ close to a tenth of the value (so paddedMax lands on a readable tick). */
export function niceStep(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const raw = value / 10;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The data index a tooltip is about, for both `trigger: 'item'` (one params) and `trigger: 'axis'` (an array). */
export function tooltipDataIndex(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (first && typeof first === 'object' && 'dataIndex' in first && typeof first.dataIndex === 'number') {
    return first.dataIndex;
  }
  return -1;
}

/** Common tooltip frame: white card, readable size, confined to the chart so it never runs off a narrow panel. */
export const TOOLTIP_BASE = {
  confine: true,
  backgroundColor: '#ffffff',
  borderColor: '#dde3ea',
  textStyle: { color: '#1f2933', fontSize: 12, fontFamily: CHART_FONT },
  extraCssText: 'box-shadow: 0 2px 8px rgba(0,0,0,0.12); max-width: 360px; white-space: normal;',
} as const;

/**
 * The legend of a chart: one row from the top-left corner with small swatches, as every chart draws it. Not a
 * switch (`selectedMode: false`) unless `selectable`: most charts' series make no sense alone.
 */
export function chartLegend(data: readonly string[], options: { selectable?: boolean; itemWidth?: number } = {}) {
  return {
    top: 0,
    left: 0,
    itemWidth: options.itemWidth ?? 14,
    itemHeight: 10,
    textStyle: { fontSize: 12 },
    ...(options.selectable ? {} : { selectedMode: false as const }),
    data: [...data],
  };
}

/**
 * An axis tooltip about one row of the chart's data: `rows[dataIndex]` of the category under the pointer, written
 * by `format` (nothing where there is no row). `shadow` shades the whole category, for bars.
 */
export function axisRowTooltip<Row>(
  rows: readonly Row[],
  format: (row: Row) => string,
  options: { shadow?: boolean } = {},
) {
  return {
    ...TOOLTIP_BASE,
    trigger: 'axis' as const,
    ...(options.shadow ? { axisPointer: { type: 'shadow' as const } } : {}),
    formatter: (params: unknown) => {
      const row = rows[tooltipDataIndex(params)];
      return row ? format(row) : '';
    },
  };
}

/**
 * A round value axis above every value and reference line (10% headroom), on a 1-2-2.5-5 step giving about `ticks`
 * intervals: 9.71 → max 15, interval 5; 0.5 → max 0.6, interval 0.2.
 */
export function niceAxis(values: readonly (number | null | undefined)[], ticks = 4): { max: number; interval: number } {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const largest = finite.length ? Math.max(...finite) : 0;
  if (largest <= 0) return { max: 1, interval: 1 / ticks };
  const target = largest * 1.1;
  const raw = target / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const interval = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
  // toPrecision drops binary noise (0.30000000000000004), so the labels read 0.3.
  return {
    max: Number((Math.ceil(target / interval) * interval).toPrecision(12)),
    interval: Number(interval.toPrecision(12)),
  };
}

/** Rows a long category chart shows at once; beyond ROW_WINDOW_FROM rows it scrolls inside the chart. */
export const ROW_WINDOW = 30;
export const ROW_WINDOW_FROM = 36;

/**
 * The first row of the window: 0, or a few rows above `focusIndex` (the school last opened) so it is in view.
 */
export function rowWindowStart(total: number, focusIndex = -1, window = ROW_WINDOW): number {
  if (total <= window || focusIndex < 0) return 0;
  return Math.max(0, Math.min(focusIndex - 5, total - window));
}

/**
 * dataZoom for a category y-axis with more than ROW_WINDOW_FROM rows: ROW_WINDOW rows at a time, moved by the
 * mouse wheel or the slider on the right. A chart of 300 schools then stays one screen tall, so hovering repaints a
 * small canvas (a 6 000-pixel canvas made each hover a long task). Undefined for shorter lists, which show in full.
 */
export function rowWindowZoom(
  total: number,
  focusIndex = -1,
  yAxisIndex: number | number[] = 0,
): { type: 'inside' | 'slider'; [key: string]: unknown }[] | undefined {
  if (total <= ROW_WINDOW_FROM) return undefined;
  const startValue = rowWindowStart(total, focusIndex);
  const shared = {
    yAxisIndex,
    startValue,
    endValue: startValue + ROW_WINDOW - 1,
    filterMode: 'empty',
  };
  return [
    // No zoomLock here: ECharts binds the wheel only to an inside zoom that may zoom (zoomOnMouseWheel stays off).
    { type: 'inside', ...shared, moveOnMouseWheel: true, zoomOnMouseWheel: false, moveOnMouseMove: false },
    {
      type: 'slider',
      ...shared,
      zoomLock: true,
      right: 4,
      width: 14,
      showDetail: false,
      brushSelect: false,
      fillerColor: 'rgba(29, 79, 145, 0.18)',
      borderColor: '#dde3ea',
      handleSize: 0,
    },
  ];
}

/** Rows drawn at once: all of them, or the window. */
export function visibleRows(total: number): number {
  return total > ROW_WINDOW_FROM ? ROW_WINDOW : total;
}

/**
 * Rows of one chart on paper: a chart that fits an A4 page with its panel title (36 rows of 22 px plus the axes), so
 * no page break falls inside it.
 */
export const PRINT_ROWS_PER_CHART = 36;

/**
 * A long category list split into charts of at most `perChart` rows for printing, as even as possible (75 schools →
 * 25 + 25 + 25, not 36 + 36 + 3), in the given order. A short list stays one chart.
 */
export function splitRowsForPrint<T>(rows: readonly T[], perChart = PRINT_ROWS_PER_CHART): T[][] {
  if (rows.length <= perChart) return [rows.slice()];
  const charts = Math.ceil(rows.length / perChart);
  const size = Math.ceil(rows.length / charts);
  const parts: T[][] = [];
  for (let start = 0; start < rows.length; start += size) parts.push(rows.slice(start, start + size));
  return parts;
}
