import { lazy, Suspense } from 'react';
import { useLang } from '../i18n/i18n.tsx';
import type { EChartProps } from './echart.tsx';
import { Skeleton } from './skeleton.tsx';

// ECharts is loaded on first use of a chart, as its own chunk, so the shell and the Data page stay small.
const EChart = lazy(() => import('./echart.tsx'));

/** Use this in views: `<LazyEChart option={option} ariaLabel="…" ref={chartRef} />`. */
export function LazyEChart(props: EChartProps) {
  const [lang] = useLang();
  return (
    <Suspense fallback={<Skeleton lines={4} height={props.height ?? 320} />}>
      <EChart locale={lang === 'en' ? 'EN' : 'ZH'} {...props} />
    </Suspense>
  );
}
