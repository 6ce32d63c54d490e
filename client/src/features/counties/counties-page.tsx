import './counties.css';
import {
  COMPARISON_MEASURES,
  type CountyComparisonRow,
  placeCountiesInGrid,
  STAGE_LABELS,
  STAGES,
} from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ChartPanel } from '../../components/chart-panel.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { SegmentedControl, YearSelect } from '../../components/filter-controls.tsx';
import { LazyEChart } from '../../components/lazy-echart.tsx';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import { districtsQueryOptions } from '../../districts/api/districts.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../lib/export-links.ts';
import { formatCv, formatInteger } from '../../lib/format.ts';
import { indicatorName } from '../../lib/indicators.ts';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';
import { useSameContent } from '../../lib/use-same-content.ts';
import { whenIdle } from '../../lib/when-idle.ts';
import { ViewTools } from '../../saved-views/components/view-tools.tsx';
import {
  countyComparisonQueryInput,
  countyComparisonQueryOptions,
  countyFirstScreenQueryOptions,
  parseCountyComparisonParams,
} from './api/county-comparison.ts';
import { buildStatusChangeOption } from './charts/build-status-change-option.ts';
import { cityOptionLabel } from './city-option-label.ts';
import { CountyComparisonTable } from './components/county-comparison-table.tsx';
import { CountyHeatmap } from './components/county-heatmap.tsx';

const GRID_HEIGHT = 380;

function CountiesContent() {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const input = useMemo(() => parseCountyComparisonParams(searchParams), [searchParams]);
  // First the first screen (a page of counties and the grid of them all), then, once it is drawn, every county: the
  // country's 2 900 rows (2.8 MB) would otherwise stand between the inspector and the first screen.
  const listKey = `${input.stage}:${input.year ?? ''}:${input.city ?? ''}`;
  const [restAsked, setRestAsked] = useState<string | null>(null);
  const all = useQuery({ ...countyComparisonQueryOptions(input), enabled: restAsked === listKey });
  const firstScreen = useReportQuery({ ...countyFirstScreenQueryOptions(input), enabled: all.data === undefined });
  const query = all.data === undefined ? firstScreen : all;
  const report = query.data;
  const complete = report !== undefined && report.rows.length >= report.total;
  const waitingForRest = report !== undefined && !complete && !query.isPlaceholderData;
  useEffect(() => {
    if (!waitingForRest) return;
    return whenIdle(() => setRestAsked(listKey), { timeout: 1000 });
  }, [waitingForRest, listKey]);
  const update = useCallback(
    (patch: Partial<Record<'year' | 'stage' | 'city' | 'measure', string | null>>) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      });
    },
    [setSearchParams],
  );
  const rows = report?.rows ?? [];
  const year = report?.year ?? input.year;
  const limit = report?.cvLimit ?? 0.5;

  const openCounty = useCallback(
    (row: Pick<CountyComparisonRow, 'districtCode'>) => {
      const search = new URLSearchParams({ district: row.districtCode, stage: input.stage });
      if (year !== null) search.set('year', String(year));
      void navigate({ pathname: '/', search: `?${search.toString()}` });
    },
    [navigate, input.stage, year],
  );
  // Every county here: placed for any measure without a request; a first screen: the server's grid of them all. The
  // same cells again (every county's answer after the first screen's) are not drawn again.
  const cells = useSameContent(
    report === undefined ? null : complete ? placeCountiesInGrid(rows, input.measure, limit) : report.grid,
  );
  const grid = useMemo(() => (cells ? buildStatusChangeOption(cells, { lang }) : null), [cells, lang]);
  const total = report?.total ?? 0;
  const exports = useMemo(
    () =>
      buildExportLinks({ route: 'getCountyComparison', query: countyComparisonQueryInput({ ...input, year }) }, lang),
    [input, year, lang],
  );

  const stageLabel = pickLabel(STAGE_LABELS[input.stage], lang);
  const measureLabel = input.measure === 'passes' ? t('counties.measurePasses') : indicatorName(input.measure, lang);
  const city = report?.cities.find((item) => item.code === report.city);
  const heatmapTitle = t('counties.heatmapTitle', { year: year ?? '', stage: stageLabel, limit: formatCv(limit) });
  const gridTitle = t('counties.gridTitle', { measure: measureLabel });
  const gridSubtitle = t(input.measure === 'passes' ? 'counties.gridSubtitle.passes' : 'counties.gridSubtitle.cv', {
    year: year ?? '',
    previous: year === null ? '' : year - 1,
    limit: formatCv(limit),
  });
  const fileParts = [t('counties.title'), city?.name ?? city?.code, year, stageLabel];
  const years = [...(report?.years ?? [])].sort((a, b) => b - a);

  return (
    <>
      <section className="filter-bar card" aria-label={t('filters.label')}>
        <div className="filter-row">
          <YearSelect
            label={t('counties.year')}
            years={years}
            value={year}
            onChange={(picked) => update({ year: String(picked) })}
          />
          <SegmentedControl
            label={t('counties.stage')}
            options={STAGES.map((stage) => ({ value: stage, label: pickLabel(STAGE_LABELS[stage], lang) }))}
            value={input.stage}
            onChange={(stage) => update({ stage })}
          />
          <label className="filter-field">
            <span className="filter-label">{t('counties.city')}</span>
            <select
              value={input.city ?? ''}
              onChange={(event) => update({ city: event.target.value })}
              data-testid="county-city"
            >
              <option value="">{t('counties.allCities')}</option>
              {(report?.cities ?? []).map((item) => (
                <option key={item.code} value={item.code}>
                  {cityOptionLabel(item, t)}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span className="filter-label">{t('counties.measure')}</span>
            <select value={input.measure} onChange={(event) => update({ measure: event.target.value })}>
              {COMPARISON_MEASURES.map((measure) => (
                <option key={measure} value={measure}>
                  {measure === 'passes' ? t('counties.measurePasses') : indicatorName(measure, lang)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>

      <ChartPanel
        title={heatmapTitle}
        subtitle={t('counties.heatmapSubtitle')}
        query={query}
        isEmpty={rows.length === 0}
        emptyTitle={t('counties.none')}
        emptyMessage={t('counties.noneBody')}
        exports={exports}
        fileName={exportFileName([...fileParts, heatmapTitle])}
        skeletonHeight={320}
        chart={(ref) =>
          report ? (
            <CountyHeatmap
              rows={rows}
              total={total}
              listKey={listKey}
              limit={limit}
              ariaLabel={heatmapTitle}
              chartRef={ref}
              onOpen={openCounty}
            />
          ) : null
        }
        table={() => (
          <CountyComparisonTable
            rows={rows}
            total={total}
            listKey={listKey}
            measure={input.measure}
            limit={limit}
            caption={heatmapTitle}
            onOpen={openCounty}
          />
        )}
      />

      <div className="counties-lower">
        <ChartPanel
          title={gridTitle}
          subtitle={gridSubtitle}
          query={query}
          isEmpty={rows.length === 0}
          emptyTitle={t('counties.none')}
          emptyMessage={t('counties.noneBody')}
          exports={exports}
          fileName={exportFileName([...fileParts, gridTitle])}
          skeletonHeight={GRID_HEIGHT}
          chart={(ref) =>
            grid ? <LazyEChart option={grid} ariaLabel={gridTitle} height={GRID_HEIGHT} ref={ref} /> : null
          }
          table={() => (
            <CountyComparisonTable
              rows={rows}
              total={total}
              listKey={listKey}
              measure={input.measure}
              limit={limit}
              caption={gridTitle}
              onOpen={openCounty}
            />
          )}
        />
        <section className="card" aria-labelledby={`${id}-table`}>
          <h2 id={`${id}-table`} className="card-title">
            {t('counties.tableTitle')}
          </h2>
          {rows.length > 0 ? (
            <div className={query.isPlaceholderData ? 'updating' : undefined}>
              <CountyComparisonTable
                rows={rows}
                total={total}
                listKey={listKey}
                measure={input.measure}
                limit={limit}
                caption={t('counties.tableTitle')}
                onOpen={openCounty}
              />
              {complete ? null : (
                <p className="muted small" role="status" data-testid="counties-rest">
                  {all.isError
                    ? t('counties.restFailed', { count: formatInteger(total - rows.length) })
                    : t('counties.restLoading', { count: formatInteger(total - rows.length) })}
                </p>
              )}
            </div>
          ) : (
            <p className="muted">{query.isPending ? t('common.loading') : t('counties.noneBody')}</p>
          )}
        </section>
      </div>
    </>
  );
}

/** 多县对比: the counties the user may see, side by side (a city's or a province's inspector). */
export default function CountiesPage() {
  const t = useT();
  const districts = useQuery(districtsQueryOptions());
  const one = districts.data !== undefined && districts.data.length <= 1;
  return (
    <section className="page" aria-labelledby="counties-title">
      <div className="page-heading">
        <h1 id="counties-title" className="page-title">
          {t('counties.title')}
        </h1>
        <ViewTools />
      </div>
      <p className="page-intro">{t('counties.intro')}</p>
      {one ? (
        <div className="card">
          <EmptyState title={t('counties.none')}>{t('counties.oneCounty')}</EmptyState>
        </div>
      ) : (
        <PanelErrorBoundary title={t('counties.title')}>
          <CountiesContent />
        </PanelErrorBoundary>
      )}
    </section>
  );
}
