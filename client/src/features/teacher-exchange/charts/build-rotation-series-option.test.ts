import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, callLabel, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildRotationSeriesOption, passColor, type RotationYear } from './build-rotation-series-option.ts';

const year = (y: number, ratio: number | null, share: number | null): RotationYear => ({
  year: y,
  eligible: 1000,
  rotated: ratio === null ? 0 : Math.round(ratio * 1000),
  ratio,
  ratioPasses: ratio === null ? null : ratio >= 0.1,
  backboneRotated: 20,
  backboneShare: share,
  backbonePasses: share === null ? null : share >= 0.2,
  netBackboneToRural: 4,
});
const rows = [year(2025, 0.1417, 0.2625), year(2019, 0.0661, 0.1392), year(2020, null, null)];
const options = { lang: 'zh' as const, ratioLimit: 0.1, backboneLimit: 0.2, selectedYear: 2025 };
type Item = { value: number | null; itemStyle: { color: string; borderWidth?: number } };

describe(buildRotationSeriesOption.name, () => {
  it('should draw the ratio as bars and the backbone share as a line, in percent, oldest year first', () => {
    const option = buildRotationSeriesOption(rows, options);
    expect(axis(option, 'xAxis').data).toEqual(['2019', '2020', '2025']);
    expect((seriesAt(option, 0).data as Item[]).map((item) => item.value)).toEqual([6.61, null, 14.17]);
    expect((seriesAt(option, 1).data as Item[]).map((item) => item.value)).toEqual([13.92, null, 26.25]);
  });

  it('should colour each year by its verdict and outline the selected year', () => {
    const bars = seriesAt(buildRotationSeriesOption(rows, options), 0).data as Item[];
    expect(bars.map((item) => item.itemStyle.color)).toEqual([
      CHART_COLORS.notMet,
      CHART_COLORS.noData,
      CHART_COLORS.met,
    ]);
    expect(bars.map((item) => item.itemStyle.borderWidth)).toEqual([undefined, undefined, 2]);
    expect(passColor(true)).toBe(CHART_COLORS.met);
  });

  it('should draw the 10% and 20% lines', () => {
    const option = buildRotationSeriesOption(rows, options);
    expect(markLineData(seriesAt(option, 0)).map((line) => line.yAxis)).toEqual([10]);
    expect(markLineData(seriesAt(option, 1)).map((line) => line.yAxis)).toEqual([20]);
    expect(axis(option, 'yAxis').max).toBeGreaterThanOrEqual(26.25);
  });

  it('should label both lines beside the plot, where no year’s bar or point can lie under the label', () => {
    const option = buildRotationSeriesOption(rows, options);
    for (const index of [0, 1]) {
      const label = (seriesAt(option, index).markLine as { label: { position: string; width: number } }).label;
      expect(label.position).toBe('end');
      expect((option.grid as { right: number }).right).toBeGreaterThan(label.width);
    }
  });

  it('should label bars in percent', () => {
    const label = seriesAt(buildRotationSeriesOption(rows, options), 0).label as { formatter: unknown };
    expect(callLabel(label.formatter, { value: 14.17 })).toBe('14.2%');
    expect(callLabel(label.formatter, { value: null })).toBe('');
  });

  it('should give the year’s figures and verdicts in the tooltip', () => {
    const option = buildRotationSeriesOption(rows, options);
    const first = tooltipText(option, 0);
    expect(first).toContain('2019 年');
    expect(first).toContain('6.6%（≥ 10% ✗ 未达标）');
    expect(first).toContain('13.9%（≥ 20% ✗ 未达标）');
    expect(tooltipText(option, 1)).toContain('无法计算');
    expect(tooltipText(option, 2)).toContain('14.2%（≥ 10% ✓ 达标）');
  });

  it('should build for no years', () => {
    const option = buildRotationSeriesOption([], options);
    expect(axis(option, 'xAxis').data).toEqual([]);
    expect(axis(option, 'yAxis').max).toBeGreaterThanOrEqual(20);
  });
});
