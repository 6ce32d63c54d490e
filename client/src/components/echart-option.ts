import type {
  BarSeriesOption,
  BoxplotSeriesOption,
  DatasetComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  HeatmapSeriesOption,
  LegendComponentOption,
  LineSeriesOption,
  MarkLineComponentOption,
  RadarSeriesOption,
  SankeySeriesOption,
  ScatterSeriesOption,
  TitleComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts';
import type { ComposeOption, ECElementEvent } from 'echarts/core';

/**
 * The option type of exactly what echart.tsx registers: builders (`build-*-option.ts`) return this, so a series or
 * component that is not registered is a type error rather than a blank chart. Types only: no ECharts code is loaded.
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | BoxplotSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | DatasetComponentOption
  | DataZoomComponentOption
  | VisualMapComponentOption
  | TitleComponentOption
  | ToolboxComponentOption
>;

export type ChartEventName = 'click' | 'dblclick' | 'mouseover' | 'mouseout' | 'legendselectchanged';
export type ChartEventHandlers = Partial<Record<ChartEventName, (event: ECElementEvent) => void>>;
export type { ECElementEvent };

/** What a parent can do with a chart through its ref (PNG download for reports). */
export interface EChartHandle {
  /** A PNG data URL of the chart at twice the screen resolution on white, or undefined before the chart exists. */
  getDataURL: (options?: { pixelRatio?: number; backgroundColor?: string }) => string | undefined;
}
