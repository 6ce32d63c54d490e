import {
  type CountyComparisonRow,
  placeByCv,
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
  type StatusLevel,
} from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import {
  CHART_COLORS,
  CHART_FONT,
  rowWindowZoom,
  TOOLTIP_BASE,
  tooltipRow,
  tooltipTitle,
  visibleRows,
} from '../../../lib/chart-theme.ts';
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
  const zoom = rowWindowZoom(rows.length, -1, [0, 1]);
  const data: [number, number, number][] = [];
  const labels: string[] = [];
  const cells: { row: CountyComparisonRow; key: QualityIndicatorKey }[] = [];
  rows.forEach((row, y) => {
    indicators.forEach((key, x) => {
      const cv = row.cvs[key] ?? null;
      const state = countyCellState(cv, limit);
      data.push([x, y, COUNTY_CELL_STATES.indexOf(state)]);
      const style = state === 'near' || state === 'none' ? 'dark' : 'light';
      labels.push(`{${style}|${cv === null ? '—' : formatCvAgainst(cv, limit)}}`);
      cells.push({ row, key });
    });
  });
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: zoom ? 28 : 8, top: 60, bottom: 8, containLabel: true },
    dataZoom: zoom,
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      formatter: (params) => {
        const index = Array.isArray(params) ? -1 : (params.dataIndex ?? -1);
        const cell = cells[index];
        return cell ? formatCountyCellTooltip(cell.row, cell.key, limit, lang) : '';
      },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      top: 0,
      itemWidth: 14,
      itemHeight: 14,
      textStyle: { fontSize: 12, color: CHART_COLORS.text },
      pieces: COUNTY_CELL_STATES.map((state, index) => ({
        value: index,
        label: translate(lang, COUNTY_CELL_LABELS[state]),
        color: COUNTY_CELL_COLORS[state],
      })),
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: indicators.map((key) => indicatorShortName(key, lang)),
      axisLabel: { fontSize: 12, color: CHART_COLORS.text, interval: 0 },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.districtName),
        triggerEvent: true,
        axisLabel: {
          fontSize: 12,
          color: CHART_COLORS.mean,
          interval: 0,
          width: 140,
          overflow: 'truncate',
        },
        axisTick: { show: false },
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: rows.map((row) => formatCountyVerdict(row, lang)),
        axisLabel: {
          fontSize: 12,
          interval: 0,
          color: CHART_COLORS.text,
          formatter: (text: string, index: number) => (rows[index]?.passes ? `{pass|${text}}` : `{fail|${text}}`),
          rich: {
            pass: { color: CHART_COLORS.met, fontWeight: 'bold' },
            fail: { color: CHART_COLORS.notMet, fontWeight: 'bold' },
          },
        },
        axisTick: { show: false },
        axisLine: { show: false },
      },
    ],
    series: [
      {
        type: 'heatmap',
        name: translate(lang, 'counties.title'),
        data,
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        label: {
          show: true,
          fontSize: 11,
          formatter: (params) => labels[params.dataIndex] ?? '',
          rich: { light: { color: '#ffffff', fontSize: 11 }, dark: { color: CHART_COLORS.text, fontSize: 11 } },
        },
        emphasis: { itemStyle: { borderColor: CHART_COLORS.text, borderWidth: 1 } },
      },
    ],
  };
}
