import { type ReactNode, useId } from 'react';
import { useT } from '../i18n/i18n.tsx';
import type { ExportLinks } from '../lib/export-links.ts';
import type { PanelQueryState } from './chart-panel.tsx';
import { EmptyState } from './empty-state.tsx';
import { ErrorMessage, PanelErrorBoundary } from './error-boundary.tsx';
import { Skeleton } from './skeleton.tsx';
import './table-panel.css';

/**
 * The frame of a table that has no chart (comparison tables): title, subtitle, the downloads of its endpoint (Excel
 * CSV, CSV, XLSX), loading, error with retry, empty state, and its own error boundary.
 */
export function TablePanel({
  title,
  subtitle,
  query,
  isEmpty = false,
  emptyTitle,
  emptyMessage,
  exports,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  query: PanelQueryState;
  isEmpty?: boolean;
  /** What the empty state says when "no school matches the filters" is not the reason. */
  emptyTitle?: string;
  emptyMessage?: ReactNode;
  exports: ExportLinks | null;
  children: () => ReactNode;
  footer?: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const ready = !query.isPending && !query.isError;
  let body: ReactNode;
  if (query.isPending) body = <Skeleton lines={5} height={200} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (isEmpty)
    body = <EmptyState title={emptyTitle ?? t('panel.emptyTitle')}>{emptyMessage ?? t('panel.emptyBody')}</EmptyState>;
  else body = <RenderBody render={children} />;
  return (
    <section className="card table-panel" aria-labelledby={`${id}-title`} aria-busy={query.isPending}>
      <header className="chart-panel-header">
        <div className="chart-panel-heading">
          <h2 id={`${id}-title`} className="card-title">
            {title}
          </h2>
          {subtitle ? <div className="chart-panel-subtitle muted small">{subtitle}</div> : null}
        </div>
        {ready && !isEmpty && exports ? (
          <div className="chart-panel-tools">
            <details className="download-menu">
              <summary className="button button-secondary button-small" aria-label={t('panel.downloadOf', { title })}>
                {t('panel.download')}
              </summary>
              <ul className="download-list">
                <li>
                  <a href={exports.excelCsv} download>
                    {t('panel.excelCsv')}
                    <span className="muted small">{t('panel.excelCsvHint')}</span>
                  </a>
                </li>
                <li>
                  <a href={exports.plainCsv} download>
                    {t('panel.plainCsv')}
                    <span className="muted small">{t('panel.plainCsvHint')}</span>
                  </a>
                </li>
                <li>
                  <a href={exports.xlsx} download>
                    {t('panel.xlsx')}
                    <span className="muted small">{t('panel.xlsxHint')}</span>
                  </a>
                </li>
              </ul>
            </details>
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
