import { type LocaleRatio, type QualityIndicatorKey, STAGE_LABELS, type UrbanRuralResponse } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatIndicator } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { formatRatio, localeLabel } from '../../../lib/locale-chart.ts';
import { buildLocaleRatioOption } from '../charts/build-locale-ratio-option.ts';

const HEIGHT = 360;

/** 城区 ÷ 乡村 and 镇区 ÷ 乡村 weighted means per indicator, against parity. */
export function LocaleRatioPanel({
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
  const title = t('urbanRural.ratioTitle');
  const option = useMemo(
    () => (report ? buildLocaleRatioOption(report.ratios, { lang, selectedIndicator: indicator }) : null),
    [report, lang, indicator],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getUrbanRural',
          params: { code: county.code },
          query: { ...countyQueryInput(county), table: 'ratios' },
        },
        lang,
      ),
    [county, lang],
  );
  return (
    <ChartPanel
      title={title}
      subtitle={t('urbanRural.ratioSubtitle')}
      query={query}
      isEmpty={report ? report.ratios.every((row) => row.urbanToRural === null && row.townToRural === null) : false}
      emptyMessage={t('urbanRural.ratioEmpty')}
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={HEIGHT}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={HEIGHT} ref={ref} /> : null)}
      table={() => (report ? <LocaleRatioTable rows={report.ratios} caption={title} /> : null)}
    />
  );
}

function LocaleRatioTable({ rows, caption }: { rows: readonly LocaleRatio[]; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const unit = { unit: true, lang } as const;
  const columns: Column<LocaleRatio>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => indicatorName(row.key, lang) },
    {
      id: 'urban',
      header: localeLabel('urban', lang),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.urbanMean, unit),
    },
    {
      id: 'town',
      header: localeLabel('town', lang),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.townMean, unit),
    },
    {
      id: 'rural',
      header: localeLabel('rural', lang),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.ruralMean, unit),
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
      cell: (row) => formatRatio(row.townToRural),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />;
}
