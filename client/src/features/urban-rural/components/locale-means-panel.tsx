import {
  type BalanceResponse,
  LOCALES,
  type Locale,
  QUALITY_INDICATOR_KEYS,
  STAGE_LABELS,
  type UrbanRuralResponse,
} from '@junheng/shared';
import { useEffect, useMemo, useState } from 'react';
import { usePrinting } from '../../../app/print-mode.ts';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import type { ECElementEvent } from '../../../components/echart-option.ts';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatIndicator } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { inParens, localeFromClick, localeLabel } from '../../../lib/locale-chart.ts';
import { buildLocaleMeansOption, classMean, type LocaleMeansReference } from '../charts/build-locale-means-option.ts';

/**
 * Small multiples per row and chart height by screen width: four per row on a wide screen; three at 1024–1279 px,
 * where four titles such as "Higher-degree teachers (teachers)" would run into each other; two on a phone.
 */
const LAYOUTS = [
  { query: '(max-width: 720px)', columns: 2, height: 800 },
  { query: '(max-width: 1279px)', columns: 3, height: 620 },
] as const;
const WIDE = { columns: 4, height: 460 } as const;
/**
 * On paper (A4, about 700 px wide) the phone layout. Chosen from print mode, which is switched synchronously before
 * the browser paginates: a height from the width media queries would arrive after the pages were counted, and the
 * panels it pushes down would fall off the last page.
 */
const PAPER = LAYOUTS[0];

function currentLayout(): { columns: number; height: number } {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return WIDE;
  return LAYOUTS.find((layout) => window.matchMedia(layout.query).matches) ?? WIDE;
}

function useMultiplesLayout(): { columns: number; height: number } {
  const printing = usePrinting();
  const [layout, setLayout] = useState(currentLayout);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const queries = LAYOUTS.map((item) => window.matchMedia(item.query));
    const update = () => setLayout(currentLayout());
    for (const query of queries) query.addEventListener('change', update);
    return () => {
      for (const query of queries) query.removeEventListener('change', update);
    };
  }, []);
  return printing ? PAPER : layout;
}

/** Threshold and county weighted mean of each of the seven indicators, from the balance report of all classes. */
export function meansReferences(balance: BalanceResponse | undefined): LocaleMeansReference[] {
  return QUALITY_INDICATOR_KEYS.flatMap((key) => {
    const indicator = balance?.indicators.find((item) => item.key === key);
    return indicator ? [{ key, threshold: indicator.threshold, mean: indicator.mean }] : [];
  });
}

/** 城区 / 镇区 / 乡村 weighted means of the seven indicators, as small multiples; a click filters to a class. */
export function LocaleMeansPanel({
  county,
  query,
  report,
  balance,
  selected,
  onSelectLocale,
}: {
  /** The county query without the locale filter (the comparison covers every class). */
  county: CountyQuery;
  query: PanelQueryState;
  report: UrbanRuralResponse | undefined;
  balance: BalanceResponse | undefined;
  selected: readonly Locale[];
  onSelectLocale: (locale: Locale) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);
  const title = t('urbanRural.meansTitle', { stage: stageLabel });
  const references = useMemo(() => meansReferences(balance), [balance]);
  const { columns, height } = useMultiplesLayout();
  const option = useMemo(
    () =>
      report && references.length
        ? buildLocaleMeansOption(report.groups, { lang, references, selected, height, columns })
        : null,
    [report, references, selected, lang, height, columns],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        const locale = localeFromClick(event, LOCALES, lang);
        if (locale) onSelectLocale(locale);
      },
    }),
    [lang, onSelectLocale],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getUrbanRural',
          params: { code: county.code },
          query: { ...countyQueryInput(county), table: 'groups' },
        },
        lang,
      ),
    [county, lang],
  );

  return (
    <ChartPanel
      title={title}
      subtitle={t('urbanRural.meansSubtitle')}
      query={query}
      isEmpty={report ? report.schoolsCounted === 0 : false}
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={height}
      chart={(ref) =>
        option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} onEvents={onEvents} /> : null
      }
      table={() => (report ? <LocaleMeansTable report={report} references={references} caption={title} /> : null)}
    />
  );
}

function LocaleMeansTable({
  report,
  references,
  caption,
}: {
  report: UrbanRuralResponse;
  references: readonly LocaleMeansReference[];
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const byLocale = new Map(report.groups.map((group) => [group.locale, group]));
  const columns: Column<LocaleMeansReference>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => indicatorName(row.key, lang) },
    {
      id: 'threshold',
      header: t('table.threshold'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.threshold, { unit: true, lang }),
    },
    ...LOCALES.map<Column<LocaleMeansReference>>((locale) => ({
      id: locale,
      header: `${localeLabel(locale, lang)}${inParens(t('urbanRural.schoolCount', { count: byLocale.get(locale)?.schools ?? 0 }), lang)}`,
      numeric: true,
      cell: (row) => formatIndicator(row.key, classMean(byLocale.get(locale), row.key), { unit: true, lang }),
    })),
    {
      id: 'mean',
      header: t('table.weightedMean'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.mean, { unit: true, lang }),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={references} rowKey={(row) => row.key} />;
}
