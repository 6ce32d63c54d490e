import type { ECElementEvent } from 'echarts/core';

// The option type moved to @junheng/shared with the builders the server renders too (issue #12).
export type { ChartOption } from '@junheng/shared/charts/chart-option.ts';

export type ChartEventName = 'click' | 'dblclick' | 'mouseover' | 'mouseout' | 'legendselectchanged';
export type ChartEventHandlers = Partial<Record<ChartEventName, (event: ECElementEvent) => void>>;
export type { ECElementEvent };

/** What a parent can do with a chart through its ref (PNG download for reports). */
export interface EChartHandle {
  /** A PNG data URL of the chart at twice the screen resolution on white, or undefined before the chart exists. */
  getDataURL: (options?: { pixelRatio?: number; backgroundColor?: string }) => string | undefined;
}
