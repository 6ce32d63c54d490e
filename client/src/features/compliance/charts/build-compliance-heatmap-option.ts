import {
  QUALITY_CELL_STATES,
  QUALITY_INDICATOR_KEYS,
  type QualityCellState,
  type QualityIndicatorKey,
  type QualitySchoolResult,
  qualityCellState,
} from '@junheng/shared';
import { buildRowHeatmapOption } from '@junheng/shared/charts/build-row-heatmap-option.ts';
import type { ChartOption } from '../../../components/echart-option.ts';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import { CHART_COLORS, rowWindowZoom, tooltipRow, tooltipTitle, visibleRows } from '../../../lib/chart-theme.ts';
import { formatIndicator, formatPercent } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';

/** The three states of METHOD.md §2 plus "no data" (a school without students of the stage or without the figure). */
export const CELL_STATES = QUALITY_CELL_STATES;
export type CellState = QualityCellState;

export const CELL_STATE_COLORS: Record<CellState, string> = {
  met: CHART_COLORS.met,
  near: CHART_COLORS.near,
  under: CHART_COLORS.notMet,
  none: CHART_COLORS.noData,
};

export const CELL_STATE_LABELS: Record<CellState, MessageKey> = {
  met: 'compliance.state.met',
  near: 'compliance.state.near',
  under: 'compliance.state.under',
  none: 'compliance.state.none',
};

export type HeatmapSchool = Pick<
  QualitySchoolResult,
  'code' | 'name' | 'townshipName' | 'values' | 'met' | 'metCount' | 'passes'
>;

export interface HeatmapIndicator {
  key: QualityIndicatorKey;
  threshold: number;
}

/**
 * A cell's state. The server's `met` decides met / not met (it compared at full precision); the 85% line separates a
 * near miss (still allowed once for a passing school) from a real shortfall.
 */
export function cellState(
  value: number | null | undefined,
  met: boolean | null | undefined,
  threshold: number,
): CellState {
  return qualityCellState(value, met, threshold);
}

/**
 * Height that gives every school shown (all, or the scrolling window of a big county; all of them when `windowed` is
 * false, as on paper) a 22 px row.
 */
export function heatmapHeight(schools: number, windowed = true): number {
  return Math.max(220, 76 + (windowed ? visibleRows(schools) : schools) * 22);
}

export function formatMetCount(school: Pick<HeatmapSchool, 'metCount' | 'passes'>, lang: Lang): string {
  const total = QUALITY_INDICATOR_KEYS.length;
  return `${school.metCount}/${total} ${school.passes ? translate(lang, 'compliance.passShort') : translate(lang, 'compliance.failShort')}`;
}

export function formatHeatmapTooltip(school: HeatmapSchool, indicator: HeatmapIndicator, lang: Lang): string {
  const value = school.values[indicator.key] ?? null;
  const state = cellState(value, school.met[indicator.key], indicator.threshold);
  const unit = { unit: true, lang } as const;
  return [
    tooltipTitle(school.name),
    `<div style="margin-bottom:4px;color:#5f6b7a">${indicatorName(indicator.key, lang)}</div>`,
    tooltipRow(
      translate(lang, 'chart.heatmap.value'),
      formatIndicator(indicator.key, value, unit),
      CELL_STATE_COLORS[state],
    ),
    tooltipRow(translate(lang, 'chart.heatmap.threshold'), formatIndicator(indicator.key, indicator.threshold, unit)),
    tooltipRow(
      translate(lang, 'chart.heatmap.ofThreshold'),
      value === null || indicator.threshold <= 0 ? '—' : formatPercent(value / indicator.threshold),
    ),
    tooltipRow(translate(lang, 'chart.heatmap.state'), translate(lang, CELL_STATE_LABELS[state])),
    tooltipRow(translate(lang, 'chart.heatmap.metCount'), formatMetCount(school, lang)),
  ].join('');
}

/**
 * School × indicator heatmap in the given row order (the table's sort): one row per school, one column per
 * indicator, coloured met / below but ≥ 85% / under 85% / no data, each cell labelled with its value. The right axis
 * gives the met count (x/7) and the verdict, so a school needing ≥ 6 met is read off at once.
 */
export function buildComplianceHeatmapOption(
  schools: readonly HeatmapSchool[],
  indicators: readonly HeatmapIndicator[],
  /** `windowed: false`: every school at once, no scrolling window (for printing). */
  options: { lang: Lang; highlightCode?: string | null; windowed?: boolean },
): ChartOption {
  const { lang } = options;
  // Both row axes (names on the left, met count on the right) scroll together.
  const focus = options.highlightCode ? schools.findIndex((school) => school.code === options.highlightCode) : -1;
  const zoom = options.windowed === false ? undefined : rowWindowZoom(schools.length, focus, [0, 1]);
  return buildRowHeatmapOption({
    rows: schools,
    columns: indicators.map((indicator) => indicatorShortName(indicator.key, lang)),
    states: CELL_STATES,
    stateColors: CELL_STATE_COLORS,
    stateLabels: {
      met: translate(lang, CELL_STATE_LABELS.met),
      near: translate(lang, CELL_STATE_LABELS.near),
      under: translate(lang, CELL_STATE_LABELS.under),
      none: translate(lang, CELL_STATE_LABELS.none),
    },
    cell: (school, column) => {
      const indicator = indicators[column] as HeatmapIndicator;
      const value = school.values[indicator.key] ?? null;
      return {
        state: cellState(value, school.met[indicator.key], indicator.threshold),
        label: formatIndicator(indicator.key, value),
      };
    },
    rowName: (school) => school.name,
    rowVerdict: (school) => ({ text: formatMetCount(school, lang), passes: school.passes }),
    cellTooltip: (school, column) => formatHeatmapTooltip(school, indicators[column] as HeatmapIndicator, lang),
    seriesName: translate(lang, 'compliance.heatmapTitle'),
    dataZoom: zoom,
    top: 56,
    nameAxis: { width: 180, color: CHART_COLORS.text },
    // Drawn in one pass when every row is shown: paper gets no animation frames to finish a progressive render.
    drawAtOnce: !zoom,
  });
}
