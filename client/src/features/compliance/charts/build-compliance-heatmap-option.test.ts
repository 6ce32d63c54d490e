import { HEATMAP_LABEL_COLORS, type RowHeatmapCell } from '@junheng/shared/charts/build-row-heatmap-option.ts';
import { describe, expect, it } from 'vitest';
import { CHART_COLORS, ROW_WINDOW } from '../../../lib/chart-theme.ts';
import { axis, callLabel, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { schoolFixture } from '../../../test-utils/fixtures.ts';
import {
  buildComplianceHeatmapOption,
  CELL_STATES,
  cellState,
  formatHeatmapTooltip,
  formatMetCount,
  type HeatmapIndicator,
  heatmapHeight,
} from './build-compliance-heatmap-option.ts';

const indicators: HeatmapIndicator[] = [
  { key: 'sports_area_per_student', threshold: 7.5 },
  { key: 'multimedia_rooms_per100', threshold: 2.3 },
];

const near = schoolFixture('S2', '近达标<小学>', {
  values: { ...schoolFixture('x', 'x').values, sports_area_per_student: 6.6, multimedia_rooms_per100: null },
  met: { ...schoolFixture('x', 'x').met, sports_area_per_student: false, multimedia_rooms_per100: null },
  metCount: 5,
  passes: false,
});
const under = schoolFixture('S3', '远未达标小学', {
  values: { ...schoolFixture('x', 'x').values, sports_area_per_student: 3 },
  met: { ...schoolFixture('x', 'x').met, sports_area_per_student: false },
  metCount: 6,
  passes: false,
});

describe(cellState.name, () => {
  it('should tell met, near miss (≥ 85%), under 85% and no data apart', () => {
    expect(cellState(8, true, 7.5)).toBe('met');
    expect(cellState(6.375, false, 7.5)).toBe('near');
    expect(cellState(6.37, false, 7.5)).toBe('under');
    expect(cellState(null, null, 7.5)).toBe('none');
    expect(cellState(5, null, 7.5)).toBe('none');
  });
});

describe(buildComplianceHeatmapOption.name, () => {
  const sut = buildComplianceHeatmapOption([schoolFixture('S1', '甲小学'), near, under], indicators, { lang: 'zh' });

  it('should give one cell per school and indicator, in the given row order', () => {
    expect((seriesAt(sut).data as RowHeatmapCell[]).map((cell) => cell.value)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 1],
      [1, 1, 3],
      [0, 2, 2],
      [1, 2, 0],
    ]);
    expect(axis(sut, 'yAxis', 0).data).toEqual(['甲小学', '近达标<小学>', '远未达标小学']);
    expect(axis(sut, 'xAxis').data).toEqual(['体育场馆', '多媒体教室']);
  });

  it('should map the four states to their colours in the legend', () => {
    const visualMap = sut.visualMap as { pieces: { value: number; color: string }[] };
    expect(visualMap.pieces.map((piece) => piece.color)).toEqual([
      CHART_COLORS.met,
      CHART_COLORS.near,
      CHART_COLORS.notMet,
      CHART_COLORS.noData,
    ]);
    expect(visualMap.pieces.map((piece) => piece.value)).toEqual(CELL_STATES.map((_, index) => index));
  });

  it('should put the met count and verdict on the right axis', () => {
    expect(axis(sut, 'yAxis', 1).data).toEqual(['7/7 达标', '5/7 未达标', '6/7 未达标']);
    const formatter = (axis(sut, 'yAxis', 1).axisLabel as { formatter: unknown }).formatter;
    expect(callLabel(formatter, '6/7 未达标', 2)).toBe('{fail|6/7 未达标}');
    expect(callLabel(formatter, '7/7 达标', 0)).toBe('{pass|7/7 达标}');
  });

  it('should label cells with the value, dark on light fills', () => {
    const formatter = (seriesAt(sut).label as { formatter: unknown }).formatter;
    expect(callLabel(formatter, { dataIndex: 0 })).toBe('9.00');
    expect(callLabel(formatter, { dataIndex: 2 })).toBe('6.60');
    expect(callLabel(formatter, { dataIndex: 3 })).toBe('—');
    const colors = (seriesAt(sut).data as RowHeatmapCell[]).map((cell) => cell.label.color);
    expect([colors[0], colors[2], colors[3]]).toEqual([
      HEATMAP_LABEL_COLORS.light,
      HEATMAP_LABEL_COLORS.dark,
      HEATMAP_LABEL_COLORS.dark,
    ]);
  });

  it('should explain a cell in the tooltip with the share of the threshold, escaping the school name', () => {
    const text = tooltipText(sut, 2);
    expect(text).toContain('近达标&lt;小学&gt;');
    expect(text).toContain('6.60 平方米');
    expect(text).toContain('88.0%');
    expect(text).toContain('未达标但 ≥ 85%');
    expect(formatHeatmapTooltip(near, { key: 'multimedia_rooms_per100', threshold: 2.3 }, 'en')).toContain('No data');
  });

  it('should show every row of a small county and a scrolling window of a big one', () => {
    expect(sut.dataZoom).toBeUndefined();
    const many = Array.from({ length: 120 }, (_, i) => schoolFixture(`S${i}`, `学校${i}`));
    const big = buildComplianceHeatmapOption(many, indicators, { lang: 'zh', highlightCode: 'S100' });
    expect(big.dataZoom).toEqual([
      expect.objectContaining({ type: 'inside', yAxisIndex: [0, 1], startValue: 90, endValue: 90 + ROW_WINDOW - 1 }),
      expect.objectContaining({ type: 'slider', yAxisIndex: [0, 1], startValue: 90 }),
    ]);
    expect(heatmapHeight(3)).toBe(220);
    expect(heatmapHeight(120)).toBe(76 + ROW_WINDOW * 22);
  });

  it('should draw every school of a big county in one pass for printing', () => {
    const many = Array.from({ length: 120 }, (_, i) => schoolFixture(`S${i}`, `学校${i}`));
    const printed = buildComplianceHeatmapOption(many, indicators, {
      lang: 'zh',
      highlightCode: 'S100',
      windowed: false,
    });
    expect(printed.dataZoom).toBeUndefined();
    expect(axis(printed, 'yAxis').data).toHaveLength(120);
    // Paper gets no animation frames: a progressive render would stop after its first chunk.
    expect(seriesAt(printed)).toEqual(expect.objectContaining({ progressive: 0 }));
    expect(heatmapHeight(120, false)).toBe(76 + 120 * 22);
  });

  it('should build an empty heatmap', () => {
    const empty = buildComplianceHeatmapOption([], indicators, { lang: 'zh' });
    expect(seriesAt(empty).data).toEqual([]);
    expect(tooltipText(empty, 0)).toBe('');
  });
});

describe(formatMetCount.name, () => {
  it('should read x/7 and the verdict', () => {
    expect(formatMetCount({ metCount: 6, passes: true }, 'en')).toBe('6/7 pass');
  });
});
