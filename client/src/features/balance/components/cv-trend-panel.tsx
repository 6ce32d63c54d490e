import { type IndicatorKey, QUALITY_INDICATOR_KEYS, STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { VerdictText } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { IndicatorSelect } from '../../../components/indicator-select.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatCv, formatCvAgainst, formatIndicator, formatInteger } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { toTrendsQuery, trendsQueryInput, trendsQueryOptions } from '../../../reports/trends.ts';
import { SchoolEventList } from '../../../school-events/school-event-list.tsx';
import { schoolEventsByYear } from '../../../school-events/school-event-text.ts';
import { buildCvTrendOption, type TrendPoint } from '../charts/build-cv-trend-option.ts';

interface CvTrendPanelProps {
  county: CountyQuery;
  /** null until the default is known (it depends on this year's CVs): the panel waits instead of fetching twice. */
  indicator: IndicatorKey | null;
  onIndicatorChange: (key: IndicatorKey) => void;
  height?: number;
}

/** One indicator's CV and weighted mean across every year with data, under the current filters (own error boundary). */
export function CvTrendPanel(props: CvTrendPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const title = t('balance.trendTitle', {
    indicator: indicatorName(props.indicator ?? QUALITY_INDICATOR_KEYS[0], lang),
  });
  return (
    <PanelErrorBoundary title={title}>
      <CvTrendPanelContent {...props} />
    </PanelErrorBoundary>
  );
}

function CvTrendPanelContent({ county, indicator, onIndicatorChange, height = 380 }: CvTrendPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const trendsQuery = useMemo(() => toTrendsQuery(county, indicator ?? QUALITY_INDICATOR_KEYS[0]), [county, indicator]);
  const query = useReportQuery({ ...trendsQueryOptions(trendsQuery), enabled: indicator !== null });
  const report = query.data;
  const option = useMemo(
    () =>
      report
        ? buildCvTrendOption(report.rows, {
            lang,
            indicator: report.indicator,
            cvLimit: report.cvLimit,
            threshold: report.threshold,
            selectedYear: county.year,
            schoolEventYears: schoolEventsByYear(report.schoolEvents ?? []),
          })
        : null,
    [report, lang, county.year],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        { route: 'getTrends', params: { code: county.code }, query: trendsQueryInput(trendsQuery) },
        lang,
      ),
    [county.code, trendsQuery, lang],
  );
  const title = t('balance.trendTitle', { indicator: indicatorName(trendsQuery.indicator, lang) });

  return (
    <ChartPanel
      title={title}
      subtitle={
        <IndicatorSelect
          value={trendsQuery.indicator}
          onChange={onIndicatorChange}
          label={t('balance.trendIndicator')}
        />
      }
      query={query}
      isEmpty={report ? report.rows.every((row) => row.schoolsCounted === 0) : false}
      exports={exports}
      fileName={exportFileName([
        report?.district.name,
        report ? `${report.from}-${report.to}` : null,
        pickLabel(STAGE_LABELS[county.stage], lang),
        title,
      ])}
      footer={
        report?.schoolEvents && report.schoolEvents.length > 0 ? (
          <SchoolEventList
            events={report.schoolEvents}
            title={t('schoolEvents.listLabel')}
            note={t('schoolEvents.cvNote')}
          />
        ) : undefined
      }
      skeletonHeight={height}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} /> : null)}
      table={() => (report ? <TrendTable rows={report.rows} indicator={report.indicator} caption={title} /> : null)}
    />
  );
}

function TrendTable({
  rows,
  indicator,
  caption,
}: {
  rows: readonly TrendPoint[];
  indicator: IndicatorKey;
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<TrendPoint>[]>(
    () => [
      { id: 'year', header: t('table.year'), cell: (row) => row.year },
      { id: 'n', header: t('table.schools'), numeric: true, cell: (row) => formatInteger(row.n) },
      {
        id: 'mean',
        header: t('table.weightedMean'),
        numeric: true,
        cell: (row) => formatIndicator(indicator, row.mean, { unit: true, lang }),
      },
      { id: 'cv', header: t('table.cv'), numeric: true, cell: (row) => formatCvAgainst(row.cv, row.cvLimit) },
      {
        id: 'limit',
        header: t('table.cvLimit'),
        numeric: true,
        cell: (row) => (row.cvLimit === null ? '—' : `≤ ${formatCv(row.cvLimit, 2)}`),
      },
      {
        id: 'passes',
        header: t('table.cvVerdict'),
        cell: (row) => <VerdictText passes={row.cvPasses} reason={row.cvNullReason} />,
      },
      {
        id: 'meeting',
        header: t('table.schoolsMeeting'),
        numeric: true,
        cell: (row) =>
          row.schoolsMeeting === null ? '—' : `${formatInteger(row.schoolsMeeting)} / ${formatInteger(row.n)}`,
      },
    ],
    [t, lang, indicator],
  );
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => String(row.year)} />;
}
