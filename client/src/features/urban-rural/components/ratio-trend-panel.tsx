import { type IndicatorKey, type QualityIndicatorKey, STAGE_LABELS, type TrendRow } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatIndicator } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { formatRatio, localeLabel } from '../../../lib/locale-chart.ts';
import { toTrendsQuery, trendsQueryInput, trendsQueryOptions } from '../../../reports/trends.ts';
import { buildRatioTrendOption, townToRural } from '../charts/build-ratio-trend-option.ts';

const HEIGHT = 320;
const PLACEHOLDER_INDICATOR: QualityIndicatorKey = 'higher_degree_teachers_per100';

/** The urban/rural ratio of one indicator's weighted means across every year with data (all locale classes). */
export function RatioTrendPanel({
  county,
  indicator,
}: {
  /** The county query without the locale filter. */
  county: CountyQuery;
  /** null until the view's default indicator is known: the panel waits instead of fetching twice. */
  indicator: QualityIndicatorKey | null;
}) {
  const t = useT();
  const [lang] = useLang();
  const trendsQuery = useMemo(() => toTrendsQuery(county, indicator ?? PLACEHOLDER_INDICATOR), [county, indicator]);
  const query = useReportQuery({ ...trendsQueryOptions(trendsQuery), enabled: indicator !== null });
  const report = query.data;
  const option = useMemo(
    () =>
      report
        ? buildRatioTrendOption(report.rows, { lang, indicator: report.indicator, selectedYear: county.year })
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
  const title = t('urbanRural.trendTitle', { indicator: indicatorName(trendsQuery.indicator, lang) });
  return (
    <ChartPanel
      title={title}
      subtitle={t('urbanRural.trendSubtitle')}
      query={query}
      isEmpty={report ? report.rows.every((row) => row.urbanToRural === null && townToRural(row) === null) : false}
      emptyMessage={t('urbanRural.ratioEmpty')}
      exports={exports}
      fileName={exportFileName([
        report?.district.name,
        report ? `${report.from}-${report.to}` : null,
        pickLabel(STAGE_LABELS[county.stage], lang),
        title,
      ])}
      skeletonHeight={HEIGHT}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={HEIGHT} ref={ref} /> : null)}
      table={() =>
        report ? <RatioTrendTable rows={report.rows} indicator={report.indicator} caption={title} /> : null
      }
    />
  );
}

function RatioTrendTable({
  rows,
  indicator,
  caption,
}: {
  rows: readonly TrendRow[];
  indicator: IndicatorKey;
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const unit = { unit: true, lang } as const;
  const columns: Column<TrendRow>[] = [
    { id: 'year', header: t('table.year'), cell: (row) => row.year },
    {
      id: 'urban',
      header: localeLabel('urban', lang),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.means.urban, unit),
    },
    {
      id: 'town',
      header: localeLabel('town', lang),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.means.town, unit),
    },
    {
      id: 'rural',
      header: localeLabel('rural', lang),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.means.rural, unit),
    },
    {
      id: 'urbanToRural',
      header: t('chart.ur.urbanToRural'),
      numeric: true,
      cell: (row) => formatRatio(row.urbanToRural),
    },
    {
      id: 'townToRural',
      header: t('chart.ur.townToRural'),
      numeric: true,
      cell: (row) => formatRatio(townToRural(row)),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => String(row.year)} />;
}
