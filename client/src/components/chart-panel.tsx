import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import type { ExportLinks } from '../lib/export-links.ts';
import type { EChartHandle } from './echart-option.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorMessage, PanelErrorBoundary } from './error-boundary.tsx';
import { preloadEChart } from './lazy-echart.tsx';
import { Skeleton } from './skeleton.tsx';

/** The part of a TanStack Query result a panel needs (structurally a UseQueryResult). */
export interface PanelQueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  /** Showing the previous filters' data while the new data loads (keepPreviousData). */
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

export interface ChartPanelProps {
  title: string;
  /** A line under the title (unit, limit, regime). */
  subtitle?: ReactNode;
  query: PanelQueryState;
  /** The query succeeded but the filters leave nothing to draw. */
  isEmpty?: boolean;
  /** What the empty state says when "no school matches the filters" is not the reason (e.g. nothing to do). */
  emptyTitle?: string;
  emptyMessage?: ReactNode;
  /** Downloads of exactly the data shown (same endpoint and filters). */
  exports?: ExportLinks | null;
  /** File name of the PNG, without extension (county, year, stage, chart). */
  fileName: string;
  chart: (ref: RefObject<EChartHandle | null>) => ReactNode;
  /** The same data as an accessible table ("view as table"). */
  table: () => ReactNode;
  /** Shown under the chart or table in every mode (verdict, notes). */
  footer?: ReactNode;
  skeletonHeight?: number;
  className?: string;
}

/**
 * The frame of every chart: title, "view as table", downloads (Excel CSV, CSV, XLSX from the API; PNG from the chart),
 * loading skeleton, empty state, the query's error with a retry, and an error boundary so a failing chart leaves the
 * rest of the page alone.
 */
export function ChartPanel({
  title,
  subtitle,
  query,
  isEmpty = false,
  emptyTitle,
  emptyMessage,
  exports,
  fileName,
  chart,
  table,
  footer,
  skeletonHeight = 280,
  className,
}: ChartPanelProps) {
  const t = useT();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const chartRef = useRef<EChartHandle | null>(null);
  // The panel mounts before its data arrives: fetch ECharts meanwhile rather than after.
  useEffect(preloadEChart, []);
  const ready = !query.isPending && !query.isError;

  let body: ReactNode;
  if (query.isPending) body = <Skeleton lines={5} height={skeletonHeight} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (isEmpty)
    body = <EmptyState title={emptyTitle ?? t('panel.emptyTitle')}>{emptyMessage ?? t('panel.emptyBody')}</EmptyState>;
  // Rendered by a child component, so an error while drawing is caught by the boundary below, not by the page's.
  else body = <RenderBody render={asTable ? table : () => chart(chartRef)} />;

  const downloadPng = () => {
    const url = chartRef.current?.getDataURL();
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName}.png`;
    link.click();
  };

  return (
    <section
      className={className ? `card chart-panel ${className}` : 'card chart-panel'}
      aria-labelledby={`${id}-title`}
      aria-busy={query.isPending || query.isPlaceholderData}
    >
      <header className="chart-panel-header">
        <div className="chart-panel-heading">
          <h2 id={`${id}-title`} className="card-title">
            {title}
          </h2>
          {subtitle ? <div className="chart-panel-subtitle muted small">{subtitle}</div> : null}
        </div>
        {ready && !isEmpty ? (
          <div className="chart-panel-tools">
            <button
              type="button"
              className="button button-secondary button-small"
              aria-pressed={asTable}
              onClick={() => setAsTable((value) => !value)}
            >
              {asTable ? t('panel.viewChart') : t('panel.viewTable')}
            </button>
            <DownloadMenu exports={exports ?? null} onPng={asTable ? undefined : downloadPng} title={title} />
          </div>
        ) : null}
      </header>
      <div className={query.isPlaceholderData ? 'chart-panel-body updating' : 'chart-panel-body'}>
        <PanelErrorBoundary>{body}</PanelErrorBoundary>
      </div>
      {ready && !isEmpty && footer ? <div className="chart-panel-footer">{footer}</div> : null}
    </section>
  );
}

function RenderBody({ render }: { render: () => ReactNode }) {
  return render();
}

function DownloadMenu({
  exports,
  onPng,
  title,
}: {
  exports: ExportLinks | null;
  onPng: (() => void) | undefined;
  title: string;
}) {
  const t = useT();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => detailsRef.current?.removeAttribute('open');
  // A <details> menu stays open by itself: close it on a click elsewhere or on Escape.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!detailsRef.current?.contains(event.target as Node)) detailsRef.current?.removeAttribute('open');
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') detailsRef.current?.removeAttribute('open');
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);
  return (
    <details
      className="download-menu"
      ref={detailsRef}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="button button-secondary button-small" aria-label={t('panel.downloadOf', { title })}>
        {t('panel.download')}
      </summary>
      <ul className="download-list">
        {exports ? (
          <>
            <li>
              <a href={exports.excelCsv} download onClick={close}>
                {t('panel.excelCsv')}
                <span className="muted small">{t('panel.excelCsvHint')}</span>
              </a>
            </li>
            <li>
              <a href={exports.plainCsv} download onClick={close}>
                {t('panel.plainCsv')}
                <span className="muted small">{t('panel.plainCsvHint')}</span>
              </a>
            </li>
            <li>
              <a href={exports.xlsx} download onClick={close}>
                {t('panel.xlsx')}
                <span className="muted small">{t('panel.xlsxHint')}</span>
              </a>
            </li>
          </>
        ) : null}
        <li>
          <button
            type="button"
            className="download-png"
            disabled={!onPng}
            onClick={() => {
              onPng?.();
              close();
            }}
          >
            {t('panel.png')}
            <span className="muted small">{onPng ? t('panel.pngHint') : t('panel.pngTableMode')}</span>
          </button>
        </li>
      </ul>
    </details>
  );
}
