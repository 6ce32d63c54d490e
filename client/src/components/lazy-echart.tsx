import { lazy, Suspense } from 'react';
import { useLang } from '../i18n/i18n.tsx';
import type { EChartProps } from './echart.tsx';
import { Skeleton } from './skeleton.tsx';

// ECharts is loaded on first use of a chart, as its own chunk, so the shell and the Data page stay small.
const loadEChart = () => import('./echart.tsx');
const EChart = lazy(loadEChart);

let preloadStarted = false;
/**
 * Starts downloading the ECharts chunk without rendering anything. Chart views call it when their code loads, so the
 * chunk arrives while the report is being fetched instead of after it.
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
  return (
    <Suspense fallback={<Skeleton lines={4} height={props.height ?? 320} />}>
      <EChart locale={lang === 'en' ? 'EN' : 'ZH'} {...props} />
    </Suspense>
  );
}
