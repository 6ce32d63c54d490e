import { useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { formatInteger } from '../../../lib/format.ts';

export interface PagedRows<Row> {
  /** The rows of the current page. */
  shown: readonly Row[];
  /** 0-based. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown, and the total. */
  from: number;
  to: number;
  total: number;
  /** Whether every page's rows are here (not only the first page's, while the rest are on their way). */
  complete: boolean;
  setPage: (page: number) => void;
}

/**
 * A page of `pageSize` rows at a time, of `total` rows of which `rows` are the first (all of them once they have
 * arrived). Another list (`listKey`: another city, year or stage) starts again at the first page; a page beyond the
 * last is the last, and one beyond the rows there are yet is the last of those.
 */
export function usePagedRows<Row>(
  rows: readonly Row[],
  pageSize: number,
  total = rows.length,
  listKey = '',
): PagedRows<Row> {
  const [state, setState] = useState({ listKey, page: 0 });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pagesHere = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = state.listKey === listKey ? Math.min(state.page, pagesHere - 1) : 0;
  const start = page * pageSize;
  const shown = rows.slice(start, start + pageSize);
  return {
    shown,
    page,
    pages,
    from: rows.length === 0 ? 0 : start + 1,
    to: start + shown.length,
    total,
    complete: rows.length >= total,
    setPage: (next) => setState({ listKey, page: Math.max(0, Math.min(next, pages - 1)) }),
  };
}

/** First, previous, a page picker, next and last; nothing when every row fits one page. Not printed. */
export function CountyTablePager<Row>({ paging, label }: { paging: PagedRows<Row>; label: string }) {
  const t = useT();
  if (paging.pages <= 1) return null;
  const { page, setPage } = paging;
  // Until every row is here, only the first page can be shown: the pager waits for the rest.
  const pages = paging.complete ? paging.pages : 1;
  return (
    <nav className="actions county-pager" aria-label={t('counties.pager', { table: label })}>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page === 0}
        onClick={() => setPage(0)}
      >
        {t('counties.pageFirst')}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page === 0}
        onClick={() => setPage(page - 1)}
      >
        {t('counties.pagePrevious')}
      </button>
      <label className="county-pager-pick">
        <span className="visually-hidden">{t('counties.pagePick')}</span>
        <select value={page} onChange={(event) => setPage(Number(event.target.value))}>
          {Array.from({ length: pages }, (_, index) => (
            <option key={index} value={index}>
              {t('counties.pageOf', { page: index + 1, pages: paging.pages })}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page >= pages - 1}
        onClick={() => setPage(page + 1)}
      >
        {t('counties.pageNext')}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page >= pages - 1}
        onClick={() => setPage(pages - 1)}
      >
        {t('counties.pageLast')}
      </button>
      <span className="muted small" aria-live="polite">
        {t('counties.pageRows', {
          from: formatInteger(paging.from),
          to: formatInteger(paging.to),
          total: formatInteger(paging.total),
        })}
      </span>
    </nav>
  );
}
