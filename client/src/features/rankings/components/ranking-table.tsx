import { type IndicatorKey, LOCALE_LABELS, type RankingRow } from '@junheng/shared';
import { memo, useMemo } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { SchoolLink } from '../../../county-view/components/school-link.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatIndicator, formatInteger, formatPercent } from '../../../lib/format.ts';

/**
 * The ranking as a table, in the chart's order; the school last opened is highlighted. Memoised: while a new filter's
 * report loads, the page re-renders only to dim the old one, and 300 rows need not be rendered again for that.
 */
export const RankingTable = memo(function RankingTable({
  rows,
  indicator,
  caption,
  highlight,
  maxHeight,
  compact = false,
}: {
  rows: readonly RankingRow[];
  indicator: IndicatorKey;
  caption: string;
  highlight: string | null;
  maxHeight?: number;
  /** Beside the chart: rank, school, township, value, verdict (locale and students stay in the full table). */
  compact?: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<RankingRow>[]>(
    () => [
      { id: 'rank', header: t('table.rank'), numeric: true, cell: (row) => row.rank },
      {
        id: 'name',
        header: t('table.school'),
        cell: (row) => <SchoolLink code={row.code} name={row.name} />,
        pin: 'start',
      },
      { id: 'township', header: t('table.township'), cell: (row) => row.township },
      { id: 'locale', header: t('table.locale'), cell: (row) => pickLabel(LOCALE_LABELS[row.locale], lang) },
      { id: 'students', header: t('table.students'), numeric: true, cell: (row) => formatInteger(row.students) },
      {
        id: 'value',
        header: t('table.value'),
        numeric: true,
        cell: (row) => (
          <span
            className={row.meets === null ? undefined : row.meets ? 'cell-state state-met' : 'cell-state state-under'}
          >
            {formatIndicator(indicator, row.value)}
          </span>
        ),
      },
      {
        id: 'meets',
        header: t('table.meets'),
        cell: (row) =>
          row.meets === null ? (
            '—'
          ) : row.meets ? (
            <span className="verdict verdict-pass">✓ {t('verdict.met')}</span>
          ) : (
            <span className="verdict verdict-fail">✗ {t('verdict.notMet')}</span>
          ),
      },
      {
        id: 'relative',
        header: t('table.relativeToMean'),
        numeric: true,
        cell: (row) => formatPercent(row.relativeToMean, 0),
      },
    ],
    [t, lang, indicator],
  );
  const shown = compact
    ? columns.filter((column) => column.id !== 'locale' && column.id !== 'students' && column.id !== 'relative')
    : columns;
  return (
    <DataTable
      caption={caption}
      columns={shown}
      rows={rows}
      rowKey={(row) => row.code}
      rowClassName={(row) => (row.code === highlight ? 'row-highlight' : undefined)}
      maxHeight={maxHeight}
      className="ranking-table"
    />
  );
});
