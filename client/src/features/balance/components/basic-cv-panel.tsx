import { STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatCv, formatIndicator, formatInteger } from '../../../lib/format.ts';
import { type CountyQuery, countyQueryInput } from '../../filters/county-query.ts';
import { useReportQuery } from '../../filters/hooks/use-report-query.ts';
import { basicBalanceQueryOptions } from '../api/balance.ts';
import { type BasicCvData, type BasicCvIndicator, buildBasicCvOption } from '../charts/build-basic-cv-option.ts';
import { IndicatorLabel, VerdictText } from './cv-bar-panel.tsx';

interface BasicCvPanelProps {
  county: CountyQuery;
  title: string;
  height?: number;
}

/** 基本均衡 (2012): eight CVs and the composite against its limit, as a chart or a table, with downloads. */
export function BasicCvPanel(props: BasicCvPanelProps) {
  return (
    <PanelErrorBoundary title={props.title}>
      <BasicCvPanelContent {...props} />
    </PanelErrorBoundary>
  );
}

function BasicCvPanelContent({ county, title, height = 300 }: BasicCvPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const query = useReportQuery(basicBalanceQueryOptions(county));
  const report = query.data;
  const option = useMemo(() => (report ? buildBasicCvOption(report, { lang }) : null), [report, lang]);
  const exports = useMemo(
    () =>
      buildExportLinks(
        { route: 'getBasicBalance', params: { code: county.code }, query: countyQueryInput(county) },
        lang,
      ),
    [county, lang],
  );
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);

  return (
    <ChartPanel
      title={title}
      subtitle={report ? t('balance.basicSubtitle', { limit: formatCv(report.compositeLimit, 2) }) : undefined}
      query={query}
      isEmpty={report?.schoolsCounted === 0}
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={height}
      footer={report ? <CompositeLine data={report} /> : null}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} /> : null)}
      table={() => (report ? <BasicCvTable data={report} caption={title} /> : null)}
    />
  );
}

export function CompositeLine({ data }: { data: BasicCvData }) {
  const t = useT();
  return (
    <p className="composite-line">
      {t('common.labelValue', { label: t('balance.composite'), value: '' })}
      <strong>{formatCv(data.compositeCv)}</strong>{' '}
      <span className="muted">{t('balance.compositeLimitNote', { limit: formatCv(data.compositeLimit, 2) })}</span>{' '}
      <VerdictText passes={data.compositePasses} />
    </p>
  );
}

function BasicCvTable({ data, caption }: { data: BasicCvData; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<BasicCvIndicator>[]>(
    () => [
      { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.key} /> },
      {
        id: 'mean',
        header: t('table.weightedMean'),
        numeric: true,
        cell: (row) => formatIndicator(row.key, row.mean, { unit: true, lang }),
      },
      { id: 'sd', header: t('table.sd'), numeric: true, cell: (row) => formatIndicator(row.key, row.sd) },
      { id: 'cv', header: t('table.cv'), numeric: true, cell: (row) => formatCv(row.cv) },
      { id: 'n', header: t('table.schools'), numeric: true, cell: (row) => formatInteger(row.n) },
    ],
    [t, lang],
  );
  return <DataTable caption={caption} columns={columns} rows={data.indicators} rowKey={(row) => row.key} />;
}
