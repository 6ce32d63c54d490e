import {
  type DecompositionRow,
  QUALITY_CV_LIMIT,
  type QualityIndicatorKey,
  STAGE_LABELS,
  type UrbanRuralResponse,
} from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatCv, formatNumber, formatPercent } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { buildLocaleDecompositionOption } from '../charts/build-locale-decomposition-option.ts';

const HEIGHT = 360;

/** Per indicator, the share of CV² between the locale classes (the urban–rural gap) and inside them. */
export function LocaleDecompositionPanel({
  county,
  query,
  report,
  indicator,
}: {
  county: CountyQuery;
  query: PanelQueryState;
  report: UrbanRuralResponse | undefined;
  indicator: QualityIndicatorKey | null;
}) {
  const t = useT();
  const [lang] = useLang();
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);
  const title = t('urbanRural.decompositionTitle');
  const cvLimit = QUALITY_CV_LIMIT[county.stage];
  const option = useMemo(
    () =>
      report
        ? buildLocaleDecompositionOption(report.decomposition, { lang, cvLimit, selectedIndicator: indicator })
        : null,
    [report, lang, cvLimit, indicator],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getUrbanRural',
          params: { code: county.code },
          query: { ...countyQueryInput(county), table: 'decomposition' },
        },
        lang,
      ),
    [county, lang],
  );
  return (
    <ChartPanel
      title={title}
      subtitle={t('urbanRural.decompositionSubtitle', { limit: formatCv(cvLimit, 2) })}
      query={query}
      isEmpty={report ? report.schoolsCounted === 0 : false}
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={HEIGHT}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={HEIGHT} ref={ref} /> : null)}
      table={() => (report ? <DecompositionTable rows={report.decomposition} caption={title} /> : null)}
    />
  );
}

function DecompositionTable({ rows, caption }: { rows: readonly DecompositionRow[]; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const columns: Column<DecompositionRow>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => indicatorName(row.key, lang) },
    { id: 'cv', header: t('table.cv'), numeric: true, cell: (row) => formatCv(row.cv) },
    {
      id: 'cv2',
      header: 'CV²',
      numeric: true,
      cell: (row) => formatNumber(row.cv === null ? null : row.cv * row.cv, 5),
    },
    { id: 'within', header: t('urbanRural.table.within'), numeric: true, cell: (row) => formatNumber(row.within, 5) },
    {
      id: 'between',
      header: t('urbanRural.table.between'),
      numeric: true,
      cell: (row) => formatNumber(row.between, 5),
    },
    {
      id: 'betweenShare',
      header: t('urbanRural.table.betweenShare'),
      numeric: true,
      cell: (row) => formatPercent(row.betweenShare),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />;
}
