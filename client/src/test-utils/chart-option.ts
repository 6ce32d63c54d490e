import type { ChartOption } from '../components/echart-option.ts';

/**
 * Reading a built option in tests without `as any`: ECharts options are unions of object-or-array, so these helpers
 * narrow them to what a single-grid chart has.
 */
type Loose = Record<string, unknown>;

function first(value: unknown): Loose {
  const item = Array.isArray(value) ? value[0] : value;
  if (!item || typeof item !== 'object') throw new Error('option part missing');
  return item as Loose;
}

export function seriesList(option: ChartOption): Loose[] {
  const series = option.series;
  return (Array.isArray(series) ? series : series ? [series] : []) as Loose[];
}

export function seriesAt(option: ChartOption, index = 0): Loose {
  const series = seriesList(option)[index];
  if (!series) throw new Error(`no series ${index}`);
  return series;
}

export function axis(option: ChartOption, name: 'xAxis' | 'yAxis', index = 0): Loose {
  const value = option[name];
  const item = Array.isArray(value) ? value[index] : value;
  if (!item || typeof item !== 'object') throw new Error(`no ${name}[${index}]`);
  return item as Loose;
}

export function tooltipOf(option: ChartOption): Loose {
  return first(option.tooltip);
}

/** Calls the tooltip formatter as ECharts would, for one data index (axis trigger gets an array). */
export function tooltipText(option: ChartOption, dataIndex: number): string {
  const formatter = tooltipOf(option).formatter;
  if (typeof formatter !== 'function') throw new Error('tooltip formatter is not a function');
  const trigger = tooltipOf(option).trigger;
  const params = { dataIndex, seriesIndex: 0 };
  return formatter(trigger === 'axis' ? [params] : params) as string;
}

/** Calls a label formatter (series label or axis label) like ECharts does. */
export function callLabel(formatter: unknown, ...args: unknown[]): string {
  if (typeof formatter !== 'function') throw new Error('label formatter is not a function');
  return formatter(...args) as string;
}

export function markLineData(series: Loose): Loose[] {
  const markLine = series.markLine as Loose | undefined;
  return (markLine?.data as Loose[] | undefined) ?? [];
}
