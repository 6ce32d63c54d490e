import type { DistanceToPassResponse, ShortfallRow } from '@junheng/shared';
import { LOCALE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type ChartPanelProps } from '../../../components/chart-panel.tsx';
import { IndicatorLabel } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { SchoolLink } from '../../../county-view/components/school-link.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import type { SortOrder } from '../../../county-view/view-params.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, type ExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatIndicator, formatInteger, formatNumber, formatPercent } from '../../../lib/format.ts';
import { buildShortfallOption, type ShortfallSummary, summarizeShortfalls } from '../charts/build-shortfall-option.ts';
import { formatResourceAmount } from '../resource-units.ts';
import { type ShortfallSortColumn, shortfallRatio, sortShortfallRows } from '../shortfall-sort.ts';

export function distanceExports(county: CountyQuery, table: 'shortfalls' | 'plans', lang: 'zh' | 'en'): ExportLinks {
  return buildExportLinks(
    { route: 'getDistanceToPass', params: { code: county.code }, query: { ...countyQueryInput(county), table } },
    lang,
  );
}

/** How many schools fall short of each threshold, and what they need together. */
export function ShortfallChartPanel({
  county,
  query,
  report,
  stageLabel,
}: {
  county: CountyQuery;
  query: ChartPanelProps['query'];
  report: DistanceToPassResponse | undefined;
  stageLabel: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const summaries = useMemo(() => (report ? summarizeShortfalls(report.rows) : []), [report]);
  const option = useMemo(() => (report ? buildShortfallOption(summaries, { lang }) : null), [report, summaries, lang]);
  const title = t('improve.shortfallChart.title', { stage: stageLabel });
  return (
    <ChartPanel
      title={title}
      subtitle={t('improve.shortfallChart.subtitle')}
      query={query}
      isEmpty={report?.schoolsCounted === 0}
      exports={null}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={300}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={300} ref={ref} /> : null)}
      table={() => <ShortfallSummaryTable summaries={summaries} caption={title} />}
    />
  );
}

function ShortfallSummaryTable({ summaries, caption }: { summaries: readonly ShortfallSummary[]; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const columns: Column<ShortfallSummary>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.key} /> },
    {
      id: 'schools',
      header: t('improve.table.schoolsShort'),
      numeric: true,
      cell: (row) => formatInteger(row.schools),
    },
    {
      id: 'total',
      header: t('improve.table.totalShortfall'),
      numeric: true,
      cell: (row) => (row.unit ? formatResourceAmount(row.total, row.unit, lang) : '—'),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={summaries} rowKey={(row) => row.key} />;
}

/** Every school × indicator below its threshold, sortable (the sort lives in the URL), with its downloads. */
export function ShortfallTableCard({
  county,
  report,
  placeholder,
  sort,
  onSort,
}: {
  county: CountyQuery;
  report: DistanceToPassResponse | undefined;
  placeholder: boolean;
  sort: { column: ShortfallSortColumn; order: SortOrder };
  onSort: (column: string) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const rows = useMemo(
    () => (report ? sortShortfallRows(report.rows, sort.column, sort.order) : []),
    [report, sort.column, sort.order],
  );
  const exports = useMemo(() => distanceExports(county, 'shortfalls', lang), [county, lang]);
  const columns = useMemo<Column<ShortfallRow>[]>(
    () => [
      {
        id: 'name',
        header: t('table.school'),
        sortable: true,
        cell: (row) => <SchoolLink code={row.code} name={row.name} />,
        pin: 'start',
      },
      { id: 'township', header: t('table.township'), sortable: true, cell: (row) => row.townshipName },
      { id: 'locale', header: t('table.locale'), cell: (row) => pickLabel(LOCALE_LABELS[row.locale], lang) },
      {
        id: 'students',
        header: t('table.students'),
        numeric: true,
        sortable: true,
        cell: (row) => formatInteger(row.students),
      },
      {
        id: 'key',
        header: t('table.indicator'),
        sortable: true,
        cell: (row) => <IndicatorLabel indicator={row.key} />,
      },
      {
        id: 'value',
        header: t('improve.table.value'),
        numeric: true,
        sortable: true,
        cell: (row) => (
          <span className="cell-state state-under" title={formatPercent(shortfallRatio(row))}>
            {formatIndicator(row.key, row.value)}
          </span>
        ),
      },
      {
        id: 'threshold',
        header: t('table.threshold'),
        numeric: true,
        cell: (row) => formatIndicator(row.key, row.threshold),
      },
      {
        id: 'shortfall',
        header: t('improve.table.shortfall'),
        numeric: true,
        sortable: true,
        cell: (row) => formatResourceAmount(row.shortfall, row.resourceUnit, lang),
      },
      {
        id: 'stagePartShortfall',
        header: t('improve.table.stagePartShortfall'),
        numeric: true,
        cell: (row) => formatResourceAmount(row.stagePartShortfall, row.resourceUnit, lang),
      },
      {
        id: 'assetShare',
        header: t('improve.table.assetShare'),
        numeric: true,
        cell: (row) => formatNumber(row.assetShare, 4),
      },
    ],
    [t, lang],
  );
  const caption = t('improve.shortfallTable.title');
  return (
    <section className="card" aria-labelledby="shortfall-table-title">
      <header className="chart-panel-header">
        <div className="chart-panel-heading">
          <h2 id="shortfall-table-title" className="card-title">
            {caption}
          </h2>
          <p className="chart-panel-subtitle muted small">
            {report
              ? t('improve.shortfallTable.subtitle', {
                  rows: formatInteger(report.rows.length),
                  schools: formatInteger(report.unitsShort),
                })
              : t('common.loading')}
          </p>
        </div>
        <ul className="improve-downloads" aria-label={t('panel.downloadOf', { title: caption })}>
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
      </header>
      <div className={placeholder ? 'updating' : undefined}>
        {report && rows.length === 0 ? (
          <p className="muted">{t('improve.shortfallTable.none')}</p>
        ) : (
          <DataTable
            caption={caption}
            columns={columns}
            rows={rows}
            rowKey={(row) => `${row.code}:${row.stage}:${row.key}`}
            sort={{ column: sort.column, order: sort.order, onSort }}
            maxHeight={480}
          />
        )}
      </div>
    </section>
  );
}
