import { BarChart, BoxplotChart, HeatmapChart, LineChart, RadarChart, SankeyChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { ChartEventHandlers, ChartEventName, ChartOption, EChartHandle } from './echart-option.ts';

// The only place the app touches ECharts. Register just what the views use (tree-shaken `echarts/core`, ~175 KB gzip
// instead of ~450 KB for `import 'echarts'`). Add a chart or component here before a builder uses it.
use([
  BarChart,
  LineChart,
  ScatterChart,
  BoxplotChart,
  HeatmapChart,
  SankeyChart,
  RadarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  DatasetComponent,
  // Long category lists (rankings, the compliance heatmap of a big county) show a window of rows with a scroll bar.
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  VisualMapComponent,
  TitleComponent,
  ToolboxComponent,
  CanvasRenderer,
]);

declare global {
  interface Window {
    /** Set by browser tests: charts render without animation so screenshots are stable. */
    __JUNHENG_TEST__?: boolean;
  }
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function animationDisabled(): boolean {
  if (typeof window === 'undefined') return true;
  if (window.__JUNHENG_TEST__) return true;
  return typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches;
}

/** Follows the OS "reduce motion" setting while the page is open. */
function useAnimationDisabled(): boolean {
  const [disabled, setDisabled] = useState(animationDisabled);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(REDUCED_MOTION);
    const update = () => setDisabled(animationDisabled());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return disabled;
}

export interface EChartProps {
  option: ChartOption;
  /** Accessible name of the chart (the data itself is in the table next to it). */
  ariaLabel: string;
  height?: CSSProperties['height'];
  className?: string;
  /** ECharts' built-in UI text (toolbox, loading). */
  locale?: 'ZH' | 'EN';
  /** e.g. `{ click: (e) => setSchool(e.name) }` for cross-filtering. */
  onEvents?: ChartEventHandlers;
  /**
   * A click anywhere inside grid 0, reported as the index of the category under the pointer (on `categoryAxis`).
   * Bars drawn in `large` mode emit no per-item click events, and a click between two bars should still pick a row.
   */
  onCategoryClick?: (index: number) => void;
  categoryAxis?: 'x' | 'y';
  ref?: Ref<EChartHandle>;
}

/**
 * init → setOption(notMerge) → resize on container changes → dispose. The option is used as given (builders are pure);
 * only animation is switched off, on a copy, for reduced motion and browser tests.
 */
export default function EChart({
  option,
  ariaLabel,
  height = 320,
  className,
  locale = 'ZH',
  onEvents,
  onCategoryClick,
  categoryAxis = 'y',
  ref,
}: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | undefined>(undefined);
  const handlersRef = useRef(onEvents);
  handlersRef.current = onEvents;
  const categoryClickRef = useRef(onCategoryClick);
  categoryClickRef.current = onCategoryClick;
  const hasCategoryClick = onCategoryClick !== undefined;
  const noAnimation = useAnimationDisabled();
  const [instance, setInstance] = useState<EChartsType | undefined>(undefined);
  const latest = useRef({ option, noAnimation });
  latest.current = { option, noAnimation };
  const applied = useRef<{ option: ChartOption; noAnimation: boolean } | undefined>(undefined);
  // Draws the latest option unless it is already drawn. Called as soon as the instance exists too: a chart mounted
  // when printing starts (a long ranking printed in parts) must be drawn before the page goes to paper, and the
  // effect below only runs after another render.
  const apply = (chart: EChartsType) => {
    const { option: next, noAnimation: still } = latest.current;
    if (applied.current?.option === next && applied.current.noAnimation === still) return;
    chart.setOption(still ? { ...next, animation: false } : next, { notMerge: true, lazyUpdate: false });
    applied.current = { option: next, noAnimation: still };
  };
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // Create (and on a locale change, re-create) the instance.
  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'canvas', locale });
    chartRef.current = chart;
    applied.current = undefined;
    applyRef.current(chart);
    setInstance(chart);
    let frame = 0;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => {
              // The observer also reports the size the chart was created with (once, on observe): a resize then
              // would lay the whole chart out a second time (≈ the cost of the first setOption on a long ranking).
              if (element.clientWidth === chart.getWidth() && element.clientHeight === chart.getHeight()) return;
              chart.resize();
            });
          });
    observer?.observe(element);
    // Printing lays the page out at the paper's width, where no resize observer runs: the chart is redrawn to fit the
    // paper when print media starts (its listeners run inside the print layout) and to fit the screen afterwards.
    // On paper it is a picture of itself: Chromium prints a canvas drawn during the print from its recorded drawing
    // operations, and that record keeps only the last part of a chart with many cells (the heatmap came out blank).
    const printMedia = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    let printImage: HTMLImageElement | null = null;
    const refit = () => {
      if (chart.isDisposed()) return;
      printImage?.remove();
      printImage = null;
      chart.resize({ animation: { duration: 0 } });
      if (!printMedia?.matches) return;
      const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      printImage = document.createElement('img');
      printImage.className = 'echart-print-image';
      printImage.alt = '';
      printImage.src = url;
      element.append(printImage);
    };
    printMedia?.addEventListener('change', refit);
    window.addEventListener('afterprint', refit);
    return () => {
      printMedia?.removeEventListener('change', refit);
      window.removeEventListener('afterprint', refit);
      printImage?.remove();
      cancelAnimationFrame(frame);
      observer?.disconnect();
      chart.dispose();
      chartRef.current = undefined;
      setInstance(undefined);
    };
  }, [locale]);

  // A new option or animation setting: `apply` reads them from `latest`, the dependencies say when.
  useEffect(() => {
    if (instance) applyRef.current(instance);
  }, [instance, option, noAnimation]);

  // Bind one stable listener per event name; it calls the latest handler, so new closures need no rebinding.
  const eventNames = Object.keys(onEvents ?? {})
    .sort()
    .join(',');
  useEffect(() => {
    if (!instance || !eventNames) return;
    const bound = eventNames.split(',').map((name) => {
      const listener = (event: unknown) =>
        handlersRef.current?.[name as ChartEventName]?.(
          event as Parameters<NonNullable<ChartEventHandlers['click']>>[0],
        );
      instance.on(name, listener);
      return { name, listener };
    });
    return () => {
      for (const { name, listener } of bound) instance.off(name, listener);
    };
  }, [instance, eventNames]);

  useEffect(() => {
    if (!instance || !hasCategoryClick) return;
    const zr = instance.getZr();
    const listener = (event: { offsetX: number; offsetY: number }) => {
      const point = [event.offsetX, event.offsetY];
      if (!instance.containPixel({ gridIndex: 0 }, point)) return;
      const value = instance.convertFromPixel({ gridIndex: 0 }, point);
      const coordinate = Array.isArray(value) ? value[categoryAxis === 'x' ? 0 : 1] : undefined;
      const index = typeof coordinate === 'number' ? Math.round(coordinate) : Number.NaN;
      if (Number.isInteger(index) && index >= 0) categoryClickRef.current?.(index);
    };
    zr.on('click', listener);
    return () => zr.off('click', listener);
  }, [instance, hasCategoryClick, categoryAxis]);

  useImperativeHandle(
    ref,
    () => ({
      getDataURL: (options) =>
        chartRef.current?.getDataURL({
          type: 'png',
          pixelRatio: options?.pixelRatio ?? 2,
          backgroundColor: options?.backgroundColor ?? '#ffffff',
        }),
    }),
    [],
  );

  return (
    <div
      ref={containerRef}
      className={className ? `echart ${className}` : 'echart'}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height }}
    />
  );
}
