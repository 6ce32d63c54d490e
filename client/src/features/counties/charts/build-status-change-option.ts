import {
  CHANGE_LABELS,
  CHANGE_LEVELS,
  type ChangeLevel,
  type CountyGridCell,
  gridCellIndex,
  STATUS_LABELS,
  STATUS_LEVELS,
  type StatusLevel,
} from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import { CHART_COLORS, CHART_FONT, escapeHtml, TOOLTIP_BASE, tooltipTitle } from '../../../lib/chart-theme.ts';

/**
 * From "passing and improving" (deep green) to "failing far and getting worse" (deep red); a cell without a year
 * before is pale, as it says nothing about change. Dark text goes on the pale fills.
 */
export const GRID_CELL_COLORS: Record<StatusLevel, Record<ChangeLevel, string>> = {
  pass: { improved: '#1a7a45', steady: '#2f8f57', worsened: '#7fb98f', none: '#cfe6d6' },
  near: { improved: '#f0c05e', steady: '#e8a33d', worsened: '#dd7a2f', none: '#f6dfb2' },
  fail: { improved: '#e8896b', steady: '#d04437', worsened: '#93241b', none: '#efc1b9' },
};
const EMPTY_CELL_COLOR = '#f4f6f9';
/** Every cell colour in grid order (status-major), then the empty cell's. */
export const GRID_PALETTE: readonly string[] = [
  ...STATUS_LEVELS.flatMap((status) => CHANGE_LEVELS.map((change) => GRID_CELL_COLORS[status][change])),
  EMPTY_CELL_COLOR,
];

/** The palette index of a cell: its status and change, or the empty colour when no county is in it. */
export function gridColorIndex(cell: Pick<CountyGridCell, 'status' | 'change' | 'count'>): number {
  if (cell.count === 0) return GRID_PALETTE.length - 1;
  return gridCellIndex(cell.status, cell.change);
}

const DARK_TEXT_CELLS = new Set([
  'pass:none',
  'near:improved',
  'near:steady',
  'near:none',
  'fail:none',
  'pass:worsened',
]);

/** Counties shown by name in a cell; more are counted ("… 等 12 个"). */
export const GRID_NAMES_SHOWN = 4;
const GRID_NAMES_PER_LINE = 2;

export function formatGridCellLabel(cell: CountyGridCell, lang: Lang): string {
  if (cell.count === 0) return translate(lang, 'counties.gridEmpty');
  const separator = lang === 'zh' ? '、' : ', ';
  const names = cell.names.slice(0, GRID_NAMES_SHOWN);
  const more = cell.count > GRID_NAMES_SHOWN ? (lang === 'zh' ? ' 等' : ' …') : '';
  // Two names a line, so a cell stays narrow whatever the chart's width.
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += GRID_NAMES_PER_LINE) {
    lines.push(names.slice(i, i + GRID_NAMES_PER_LINE).join(separator));
  }
  return [
    `{count|${translate(lang, 'counties.gridCount', { count: cell.count })}}`,
    ...lines.map((line, i) => (i === lines.length - 1 ? `${line}${more}` : line)),
  ].join('\n');
}

export function formatGridCellTooltip(cell: CountyGridCell, lang: Lang): string {
  const pick = (label: { zh: string; en: string }) => (lang === 'zh' ? label.zh : label.en);
  const names = cell.names.map(escapeHtml).join(lang === 'zh' ? '、' : ', ');
  return [
    tooltipTitle(`${pick(STATUS_LABELS[cell.status])} × ${pick(CHANGE_LABELS[cell.change])}`),
    `<div>${translate(lang, 'counties.gridCount', { count: cell.count })}</div>`,
    names ? `<div style="max-width:320px;white-space:normal">${names}</div>` : '',
  ].join('');
}

/**
 * The status × change grid (as the California School Dashboard's 5 × 5 grid): rows are this year's status against
 * the limit (passing, failing but close, failing far), columns the change since last year (improved, steady,
 * worsened, no year before). Each cell is coloured from good to bad and names its counties. `cells` are the
 * twelve of `placeCountiesInGrid` (the server's, or the client's once it has every county).
 */
export function buildStatusChangeOption(cells: readonly CountyGridCell[], options: { lang: Lang }): ChartOption {
  const { lang } = options;
  const pick = (label: { zh: string; en: string }) => (lang === 'zh' ? label.zh : label.en);
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      formatter: (params) => {
        const index = Array.isArray(params) ? -1 : (params.dataIndex ?? -1);
        const cell = cells[index];
        return cell ? formatGridCellTooltip(cell, lang) : '';
      },
    },
    // A heatmap colours through a visualMap (ECharts requires one): one piece per cell colour, not shown.
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 3,
      pieces: GRID_PALETTE.map((color, index) => ({ value: index, color })),
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: CHANGE_LEVELS.map((change) => pick(CHANGE_LABELS[change])),
      axisLabel: { fontSize: 12, color: CHART_COLORS.text, interval: 0, fontWeight: 'bold' },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: STATUS_LEVELS.map((status) => pick(STATUS_LABELS[status])),
      axisLabel: { fontSize: 12, color: CHART_COLORS.text, interval: 0, fontWeight: 'bold' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'heatmap',
        name: translate(lang, 'counties.gridTitle', { measure: '' }),
        // [change, status, counties, colour]: the colour index is read by the (hidden) visualMap below.
        data: cells.map((cell) => [
          CHANGE_LEVELS.indexOf(cell.change),
          STATUS_LEVELS.indexOf(cell.status),
          cell.count,
          gridColorIndex(cell),
        ]),
        itemStyle: { borderColor: '#ffffff', borderWidth: 3 },
        label: {
          show: true,
          fontSize: 11,
          lineHeight: 16,
          formatter: (params) => {
            const cell = cells[params.dataIndex];
            if (!cell) return '';
            const dark = cell.count === 0 || DARK_TEXT_CELLS.has(`${cell.status}:${cell.change}`);
            return formatGridCellLabel(cell, lang)
              .split('\n')
              .map((line) => (line.startsWith('{count|') ? line : `{${dark ? 'dark' : 'light'}|${line}}`))
              .join('\n')
              .replace('{count|', dark ? '{countDark|' : '{count|');
          },
          rich: {
            count: { color: '#ffffff', fontSize: 13, fontWeight: 'bold', lineHeight: 20 },
            countDark: { color: CHART_COLORS.text, fontSize: 13, fontWeight: 'bold', lineHeight: 20 },
            light: { color: '#ffffff', fontSize: 11, lineHeight: 16 },
            dark: { color: CHART_COLORS.text, fontSize: 11, lineHeight: 16 },
          },
        },
        emphasis: { itemStyle: { borderColor: CHART_COLORS.text, borderWidth: 1 } },
      },
    ],
  };
}
