import type { ImportBatch } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { formatDateTime, formatInteger } from '../../../lib/format.ts';
import { importHistoryQueryOptions } from '../api/import-history.ts';
import { kindLabelKey } from './template-downloads.tsx';

const SOURCE_LABELS: Record<ImportBatch['source'], MessageKey> = {
  api: 'data.history.source.api',
  cli: 'data.history.source.cli',
  demo: 'data.history.source.demo',
};

const COUNT_KINDS = ['schools', 'school_stats', 'rotations'] as const;

/** Every applied import, newest first: when, from where, which files (with their checksums) and what they wrote. */
export function ImportHistory() {
  const t = useT();
  const query = useQuery(importHistoryQueryOptions());
  const columns = useMemo<Column<ImportBatch>[]>(
    () => [
      { id: 'id', header: t('data.history.batch'), numeric: true, cell: (batch) => `#${batch.id}` },
      { id: 'createdAt', header: t('data.history.time'), cell: (batch) => formatDateTime(batch.createdAt) },
      { id: 'source', header: t('data.history.source'), cell: (batch) => t(SOURCE_LABELS[batch.source]) },
      {
        id: 'files',
        header: t('data.history.files'),
        cell: (batch) =>
          batch.scoped ? (
            <span className="muted small">{t('data.history.scopedFiles')}</span>
          ) : (
            <ul className="history-files">
              {batch.files.map((file) => (
                <li key={`${file.file}:${file.sha256}`}>
                  <span className="cell-file">{file.file}</span>{' '}
                  <span className="muted small">
                    {file.kind ? t(kindLabelKey(file.kind)) : t('data.kind.unknown')} ·{' '}
                    {t('data.history.rows', { rows: formatInteger(file.rows) })} ·{' '}
                    <abbr className="mono" title={`SHA-256 ${file.sha256}`}>
                      {file.sha256.slice(0, 10)}
                    </abbr>
                  </span>
                </li>
              ))}
            </ul>
          ),
      },
      {
        id: 'counts',
        header: t('data.history.counts'),
        cell: (batch) =>
          COUNT_KINDS.filter((kind) => (batch.counts[kind] ?? 0) > 0)
            .map((kind) => `${t(kindLabelKey(kind))} ${formatInteger(batch.counts[kind])}`)
            .join('，') || '—',
      },
      {
        id: 'warnings',
        header: t('data.history.warnings'),
        numeric: true,
        cell: (batch) => (batch.warnings === null ? '—' : formatInteger(batch.warnings)),
      },
    ],
    [t],
  );

  let body: React.ReactNode;
  if (query.isPending) body = <Skeleton lines={3} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (query.data.length === 0) body = <p className="muted">{t('data.history.empty')}</p>;
  else
    body = (
      <DataTable
        caption={t('data.history.title')}
        columns={columns}
        rows={query.data}
        rowKey={(batch) => String(batch.id)}
        maxHeight={360}
        className="history-table"
      />
    );

  return (
    <section className="card" aria-labelledby="history-title" aria-busy={query.isFetching}>
      <h2 id="history-title" className="card-title">
        {t('data.history.title')}
      </h2>
      <p className="muted small">{t('data.history.description')}</p>
      {query.data?.some((batch) => batch.scoped) ? <p className="muted small">{t('data.history.scopedNote')}</p> : null}
      {body}
    </section>
  );
}
