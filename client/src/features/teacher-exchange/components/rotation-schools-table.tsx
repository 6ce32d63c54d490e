import type { RotationSchool, TeacherExchangeResponse } from '@junheng/shared';
import { type ReactNode, useMemo } from 'react';
import type { PanelQueryState } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { SchoolLink } from '../../../county-view/components/school-link.tsx';
import type { SortOrder } from '../../../county-view/view-params.ts';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks } from '../../../lib/export-links.ts';
import { formatInteger } from '../../../lib/format.ts';
import { localeLabel } from '../../../lib/locale-chart.ts';
import { type TeacherExchangeQuery, teacherExchangeQueryInput } from '../api/teacher-exchange.ts';
import { netRotation, nextRotationSort, type RotationSortColumn, sortRotationSchools } from '../rotation-sort.ts';

const NUMERIC = [
  'eligible',
  'out',
  'in',
  'backboneOut',
  'backboneIn',
  'net',
] as const satisfies readonly RotationSortColumn[];

const HEADERS: Record<RotationSortColumn, MessageKey> = {
  name: 'table.school',
  township: 'table.township',
  locale: 'table.locale',
  eligible: 'teacherExchange.table.eligible',
  out: 'teacherExchange.table.out',
  in: 'teacherExchange.table.in',
  backboneOut: 'teacherExchange.table.backboneOut',
  backboneIn: 'teacherExchange.table.backboneIn',
  net: 'teacherExchange.table.net',
};

/**
 * Per school: teachers eligible, sent out, received, backbone out and in, and the net; sortable (the order lives in
 * the URL), a school's name opens its profile. Downloads are the same table from the API.
 */
export function RotationSchoolsTable({
  query,
  report,
  exchangeQuery,
  sort,
  onSort,
  highlight,
}: {
  query: PanelQueryState;
  report: TeacherExchangeResponse | undefined;
  exchangeQuery: TeacherExchangeQuery;
  sort: { column: RotationSortColumn; order: SortOrder };
  onSort: (next: { column: RotationSortColumn; order: SortOrder }) => void;
  highlight: string | null;
}) {
  const t = useT();
  const [lang] = useLang();
  const title = t('teacherExchange.schoolsTitle');
  const rows = useMemo(
    () => (report ? sortRotationSchools(report.schools, sort.column, sort.order) : []),
    [report, sort.column, sort.order],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getTeacherExchange',
          params: { code: exchangeQuery.code },
          query: { ...teacherExchangeQueryInput(exchangeQuery), table: 'schools' },
        },
        lang,
      ),
    [exchangeQuery, lang],
  );
  const header = (column: RotationSortColumn) => t(HEADERS[column]);
  const columns: Column<RotationSchool>[] = [
    {
      id: 'name',
      header: header('name'),
      sortable: true,
      cell: (row) => <SchoolLink code={row.code} name={row.name} />,
      pin: 'start',
    },
    { id: 'township', header: header('township'), sortable: true, cell: (row) => row.townshipName },
    { id: 'locale', header: header('locale'), sortable: true, cell: (row) => localeLabel(row.locale, lang) },
    ...NUMERIC.map<Column<RotationSchool>>((column) => ({
      id: column,
      header: header(column),
      numeric: true,
      sortable: true,
      cell: (row) => {
        const value = column === 'net' ? netRotation(row) : row[column];
        return column === 'net' && value > 0 ? `+${formatInteger(value)}` : formatInteger(value);
      },
    })),
  ];

  let body: ReactNode;
  if (query.isPending) body = <Skeleton lines={8} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (!rows.length) body = <EmptyState title={t('panel.emptyTitle')}>{t('panel.emptyBody')}</EmptyState>;
  else
    body = (
      <div className={query.isPlaceholderData ? 'updating' : undefined}>
        <DataTable
          caption={title}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.code}
          sort={{
            column: sort.column,
            order: sort.order,
            onSort: (column) => onSort(nextRotationSort(sort, column as RotationSortColumn)),
          }}
          rowClassName={(row) => (row.code === highlight ? 'row-highlight' : undefined)}
          maxHeight={480}
        />
      </div>
    );

  return (
    <section className="card" aria-labelledby="rotation-schools-title">
      <header className="chart-panel-header">
        <div className="chart-panel-heading">
          <h2 id="rotation-schools-title" className="card-title">
            {title}
          </h2>
          <div className="chart-panel-subtitle muted small">{t('teacherExchange.schoolsHint')}</div>
        </div>
        {rows.length ? (
          <ul className="rot-downloads" aria-label={t('panel.downloadOf', { title })}>
            <li>
              <a href={exports.excelCsv} download>
                {t('panel.excelCsv')}
              </a>
            </li>
            <li>
              <a href={exports.plainCsv} download>
                {t('panel.plainCsv')}
              </a>
            </li>
            <li>
              <a href={exports.xlsx} download>
                {t('panel.xlsx')}
              </a>
            </li>
          </ul>
        ) : null}
      </header>
      {body}
    </section>
  );
}
