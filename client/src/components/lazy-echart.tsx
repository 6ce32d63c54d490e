import { lazy, Suspense, useState } from 'react';
import { useLang } from '../i18n/i18n.tsx';
import type { EChartProps } from './echart.tsx';
import { Skeleton } from './skeleton.tsx';

type EChartModule = typeof import('./echart.tsx');

// ECharts is loaded on first use of a chart, as its own chunk, so the shell and the Data page stay small.
let loaded: EChartModule | undefined;
const loadEChart = () =>
  import('./echart.tsx').then((module) => {
    loaded = module;
    return module;
  });
const LazyLoadedEChart = lazy(loadEChart);

let preloadStarted = false;
/**
 * Starts downloading the ECharts chunk without rendering anything. Chart views call it when they mount, so the chunk
 * arrives while the report is being fetched instead of after it.
 */
export function preloadEChart(): void {
  if (preloadStarted) return;
  preloadStarted = true;
  loadEChart().catch(() => {
    // A failed preload is retried by the lazy component itself, which shows the error in its panel.
    preloadStarted = false;
  });
}

/** Use this in views: `<LazyEChart option={option} ariaLabel="…" ref={chartRef} />`. */
export function LazyEChart(props: EChartProps) {
  const [lang] = useLang();
  // Chosen once per chart. Once the chunk is loaded (the view preloads it), the chart renders at once: a lazy
  // component suspends on its first render even then, and React holds a revealed Suspense boundary back for up to
  // 300 ms after the last fallback it showed, which delayed every first chart.
  const [EChart] = useState(() => loaded?.default ?? LazyLoadedEChart);
  return (
    <Suspense fallback={<Skeleton lines={4} height={props.height ?? 320} />}>
      <EChart locale={lang === 'en' ? 'EN' : 'ZH'} {...props} />
    </Suspense>
  );
}
