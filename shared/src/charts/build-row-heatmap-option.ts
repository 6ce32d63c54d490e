import type { ChartOption } from './chart-option.ts';
import { CHART_COLORS, CHART_FONT, TOOLTIP_BASE } from './chart-theme.ts';

/** What a row × indicator heatmap draws: one row per school or county, one column per indicator. */
export interface RowHeatmapSpec<Row, State extends string> {
  rows: readonly Row[];
  /** Column labels (the indicators' short names), left to right. */
  columns: readonly string[];
  /** Cell states in legend order, with their colours and legend labels. */
  states: readonly State[];
  stateColors: Record<State, string>;
  stateLabels: Record<State, string>;
  /** A cell's state and its label (the value, formatted for the screen). */
  cell: (row: Row, column: number) => { state: State; label: string };
  /** Left axis: the row's name (clickable: yAxis events). */
  rowName: (row: Row) => string;
  /** Right axis: the row's verdict, green when it passes and red otherwise. */
  rowVerdict: (row: Row) => { text: string; passes: boolean | null };
  cellTooltip: (row: Row, column: number) => string;
  seriesName: string;
  /** The scrolling window of a long list (rowWindowZoom), or undefined when every row is shown. */
  dataZoom: ChartOption['dataZoom'] | undefined;
  /** Space above the grid for the legend and the column labels. */
  top: number;
  nameAxis: { width: number; color: string };
  /** Every row in one pass, no progressive rendering (paper gets no animation frames to finish it). */
  drawAtOnce?: boolean;
}

/** A cell's label colour: dark text on the light fills (amber, grey), white on green and red. */
export const HEATMAP_LABEL_COLORS = { light: '#ffffff', dark: CHART_COLORS.text } as const;

/** One cell of the heatmap: [column, row, state index] and its label's colour. */
export interface RowHeatmapCell {
  value: [number, number, number];
  label: { color: string };
}

/**
 * The row × indicator heatmap of the compliance view (schools) and of the county comparison (counties): each cell
 * coloured by its state through a piecewise visualMap (the legend at the top), labelled with its value (dark text on
 * the light fills, white on the others: HEATMAP_LABEL_COLORS), the row's name on the left and its verdict on the
 * right; both row axes scroll together in the window of a long list.
 */
export function buildRowHeatmapOption<Row, State extends string>(spec: RowHeatmapSpec<Row, State>): ChartOption {
  const data: RowHeatmapCell[] = [];
  const labels: string[] = [];
  const cells: { row: Row; column: number }[] = [];
  spec.rows.forEach((row, y) => {
    spec.columns.forEach((_, x) => {
      const { state, label } = spec.cell(row, x);
      // A colour per cell rather than rich text (`{dark|…}`): ECharts parses and lays out rich text several times
      // slower, on each of a window's 210 cells, on every first screen of the view.
      const color = state === 'near' || state === 'none' ? HEATMAP_LABEL_COLORS.dark : HEATMAP_LABEL_COLORS.light;
      data.push({ value: [x, y, spec.states.indexOf(state)], label: { color } });
      labels.push(label);
      cells.push({ row, column: x });
    });
  });
  const verdicts = spec.rows.map(spec.rowVerdict);
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: spec.dataZoom ? 28 : 8, top: spec.top, bottom: 8, containLabel: true },
    dataZoom: spec.dataZoom,
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      formatter: (params) => {
        const index = Array.isArray(params) ? -1 : (params.dataIndex ?? -1);
        const cell = cells[index];
        return cell ? spec.cellTooltip(cell.row, cell.column) : '';
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
      pieces: spec.states.map((state, index) => ({
        value: index,
        label: spec.stateLabels[state],
        color: spec.stateColors[state],
      })),
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: [...spec.columns],
      axisLabel: { fontSize: 12, color: CHART_COLORS.text, interval: 0 },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        data: spec.rows.map(spec.rowName),
        triggerEvent: true,
        axisLabel: {
          fontSize: 12,
          color: spec.nameAxis.color,
          interval: 0,
          width: spec.nameAxis.width,
          overflow: 'truncate',
        },
        axisTick: { show: false },
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: verdicts.map((verdict) => verdict.text),
        axisLabel: {
          fontSize: 12,
          interval: 0,
          color: CHART_COLORS.text,
          formatter: (text: string, index: number) => (verdicts[index]?.passes ? `{pass|${text}}` : `{fail|${text}}`),
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
        name: spec.seriesName,
        data,
        ...(spec.drawAtOnce ? { progressive: 0 } : {}),
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        label: {
          show: true,
          fontSize: 11,
          formatter: (params) => labels[params.dataIndex] ?? '',
        },
        emphasis: { itemStyle: { borderColor: CHART_COLORS.text, borderWidth: 1 } },
      },
    ],
  };
}
