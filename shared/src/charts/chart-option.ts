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
import type { ComposeOption } from 'echarts/core';

/**
 * The option type of exactly what the client's echart.tsx (and the server's chart renderer) registers: builders (`build-*-option.ts`) return this, so a series or
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
