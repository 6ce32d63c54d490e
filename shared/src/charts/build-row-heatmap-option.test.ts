import { describe, expect, it } from 'vitest';
import {
  buildRowHeatmapOption,
  HEATMAP_LABEL_COLORS,
  type RowHeatmapCell,
  type RowHeatmapSpec,
} from './build-row-heatmap-option.ts';

type Row = { name: string; values: (number | null)[]; passes: boolean };
const spec = (rows: Row[], dataZoom?: RowHeatmapSpec<Row, 'ok' | 'near' | 'none'>['dataZoom']) =>
  buildRowHeatmapOption<Row, 'ok' | 'near' | 'none'>({
    rows,
    columns: ['甲', '乙'],
    states: ['ok', 'near', 'none'],
    stateColors: { ok: 'green', near: 'amber', none: 'grey' },
    stateLabels: { ok: '好', near: '近', none: '无' },
    cell: (row, column) => {
      const value = row.values[column] ?? null;
      return {
        state: value === null ? 'none' : value > 1 ? 'ok' : 'near',
        label: value === null ? '—' : String(value),
      };
    },
    rowName: (row) => row.name,
    rowVerdict: (row) => ({ text: row.passes ? '达标' : '未达标', passes: row.passes }),
    cellTooltip: (row, column) => `${row.name}:${column}`,
    seriesName: '热图',
    dataZoom,
    top: 60,
    nameAxis: { width: 140, color: 'blue' },
  });

describe(buildRowHeatmapOption.name, () => {
  it('should give each row a cell per column with its state, label and tooltip, and both row axes', () => {
    const sut = spec([
      { name: 'A', values: [2, null], passes: true },
      { name: 'B', values: [0.5, 3], passes: false },
    ]);
    const series = (
      sut.series as { data: RowHeatmapCell[]; label: { formatter: (p: { dataIndex: number }) => string } }[]
    )[0];
    expect(series?.data.map((cell) => cell.value)).toEqual([
      [0, 0, 0],
      [1, 0, 2],
      [0, 1, 1],
      [1, 1, 0],
    ]);
    expect([0, 1, 2, 3].map((dataIndex) => series?.label.formatter({ dataIndex }))).toEqual(['2', '—', '0.5', '3']);
    const { light, dark } = HEATMAP_LABEL_COLORS;
    expect(series?.data.map((cell) => cell.label.color)).toEqual([light, dark, dark, light]);
    const [names, verdicts] = sut.yAxis as {
      data: string[];
      axisLabel: { formatter?: (t: string, i: number) => string };
    }[];
    expect(names?.data).toEqual(['A', 'B']);
    expect(verdicts?.axisLabel.formatter?.('未达标', 1)).toBe('{fail|未达标}');
    const tooltip = sut.tooltip as { formatter: (p: { dataIndex: number }) => string };
    expect(tooltip.formatter({ dataIndex: 3 })).toBe('B:1');
    expect((sut.grid as { right: number }).right).toBe(8);
    expect(spec([], [{ type: 'inside' }]).grid).toEqual(expect.objectContaining({ right: 28 }));
  });
});
