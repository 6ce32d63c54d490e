import { LOCALE_LABELS } from '@junheng/shared';
import { useCallback, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorMessage } from '../../components/error-boundary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import { SchoolLink } from '../../county-view/components/school-link.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import type { ViewParams } from '../../county-view/view-params.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { formatInteger } from '../../lib/format.ts';
import { inParens } from '../../lib/locale-chart.ts';
import { balanceQueryOptions } from '../../reports/balance.ts';
import { type PickerRow, pickerRows } from './school-lists.ts';
import './schools.css';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';

/** `?q=实验`: the picker's search text (kept in the URL like every other view state). */
export const SEARCH_PARAM = 'q';

function PickerContent({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const search = searchParams.get(SEARCH_PARAM) ?? '';
  const setSearch = useCallback(
    (text: string) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (text) next.set(SEARCH_PARAM, text);
          else next.delete(SEARCH_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  const query = useReportQuery(balanceQueryOptions(county));
  const rows = useMemo(() => pickerRows(query.data, search, lang), [query.data, search, lang]);
  const columns: Column<PickerRow>[] = [
    { id: 'name', header: t('table.school'), cell: (row) => <SchoolLink code={row.code} name={row.name} /> },
    { id: 'code', header: t('table.schoolCode'), className: 'mono', cell: (row) => row.code },
    { id: 'township', header: t('table.township'), cell: (row) => row.townshipName },
    {
      id: 'locale',
      header: t('table.locale'),
      cell: (row) => (row.locale ? pickLabel(LOCALE_LABELS[row.locale], lang) : '—'),
    },
    { id: 'students', header: t('table.students'), numeric: true, cell: (row) => formatInteger(row.students) },
    {
      id: 'verdict',
      header: t('table.verdict'),
      cell: (row) =>
        row.excludedReason ? (
          <span className="muted">{t('schools.excluded', { reason: row.excludedReason })}</span>
        ) : row.passes ? (
          <span className="verdict verdict-pass">
            ✓ {t('verdict.pass')}
            {inParens(`${row.metCount}/7`, lang)}
          </span>
        ) : (
          <span className="verdict verdict-fail">
            ✗ {t('verdict.fail')}
            {inParens(`${row.metCount}/7`, lang)}
          </span>
        ),
    },
  ];

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="school-picker-head">
        <h2 id={`${id}-title`} className="card-title">
          {t('schools.listTitle')}
        </h2>
        <label className="filter-field school-search" htmlFor={`${id}-search`}>
          <span className="filter-label">{t('schools.search')}</span>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder={t('schools.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        {query.data ? (
          <span className="muted small">{t('schools.count', { count: formatInteger(rows.length) })}</span>
        ) : null}
      </div>
      {query.isPending ? (
        <Skeleton lines={8} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('schools.noMatchTitle')}>{t('schools.noMatch')}</EmptyState>
      ) : (
        <div className={query.isPlaceholderData ? 'updating' : undefined}>
          <DataTable
            caption={t('schools.listTitle')}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.code}
            maxHeight={560}
          />
        </div>
      )}
    </section>
  );
}

/** 学校档案: pick a school (from the year's balance report, under the filters) to open its profile. */
export default function SchoolPickerPage() {
  const t = useT();
  return (
    <CountyView id="schools-title" title={t('schools.title')} intro={t('schools.intro')}>
      {({ county }: { county: CountyQuery; params: ViewParams }) => <PickerContent county={county} />}
    </CountyView>
  );
}
