import {
  type CountyComparisonRow,
  placeByCv,
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
  type StatusLevel,
} from '@junheng/shared';
import { buildRowHeatmapOption } from '@junheng/shared/charts/build-row-heatmap-option.ts';
import type { ChartOption } from '../../../components/echart-option.ts';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import { CHART_COLORS, rowWindowZoom, tooltipRow, tooltipTitle, visibleRows } from '../../../lib/chart-theme.ts';
import { formatCvAgainst, formatPercent } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';

/** A cell: the CV's status against the limit, or no CV (fewer than 2 schools counted). */
export const COUNTY_CELL_STATES = ['pass', 'near', 'fail', 'none'] as const;
export type CountyCellState = (typeof COUNTY_CELL_STATES)[number];

export const COUNTY_CELL_COLORS: Record<CountyCellState, string> = {
  pass: CHART_COLORS.met,
  near: CHART_COLORS.near,
  fail: CHART_COLORS.notMet,
  none: CHART_COLORS.noData,
};

export const COUNTY_CELL_LABELS: Record<CountyCellState, MessageKey> = {
  pass: 'counties.cellPass',
  near: 'counties.cellNear',
  fail: 'counties.cellFail',
  none: 'chart.counties.noCv',
};

export function countyCellState(cv: number | null | undefined, limit: number): CountyCellState {
  const status: StatusLevel | null = placeByCv(cv ?? null, null, limit).status;
  return status ?? 'none';
}

/** Height that gives every county shown (all, or the scrolling window of a province) a 26 px row. */
export function countyHeatmapHeight(counties: number): number {
  return Math.max(200, 84 + visibleRows(counties) * 26);
}

/** The right-hand label of a county: its verdict and the first year it passed (`达标 · 2022`, `未达标 · —`). */
export function formatCountyVerdict(row: Pick<CountyComparisonRow, 'passes' | 'firstPassedYear'>, lang: Lang): string {
  const verdict =
    row.passes === null
      ? translate(lang, 'counties.tooFew')
      : row.passes
        ? translate(lang, 'compliance.passShort')
        : translate(lang, 'compliance.failShort');
  return `${verdict} · ${row.firstPassedYear ?? '—'}`;
}

export function formatCountyCellTooltip(
  row: CountyComparisonRow,
  key: QualityIndicatorKey,
  limit: number,
  lang: Lang,
): string {
  const cv = row.cvs[key] ?? null;
  const previous = row.previousCvs?.[key] ?? null;
  const state = countyCellState(cv, limit);
  return [
    tooltipTitle(row.districtName),
    `<div style="margin-bottom:4px;color:#5f6b7a">${indicatorName(key, lang)}</div>`,
    tooltipRow(
      translate(lang, 'chart.counties.cv'),
      cv === null ? translate(lang, 'chart.counties.noCv') : formatCvAgainst(cv, limit),
      COUNTY_CELL_COLORS[state],
    ),
    tooltipRow(translate(lang, 'chart.counties.limit'), formatCvAgainst(limit, limit)),
    tooltipRow(translate(lang, 'chart.counties.ofLimit'), cv === null ? '—' : formatPercent(cv / limit)),
    tooltipRow(
      `${translate(lang, 'chart.counties.lastYear')}${row.previousYear ? ` (${row.previousYear})` : ''}`,
      previous === null ? '—' : formatCvAgainst(previous, limit),
    ),
    tooltipRow(translate(lang, 'chart.counties.state'), translate(lang, COUNTY_CELL_LABELS[state])),
    tooltipRow(translate(lang, 'chart.counties.verdict'), formatCountyVerdict(row, lang)),
  ].join('');
}

/**
 * Counties × the seven CVs: one row per county (in the order given), each cell coloured by its CV against the
 * stage's limit (within / less than 20% over / 20% or more over / none) and labelled with the CV. The right axis
 * gives the verdict and the first year passed. County names are clickable (yAxis events) to open the county.
 */
export function buildCountyHeatmapOption(
  rows: readonly CountyComparisonRow[],
  options: { lang: Lang; limit: number; indicators?: readonly QualityIndicatorKey[] },
): ChartOption {
  const { lang, limit } = options;
  const indicators = options.indicators ?? QUALITY_INDICATOR_KEYS;
  return buildRowHeatmapOption({
    rows,
    columns: indicators.map((key) => indicatorShortName(key, lang)),
    states: COUNTY_CELL_STATES,
    stateColors: COUNTY_CELL_COLORS,
    stateLabels: {
      pass: translate(lang, COUNTY_CELL_LABELS.pass),
      near: translate(lang, COUNTY_CELL_LABELS.near),
      fail: translate(lang, COUNTY_CELL_LABELS.fail),
      none: translate(lang, COUNTY_CELL_LABELS.none),
    },
    cell: (row, column) => {
      const cv = row.cvs[indicators[column] as QualityIndicatorKey] ?? null;
      return { state: countyCellState(cv, limit), label: cv === null ? '—' : formatCvAgainst(cv, limit) };
    },
    rowName: (row) => row.districtName,
    rowVerdict: (row) => ({ text: formatCountyVerdict(row, lang), passes: row.passes }),
    cellTooltip: (row, column) => formatCountyCellTooltip(row, indicators[column] as QualityIndicatorKey, limit, lang),
    seriesName: translate(lang, 'counties.title'),
    dataZoom: rowWindowZoom(rows.length, -1, [0, 1]),
    top: 60,
    nameAxis: { width: 140, color: CHART_COLORS.mean },
  });
}
