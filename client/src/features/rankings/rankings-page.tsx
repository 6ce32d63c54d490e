import { STAGE_LABELS } from '@junheng/shared';
import { useCallback, useMemo } from 'react';
import { usePrinting } from '../../app/print-mode.ts';
import { ChartPanel } from '../../components/chart-panel.tsx';
import type { ECElementEvent } from '../../components/echart-option.ts';
import { PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { IndicatorSelect } from '../../components/indicator-select.tsx';
import { LazyEChart } from '../../components/lazy-echart.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { useLinkPrefetch } from '../../county-view/hooks/use-link-prefetch.ts';
import { useOpenSchool } from '../../county-view/hooks/use-open-school.ts';
import { usePrefetchOtherStage } from '../../county-view/hooks/use-prefetch-other-stage.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import type { SortOrder, ViewParams } from '../../county-view/view-params.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { splitRowsForPrint } from '../../lib/chart-theme.ts';
import { buildExportLinks, exportFileName } from '../../lib/export-links.ts';
import { formatCv, formatIndicator } from '../../lib/format.ts';
import { indicatorName } from '../../lib/indicators.ts';
import {
  DEFAULT_RANKING_INDICATOR,
  rankingsQueryInput,
  rankingsQueryOptions,
  toRankingsQuery,
} from './api/rankings.ts';
import { buildRankingBarOption, orderRankingRows, rankingHeight } from './charts/build-ranking-bar-option.ts';
import { RankingTable } from './components/ranking-table.tsx';

const PANEL_MAX_HEIGHT = 620;

function RankingsContent({ county, params }: { county: CountyQuery; params: ViewParams }) {
  const t = useT();
  const [lang] = useLang();
  const openSchool = useOpenSchool();
  // On paper every school is drawn: there is no scrolling there.
  const windowed = !usePrinting();
  const rankingsQuery = useMemo(() => toRankingsQuery(county, params.indicator), [county, params.indicator]);
  const { indicator } = rankingsQuery;
  const order: SortOrder = params.order ?? 'desc';
  const query = useReportQuery(rankingsQueryOptions(rankingsQuery));
  const report = query.data;
  usePrefetchOtherStage(query.isSuccess && !query.isPlaceholderData, county, (other) =>
    rankingsQueryOptions({ ...other, indicator }),
  );

  const ordered = useMemo(() => (report ? orderRankingRows(report.rows, order) : []), [report, order]);
  // Built once per report, order, language and highlighted school; hovering never rebuilds it. On screen one chart
  // (a long ranking scrolls inside it); on paper every school, in charts that each fit a page, on one scale.
  const charts = useMemo(() => {
    if (!report) return [];
    const parts = windowed ? [report.rows] : splitRowsForPrint(ordered);
    const valueAxisMax = Math.max(0, ...report.rows.map((row) => row.value ?? 0));
    return parts.map((part) => ({
      height: rankingHeight(part.length, windowed),
      option: buildRankingBarOption(part, {
        lang,
        indicator: report.indicator,
        mean: report.mean,
        threshold: report.threshold,
        order,
        highlightCode: params.school,
        windowed,
        valueAxisMax: windowed ? null : valueAxisMax,
      }),
    }));
  }, [report, ordered, lang, order, params.school, windowed]);
  // A bar or the space of its row opens the school (large-mode bars emit no item clicks), and so does its name.
  const onCategoryClick = useCallback(
    (index: number) => {
      const row = ordered[index];
      if (row) void openSchool(row.code);
    },
    [ordered, openSchool],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        if (event.componentType !== 'yAxis') return;
        const row = ordered.find((item) => `${item.rank}. ${item.name}` === event.value);
        if (row) void openSchool(row.code);
      },
    }),
    [ordered, openSchool],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        { route: 'getRankings', params: { code: county.code }, query: rankingsQueryInput(rankingsQuery) },
        lang,
      ),
    [county.code, rankingsQuery, lang],
  );

  const title = t('rankings.chartTitle', { indicator: indicatorName(indicator, lang) });
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);
  const unit = { unit: true, lang } as const;
  const subtitle = report
    ? [
        report.threshold !== null
          ? t('rankings.thresholdIs', { value: formatIndicator(indicator, report.threshold, unit) })
          : null,
        t('rankings.meanIs', { value: formatIndicator(indicator, report.mean, unit) }),
        t('rankings.cvIs', { value: formatCv(report.cv) }),
        report.threshold !== null
          ? t('rankings.meetCount', {
              met: report.rows.filter((row) => row.meets === true).length,
              total: report.rows.length,
            })
          : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : undefined;

  return (
    <div className="ranking-layout">
      <ChartPanel
        title={title}
        subtitle={subtitle}
        query={query}
        isEmpty={report?.rows.length === 0}
        exports={exports}
        fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
        skeletonHeight={480}
        chart={(ref) =>
          charts.map((chart, index) => (
            <LazyEChart
              key={index}
              option={chart.option}
              ariaLabel={title}
              height={chart.height}
              ref={index === 0 ? ref : undefined}
              onEvents={onEvents}
              onCategoryClick={onCategoryClick}
            />
          ))
        }
        table={() =>
          report ? (
            <RankingTable
              rows={ordered}
              indicator={indicator}
              caption={title}
              highlight={params.school}
              maxHeight={PANEL_MAX_HEIGHT}
            />
          ) : null
        }
      />
      <section className="card ranking-side" aria-labelledby="ranking-table-title">
        <h2 id="ranking-table-title" className="card-title">
          {t('rankings.tableTitle')}
        </h2>
        {report && report.rows.length > 0 ? (
          <div className={query.isPlaceholderData ? 'updating' : undefined}>
            <RankingTable
              rows={ordered}
              indicator={indicator}
              caption={t('rankings.tableTitle')}
              highlight={params.school}
              maxHeight={PANEL_MAX_HEIGHT}
              compact
            />
          </div>
        ) : (
          <p className="muted">{query.isPending ? t('common.loading') : t('panel.emptyBody')}</p>
        )}
      </section>
    </div>
  );
}

/** 学校排名: every counted school ranked on one indicator, with the threshold and the county mean. */
export default function RankingsPage() {
  const t = useT();
  useLinkPrefetch((county, params) => rankingsQueryOptions(toRankingsQuery(county, params.indicator)));
  return (
    <CountyView
      id="rankings-title"
      title={t('rankings.title')}
      toolbar={({ params, update }) => (
        <>
          <IndicatorSelect
            value={params.indicator ?? DEFAULT_RANKING_INDICATOR}
            onChange={(indicator) => update({ indicator })}
            className="filter-indicator"
          />
          <OrderToggle order={params.order ?? 'desc'} onChange={(order) => update({ order })} />
        </>
      )}
    >
      {({ county, params }) => (
        <PanelErrorBoundary title={t('rankings.title')}>
          <RankingsContent county={county} params={params} />
        </PanelErrorBoundary>
      )}
    </CountyView>
  );
}

function OrderToggle({ order, onChange }: { order: SortOrder; onChange: (order: SortOrder | null) => void }) {
  const t = useT();
  return (
    <div className="filter-field">
      <span className="filter-label" id="ranking-order-label">
        {t('rankings.order')}
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: a segmented control of two toggle buttons */}
      <div className="segmented" role="group" aria-labelledby="ranking-order-label">
        <button
          type="button"
          className={order === 'desc' ? 'segment active' : 'segment'}
          aria-pressed={order === 'desc'}
          onClick={() => onChange(null)}
        >
          {t('rankings.orderDesc')}
        </button>
        <button
          type="button"
          className={order === 'asc' ? 'segment active' : 'segment'}
          aria-pressed={order === 'asc'}
          onClick={() => onChange('asc')}
        >
          {t('rankings.orderAsc')}
        </button>
      </div>
    </div>
  );
}
