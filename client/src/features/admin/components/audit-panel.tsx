import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { useDismissableDetails } from '../../../components/use-dismissable-details.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useSetLatestSearchParams } from '../../../lib/latest-search-params.ts';
import { auditQueryOptions } from '../api/audit.ts';
import {
  AUDIT_PAGE_SIZE,
  auditExportLinks,
  formatAuditDetails,
  nextAuditCursor,
  readAuditFilters,
} from '../audit-query.ts';

/**
 * 审计日志: newest first, filtered by action and user (kept in the URL), paged backwards by entry id, and downloadable
 * as CSV or XLSX with the same filters.
 */
export function AuditPanel() {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const filters = readAuditFilters(searchParams);
  // The `before` of each page shown so far: back pops one, next pushes the oldest id of this page.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors.at(-1) ?? null;
  const query = useQuery(auditQueryOptions(filters, before));
  const [userDraft, setUserDraft] = useState(filters.username);
  const links = auditExportLinks(filters, lang);
  const download = useDismissableDetails();

  const setFilter = (key: 'action' | 'user', value: string) => {
    setCursors([]);
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const columns = useMemo<Column<AuditEntry>[]>(
    () => [
      { id: 'at', header: t('audit.time'), cell: (entry) => formatDateTime(entry.at) },
      { id: 'username', header: t('audit.user'), cell: (entry) => entry.username ?? '—' },
      {
        id: 'action',
        header: t('audit.action'),
        cell: (entry) => (
          <span className={entry.action === 'login_failed' ? 'text-error' : undefined}>
            {pickLabel(AUDIT_ACTION_LABELS[entry.action], lang)}
          </span>
        ),
      },
      { id: 'target', header: t('audit.target'), cell: (entry) => entry.target ?? '—' },
      {
        id: 'details',
        header: t('audit.details'),
        className: 'audit-details',
        cell: (entry) => formatAuditDetails(entry.details) || '—',
      },
      { id: 'ip', header: t('audit.ip'), cell: (entry) => <span className="mono">{entry.ip ?? '—'}</span> },
    ],
    [t, lang],
  );

  const next = query.data ? nextAuditCursor(query.data, AUDIT_PAGE_SIZE) : null;

  let body: React.ReactNode;
  if (query.isPending) body = <Skeleton lines={6} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (query.data.length === 0) body = <p className="muted">{t('audit.empty')}</p>;
  else
    body = (
      <DataTable
        caption={t('audit.title')}
        columns={columns}
        rows={query.data}
        rowKey={(entry) => String(entry.id)}
        maxHeight={560}
        className="audit-table"
      />
    );

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={query.isFetching}>
      <h2 id={`${id}-title`} className="card-title">
        {t('audit.title')}
      </h2>
      <p className="muted small">{t('audit.description')}</p>
      <div className="audit-toolbar">
        <label className="form-field" htmlFor={`${id}-action`}>
          <span className="filter-label">{t('audit.action')}</span>
          <select
            id={`${id}-action`}
            value={filters.action ?? ''}
            onChange={(event) => setFilter('action', event.target.value as AuditAction | '')}
          >
            <option value="">{t('audit.allActions')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {pickLabel(AUDIT_ACTION_LABELS[action], lang)}
              </option>
            ))}
          </select>
        </label>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            setFilter('user', userDraft.trim());
          }}
        >
          <label className="form-field" htmlFor={`${id}-user`}>
            <span className="filter-label">{t('audit.user')}</span>
            <input
              id={`${id}-user`}
              type="search"
              value={userDraft}
              placeholder={t('audit.userPlaceholder')}
              onChange={(event) => setUserDraft(event.target.value)}
              onBlur={() => {
                if (userDraft.trim() !== filters.username) setFilter('user', userDraft.trim());
              }}
            />
          </label>
          <button type="submit" className="button button-secondary">
            {t('audit.apply')}
          </button>
        </form>
        <details className="download-menu audit-download" ref={download.ref} onToggle={download.onToggle}>
          <summary className="button button-secondary">{t('audit.download')}</summary>
          <ul className="download-list">
            <li>
              <a href={links.csv} download onClick={download.close}>
                {t('audit.csv')}
              </a>
            </li>
            <li>
              <a href={links.xlsx} download onClick={download.close}>
                {t('audit.xlsx')}
              </a>
            </li>
          </ul>
        </details>
      </div>
      {body}
      <div className="actions audit-pager">
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={cursors.length === 0}
          onClick={() => setCursors((previous) => previous.slice(0, -1))}
        >
          {t('audit.newer')}
        </button>
        <span className="muted small">
          {t('audit.page', { page: cursors.length + 1, count: query.data?.length ?? 0 })}
        </span>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={next === null || query.isPlaceholderData}
          onClick={() => next !== null && setCursors((previous) => [...previous, next])}
        >
          {t('audit.older')}
        </button>
      </div>
    </section>
  );
}
