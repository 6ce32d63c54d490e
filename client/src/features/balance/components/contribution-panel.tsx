import { type IndicatorKey, STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatCv, formatIndicator, formatInteger, formatNumber, formatPercent } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { decompositionQueryInput, decompositionQueryOptions } from '../api/insight.ts';
import {
  buildContributionOption,
  CONTRIBUTION_TOP,
  type ContributionRow,
  schoolsForHalf,
} from '../charts/build-contribution-option.ts';

interface ContributionPanelProps {
  county: CountyQuery;
  /** The indicator of the trend above (null until its default is known). */
  indicator: IndicatorKey | null;
  height?: number;
}

/** "Which schools pull this CV up": each school's share of CV² for one indicator (own error boundary). */
export function ContributionPanel(props: ContributionPanelProps) {
  const t = useT();
  return (
    <PanelErrorBoundary title={t('insight.contribution.titleShort')}>
      <ContributionPanelContent {...props} />
    </PanelErrorBoundary>
  );
}

function ContributionPanelContent({ county, indicator, height = 360 }: ContributionPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const key = indicator ?? 'higher_degree_teachers_per100';
  const query = useReportQuery({ ...decompositionQueryOptions(county, key), enabled: indicator !== null });
  const report = query.data;
  const option = useMemo(
    () => (report ? buildContributionOption(report.contributions, { lang, indicator: report.key }) : null),
    [report, lang],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getDecomposition',
          params: { code: county.code },
          query: { ...decompositionQueryInput(county, key), table: 'contributions' },
        },
        lang,
      ),
    [county, key, lang],
  );
  const title = t('insight.contribution.title', { indicator: indicatorName(key, lang) });
  const half = report ? schoolsForHalf(report.contributions) : null;
  const chartHeight = Math.max(200, Math.min(CONTRIBUTION_TOP, report?.contributions.length ?? 0) * 30 + 60);

  return (
    <ChartPanel
      title={title}
      subtitle={
        report
          ? [
              t('insight.contribution.subtitle', {
                cv: formatCv(report.cv),
                cv2: formatNumber(report.cvSquared, 4),
                top: Math.min(CONTRIBUTION_TOP, report.contributions.length),
              }),
              half === null ? '' : t('insight.contribution.half', { schools: formatInteger(half) }),
            ]
              .filter(Boolean)
              .join(' ')
          : undefined
      }
      query={query}
      isEmpty={report ? report.contributions.length === 0 : false}
      exports={exports}
      fileName={exportFileName([
        report?.district.name,
        county.year,
        pickLabel(STAGE_LABELS[county.stage], lang),
        title,
      ])}
      skeletonHeight={height}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={chartHeight} ref={ref} /> : null)}
      table={() =>
        report ? <ContributionTable rows={report.contributions} indicator={report.key} caption={title} /> : null
      }
    />
  );
}

function ContributionTable({
  rows,
  indicator,
  caption,
}: {
  rows: readonly ContributionRow[];
  indicator: IndicatorKey;
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<ContributionRow>[]>(
    () => [
      { id: 'rank', header: t('table.rank'), numeric: true, cell: (row) => row.rank },
      { id: 'school', header: t('table.school'), cell: (row) => row.label },
      { id: 'students', header: t('table.students'), numeric: true, cell: (row) => formatInteger(row.students) },
      {
        id: 'value',
        header: t('table.value'),
        numeric: true,
        cell: (row) => formatIndicator(indicator, row.value, { unit: true, lang }),
      },
      {
        id: 'contribution',
        header: t('insight.contribution.cvSquared'),
        numeric: true,
        cell: (row) => formatNumber(row.contribution, 5),
      },
      { id: 'share', header: t('insight.contribution.share'), numeric: true, cell: (row) => formatPercent(row.share) },
      {
        id: 'cumulative',
        header: t('insight.contribution.cumulative'),
        numeric: true,
        cell: (row) => formatPercent(row.cumulativeShare),
      },
    ],
    [t, lang, indicator],
  );
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} maxHeight={420} />;
}
