import { STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { IndicatorLabel } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatInteger, formatNumber } from '../../../lib/format.ts';
import { equityQueryOptions } from '../api/insight.ts';
import { buildEquityOption, type EquityRow } from '../charts/build-equity-option.ts';

/** Gini, Theil T and McLoone of the seven indicators, as the API computes them (own error boundary). */
export function EquityPanel({ county, height = 380 }: { county: CountyQuery; height?: number }) {
  const t = useT();
  return (
    <PanelErrorBoundary title={t('insight.equity.title')}>
      <EquityPanelContent county={county} height={height} />
    </PanelErrorBoundary>
  );
}

function EquityPanelContent({ county, height }: { county: CountyQuery; height: number }) {
  const t = useT();
  const [lang] = useLang();
  const query = useReportQuery(equityQueryOptions(county));
  const report = query.data;
  const option = useMemo(() => (report ? buildEquityOption(report.indicators, { lang }) : null), [report, lang]);
  const exports = useMemo(
    () =>
      buildExportLinks({ route: 'getEquity', params: { code: county.code }, query: countyQueryInput(county) }, lang),
    [county, lang],
  );
  const title = t('insight.equity.title');
  return (
    <ChartPanel
      title={title}
      subtitle={t('insight.equity.subtitle')}
      query={query}
      isEmpty={report?.schoolsCounted === 0}
      exports={exports}
      fileName={exportFileName([
        report?.district.name,
        county.year,
        pickLabel(STAGE_LABELS[county.stage], lang),
        title,
      ])}
      skeletonHeight={height}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} /> : null)}
      table={() => (report ? <EquityTable rows={report.indicators} caption={title} /> : null)}
    />
  );
}

function EquityTable({ rows, caption }: { rows: readonly EquityRow[]; caption: string }) {
  const t = useT();
  const columns = useMemo<Column<EquityRow>[]>(
    () => [
      { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.key} /> },
      { id: 'n', header: t('table.schools'), numeric: true, cell: (row) => formatInteger(row.n) },
      { id: 'gini', header: t('insight.equity.gini'), numeric: true, cell: (row) => formatNumber(row.gini, 3) },
      {
        id: 'theil',
        header: t('insight.equity.theil'),
        numeric: true,
        cell: (row) => formatNumber(row.theil.value, 4),
      },
      {
        id: 'theilBetween',
        header: t('insight.equity.theilBetween'),
        numeric: true,
        cell: (row) => formatNumber(row.theil.between, 4),
      },
      {
        id: 'theilWithin',
        header: t('insight.equity.theilWithin'),
        numeric: true,
        cell: (row) => formatNumber(row.theil.within, 4),
      },
      {
        id: 'mcloone',
        header: t('insight.equity.mcloone'),
        numeric: true,
        cell: (row) => formatNumber(row.mcloone, 3),
      },
      {
        id: 'rangeRatio',
        header: t('insight.equity.rangeRatio'),
        numeric: true,
        cell: (row) => formatNumber(row.rangeRatio, 3),
      },
    ],
    [t],
  );
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />;
}
