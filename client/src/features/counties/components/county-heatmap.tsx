import type { CountyComparisonRow } from '@junheng/shared';
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePrinting } from '../../../app/print-mode.ts';
import type { ECElementEvent, EChartHandle } from '../../../components/echart-option.ts';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { ROW_WINDOW, splitRowsForPrint, visibleRows } from '../../../lib/chart-theme.ts';
import { formatInteger } from '../../../lib/format.ts';
import { useSameContent } from '../../../lib/use-same-content.ts';
import { buildCountyHeatmapOption, countyHeatmapHeight } from '../charts/build-county-heatmap-option.ts';

/**
 * Counties of one chart on paper: 24 rows of 26 px and the axes (708 px) fit an A4 page under the view's title, so no
 * page break falls inside a chart.
 */
const PRINT_ROWS = 24;

/** Pixels of scrolling per county row (the chart's row height, so a scroll moves the rows as far as the pointer). */
const ROW_STEP = 26;

/** The first row of the window for a scroll position, within [0, total − window]. */
export function windowStartAt(scrollTop: number, total: number, window = ROW_WINDOW): number {
  return Math.max(0, Math.min(Math.round(scrollTop / ROW_STEP), total - window));
}

export interface CountyHeatmapProps {
  /** The counties there are (by code), or the first of them while the rest are on their way. */
  rows: readonly CountyComparisonRow[];
  /** How many counties there are in all: the scroll bar's length. */
  total: number;
  /** Names the list (year, stage, city): another list starts again at its first county; more rows of it do not. */
  listKey: string;
  limit: number;
  ariaLabel: string;
  chartRef: RefObject<EChartHandle | null>;
  onOpen: (row: CountyComparisonRow) => void;
}

/**
 * Counties × CVs. A long list (a province, the country) shows ROW_WINDOW counties at a time, and only those are given
 * to ECharts: the chart of 2 900 counties costs what a chart of 30 does. The window moves with the scroll bar beside
 * the chart, the mouse wheel over it, or the keyboard on the scroll bar. On paper every county is drawn, in charts
 * that each fit a page.
 */
export function CountyHeatmap({ rows, total, listKey, limit, ariaLabel, chartRef, onOpen }: CountyHeatmapProps) {
  const t = useT();
  const [lang] = useLang();
  const printing = usePrinting();
  const windowed = !printing && total > visibleRows(total);
  const [scroll, setScroll] = useState({ listKey, start: 0 });
  // Another list (city, year, stage) starts again at its first county; until the rest of the list arrives, the window
  // stops at the last county there is.
  const start =
    windowed && scroll.listKey === listKey ? Math.max(0, Math.min(scroll.start, rows.length - ROW_WINDOW)) : 0;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const chartBoxRef = useRef<HTMLDivElement>(null);
  const chartId = useId();

  // The same counties with the same numbers (the first screen's, then those of every county's answer) are not drawn
  // again.
  const drawn = useSameContent(printing || !windowed ? rows : rows.slice(start, start + ROW_WINDOW));
  const charts = useMemo(() => {
    const parts = printing ? splitRowsForPrint(drawn, PRINT_ROWS) : [drawn];
    return parts.map((part) => ({
      rows: part,
      height: countyHeatmapHeight(part.length),
      option: buildCountyHeatmapOption(part, { lang, limit }),
    }));
  }, [drawn, printing, lang, limit]);

  // A new list: the scroll bar back at the top.
  useEffect(() => {
    if (scrollerRef.current && scroll.listKey !== listKey) scrollerRef.current.scrollTop = 0;
  }, [listKey, scroll.listKey]);

  // The wheel over the chart scrolls the window (as the scroll bar does), not the page, until either end is reached.
  useEffect(() => {
    const box = chartBoxRef.current;
    const scroller = scrollerRef.current;
    if (!box || !scroller || !windowed) return;
    const onWheel = (event: WheelEvent) => {
      const max = scroller.scrollHeight - scroller.clientHeight;
      const next = Math.max(0, Math.min(max, scroller.scrollTop + event.deltaY));
      if (next === scroller.scrollTop) return;
      event.preventDefault();
      scroller.scrollTop = next;
    };
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => box.removeEventListener('wheel', onWheel);
  }, [windowed]);

  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        if (event.componentType !== 'yAxis') return;
        const row = charts.flatMap((chart) => chart.rows).find((item) => item.districtName === event.value);
        if (row) onOpen(row);
      },
    }),
    [charts, onOpen],
  );

  if (!windowed) {
    return charts.map((chart, index) => (
      <LazyEChart
        key={index}
        option={chart.option}
        ariaLabel={ariaLabel}
        height={chart.height}
        ref={index === 0 ? chartRef : undefined}
        onEvents={onEvents}
        onCategoryClick={(row) => {
          const county = chart.rows[row];
          if (county) onOpen(county);
        }}
      />
    ));
  }
  const [chart] = charts;
  if (!chart) return null;
  return (
    <div className="county-heatmap">
      <div className="county-heatmap-chart" id={chartId} ref={chartBoxRef}>
        <LazyEChart
          option={chart.option}
          ariaLabel={ariaLabel}
          height={chart.height}
          ref={chartRef}
          onEvents={onEvents}
          onCategoryClick={(row) => {
            const county = chart.rows[row];
            if (county) onOpen(county);
          }}
        />
      </div>
      <div
        className="county-heatmap-scroll"
        ref={scrollerRef}
        style={{ height: chart.height }}
        role="scrollbar"
        aria-controls={chartId}
        aria-orientation="vertical"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={start + 1}
        aria-valuetext={t('counties.heatmapWindow', {
          from: formatInteger(start + 1),
          to: formatInteger(start + chart.rows.length),
          total: formatInteger(total),
        })}
        aria-label={t('counties.heatmapScroll')}
        tabIndex={0}
        data-testid="county-heatmap-scroll"
        onScroll={(event) => setScroll({ listKey, start: windowStartAt(event.currentTarget.scrollTop, total) })}
      >
        <div style={{ height: chart.height + (total - ROW_WINDOW) * ROW_STEP }} />
      </div>
      <p className="muted small county-heatmap-window" aria-hidden="true">
        {t('counties.heatmapWindow', {
          from: formatInteger(start + 1),
          to: formatInteger(start + chart.rows.length),
          total: formatInteger(total),
        })}
      </p>
    </div>
  );
}
