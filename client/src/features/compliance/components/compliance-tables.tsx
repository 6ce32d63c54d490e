import { LOCALE_LABELS, type QualitySchoolResult } from '@junheng/shared';
import { useMemo } from 'react';
import { type Column, DataTable, type TableSort } from '../../../components/data-table.tsx';
import { SchoolLink } from '../../../county-view/components/school-link.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatIndicator, formatInteger, formatPercent } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';
import {
  CELL_STATE_LABELS,
  cellState,
  formatMetCount,
  type HeatmapIndicator,
} from '../charts/build-compliance-heatmap-option.ts';

type School = QualitySchoolResult;

/** The heatmap as a table: each cell's state in words (the accessible twin of the chart). */
export function ComplianceStateTable({
  schools,
  indicators,
  caption,
}: {
  schools: readonly School[];
  indicators: readonly HeatmapIndicator[];
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<School>[]>(
    () => [
      { id: 'name', header: t('table.school'), cell: (row) => <SchoolLink code={row.code} name={row.name} /> },
      ...indicators.map<Column<School>>((indicator) => ({
        id: indicator.key,
        header: indicatorShortName(indicator.key, lang),
        title: indicatorName(indicator.key, lang),
        cell: (row) => {
          const value = row.values[indicator.key] ?? null;
          const state = cellState(value, row.met[indicator.key], indicator.threshold);
          return (
            <span className={`cell-state state-${state}`}>
              {formatIndicator(indicator.key, value)} <span className="small">{t(CELL_STATE_LABELS[state])}</span>
            </span>
          );
        },
      })),
      { id: 'metCount', header: t('table.metCount'), cell: (row) => formatMetCount(row, lang) },
    ],
    [t, lang, indicators],
  );
  return <DataTable caption={caption} columns={columns} rows={schools} rowKey={(row) => row.code} maxHeight={640} />;
}

/** Per-school values, met count and verdict; every column sorts, and the sort lives in the URL. */
export function ComplianceTable({
  schools,
  indicators,
  sort,
  highlight,
  caption,
}: {
  schools: readonly School[];
  indicators: readonly HeatmapIndicator[];
  sort: TableSort;
  highlight: string | null;
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<School>[]>(
    () => [
      {
        id: 'name',
        header: t('table.school'),
        sortable: true,
        cell: (row) => <SchoolLink code={row.code} name={row.name} />,
        pin: 'start',
      },
      { id: 'township', header: t('table.township'), sortable: true, cell: (row) => row.townshipName },
      {
        id: 'locale',
        header: t('table.locale'),
        sortable: true,
        cell: (row) => pickLabel(LOCALE_LABELS[row.locale], lang),
      },
      {
        id: 'students',
        header: t('table.students'),
        numeric: true,
        sortable: true,
        cell: (row) => formatInteger(row.students),
      },
      ...indicators.map<Column<School>>((indicator) => ({
        id: indicator.key,
        header: indicatorShortName(indicator.key, lang),
        title: t('common.withNote', {
          text: indicatorName(indicator.key, lang),
          note: `≥ ${formatIndicator(indicator.key, indicator.threshold, { unit: true, lang })}`,
        }),
        numeric: true,
        sortable: true,
        cell: (row) => {
          const value = row.values[indicator.key] ?? null;
          const state = cellState(value, row.met[indicator.key], indicator.threshold);
          return (
            <span className={`cell-state state-${state}`} title={t(CELL_STATE_LABELS[state])}>
              {formatIndicator(indicator.key, value)}
            </span>
          );
        },
      })),
      {
        id: 'metCount',
        header: t('table.metCount'),
        numeric: true,
        sortable: true,
        cell: (row) => `${row.metCount}/${indicators.length}`,
      },
      {
        id: 'passes',
        header: t('table.verdict'),
        sortable: true,
        pin: 'end',
        cell: (row) =>
          row.passes ? (
            <span className="verdict verdict-pass">✓ {t('verdict.pass')}</span>
          ) : (
            <span className="verdict verdict-fail">
              ✗ {t('verdict.fail')}
              {row.missedRatio !== null ? (
                <span className="verdict-note">
                  {t('compliance.missedRatio', { ratio: formatPercent(row.missedRatio) })}
                </span>
              ) : null}
            </span>
          ),
      },
    ],
    [t, lang, indicators],
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={schools}
      rowKey={(row) => row.code}
      sort={sort}
      rowClassName={(row) => (row.code === highlight ? 'row-highlight' : undefined)}
      maxHeight={640}
      className="compliance-table"
    />
  );
}
