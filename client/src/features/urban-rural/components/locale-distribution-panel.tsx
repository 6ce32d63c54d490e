import { type BalanceResponse, LOCALES, type Locale, type QualityIndicatorKey, STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import type { ECElementEvent } from '../../../components/echart-option.ts';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { useOpenSchool } from '../../../county-view/hooks/use-open-school.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatIndicator, formatInteger } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { localeFromClick, localeLabel } from '../../../lib/locale-chart.ts';
import {
  buildLocaleDistributionOption,
  computeBoxStats,
  type DistributionSchool,
  distributionCategories,
} from '../charts/build-locale-distribution-option.ts';

const HEIGHT = 360;

/** The counted schools of a balance report, reduced to one indicator. */
export function distributionSchools(
  report: Pick<BalanceResponse, 'schools'> | undefined,
  indicator: QualityIndicatorKey,
): DistributionSchool[] {
  return (report?.schools ?? []).map((school) => ({
    code: school.code,
    name: school.name,
    townshipName: school.townshipName,
    locale: school.locale,
    students: school.students,
    value: school.values[indicator] ?? null,
    met: school.met[indicator] ?? null,
  }));
}

/**
 * One indicator's values per locale class: boxes and every school as a point. Follows the locale filter (the schools
 * of the selected classes); the threshold and the county mean are those of all classes.
 */
export function LocaleDistributionPanel({
  county,
  query,
  report,
  countyBalance,
  indicator,
  highlight,
  onSelectLocale,
}: {
  /** The full county query, locale filter included (the schools shown). */
  county: CountyQuery;
  query: PanelQueryState;
  report: BalanceResponse | undefined;
  /** The balance report of every class (the county mean line). */
  countyBalance: BalanceResponse | undefined;
  indicator: QualityIndicatorKey;
  highlight: string | null;
  /** A click on a class name under the boxes filters to that class. */
  onSelectLocale: (locale: Locale) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const openSchool = useOpenSchool();
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);
  const title = t('urbanRural.distributionTitle', { indicator: indicatorName(indicator, lang) });
  const schools = useMemo(() => distributionSchools(report, indicator), [report, indicator]);
  const reference = countyBalance?.indicators.find((item) => item.key === indicator);
  const threshold = reference?.threshold ?? null;
  const mean = reference?.mean ?? null;
  const option = useMemo(
    () =>
      report
        ? buildLocaleDistributionOption(schools, { lang, indicator, threshold, mean, highlightCode: highlight })
        : null,
    [report, schools, lang, indicator, threshold, mean, highlight],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        if (event.componentType === 'series' && event.seriesType === 'scatter' && event.name) {
          void openSchool(event.name);
          return;
        }
        const locale =
          event.componentType === 'xAxis' ? localeFromClick(event, distributionCategories(schools), lang) : null;
        if (locale) onSelectLocale(locale);
      },
    }),
    [openSchool, schools, lang, onSelectLocale],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getBalance',
          params: { code: county.code },
          query: { ...countyQueryInput(county), table: 'schools' },
        },
        lang,
      ),
    [county, lang],
  );

  return (
    <ChartPanel
      title={title}
      subtitle={t('urbanRural.distributionSubtitle')}
      query={query}
      isEmpty={report ? distributionCategories(schools).length === 0 : false}
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={HEIGHT}
      chart={(ref) =>
        option ? <LazyEChart option={option} ariaLabel={title} height={HEIGHT} ref={ref} onEvents={onEvents} /> : null
      }
      table={() => <DistributionTables schools={schools} indicator={indicator} caption={title} />}
    />
  );
}

interface BoxRow {
  locale: DistributionSchool['locale'];
  stats: NonNullable<ReturnType<typeof computeBoxStats>>;
  below: number;
}

function DistributionTables({
  schools,
  indicator,
  caption,
}: {
  schools: readonly DistributionSchool[];
  indicator: QualityIndicatorKey;
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const unit = { unit: true, lang } as const;
  const boxes: BoxRow[] = distributionCategories(schools).flatMap((locale) => {
    const inClass = schools.filter((school) => school.locale === locale);
    const stats = computeBoxStats(inClass.map((school) => school.value));
    return stats ? [{ locale, stats, below: inClass.filter((school) => school.met === false).length }] : [];
  });
  const boxColumns: Column<BoxRow>[] = [
    { id: 'locale', header: t('table.locale'), cell: (row) => localeLabel(row.locale, lang) },
    { id: 'n', header: t('table.schools'), numeric: true, cell: (row) => formatInteger(row.stats.n) },
    {
      id: 'min',
      header: t('urbanRural.table.min'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.stats.min, unit),
    },
    {
      id: 'q1',
      header: t('urbanRural.table.q1'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.stats.q1, unit),
    },
    {
      id: 'median',
      header: t('urbanRural.table.median'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.stats.median, unit),
    },
    {
      id: 'q3',
      header: t('urbanRural.table.q3'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.stats.q3, unit),
    },
    {
      id: 'max',
      header: t('urbanRural.table.max'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.stats.max, unit),
    },
    { id: 'below', header: t('urbanRural.table.below'), numeric: true, cell: (row) => formatInteger(row.below) },
  ];
  const sorted = [...schools]
    .filter((school) => school.value !== null)
    .sort((a, b) => LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale) || (a.value ?? 0) - (b.value ?? 0));
  const schoolColumns: Column<DistributionSchool>[] = [
    { id: 'name', header: t('table.school'), cell: (row) => row.name },
    { id: 'township', header: t('table.township'), cell: (row) => row.townshipName },
    { id: 'locale', header: t('table.locale'), cell: (row) => localeLabel(row.locale, lang) },
    { id: 'students', header: t('table.students'), numeric: true, cell: (row) => formatInteger(row.students) },
    {
      id: 'value',
      header: t('table.value'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.value, unit),
    },
    {
      id: 'met',
      header: t('table.meets'),
      cell: (row) => (row.met === null ? '—' : row.met ? `✓ ${t('verdict.met')}` : `✗ ${t('verdict.notMet')}`),
    },
  ];
  return (
    <>
      <DataTable caption={caption} columns={boxColumns} rows={boxes} rowKey={(row) => row.locale} />
      <DataTable
        caption={t('urbanRural.schoolsCaption')}
        showCaption
        columns={schoolColumns}
        rows={sorted}
        rowKey={(row) => row.code}
        maxHeight={320}
      />
    </>
  );
}
