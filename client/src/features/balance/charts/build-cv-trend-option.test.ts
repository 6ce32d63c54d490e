import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, callLabel, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildCvTrendOption, formatTrendTooltip, type TrendPoint } from './build-cv-trend-option.ts';

const point = (year: number, cv: number | null, mean: number | null): TrendPoint => ({
  year,
  cv,
  cvPasses: cv === null ? null : cv <= 0.5,
  mean,
  threshold: 7.5,
  n: 70,
  schoolsMeeting: 60,
  cvLimit: 0.5,
});

const options = {
  lang: 'zh' as const,
  indicator: 'sports_area_per_student' as const,
  cvLimit: 0.5,
  threshold: 7.5,
  selectedYear: 2025,
};

describe(buildCvTrendOption.name, () => {
  const sut = buildCvTrendOption([point(2025, 0.36, 9.7), point(2023, 0.55, 8.7), point(2024, 0.42, null)], options);

  it('should sort the years and share them between the two panels', () => {
    expect(axis(sut, 'xAxis', 0).data).toEqual(['2023', '2024', '2025']);
    expect(axis(sut, 'xAxis', 1).data).toEqual(['2023', '2024', '2025']);
  });

  it('should colour CV points by the limit and draw the limit line', () => {
    expect(seriesAt(sut, 0).data).toEqual([
      { value: 0.55, itemStyle: { color: CHART_COLORS.notMet } },
      { value: 0.42, itemStyle: { color: CHART_COLORS.met } },
      { value: 0.36, itemStyle: { color: CHART_COLORS.met } },
    ]);
    expect(markLineData(seriesAt(sut, 0))).toEqual([{ name: 'limit', yAxis: 0.5 }]);
  });

  it('should plot the weighted mean in its own panel with the threshold line', () => {
    expect(seriesAt(sut, 1)).toEqual(expect.objectContaining({ xAxisIndex: 1, yAxisIndex: 1, data: [8.7, null, 9.7] }));
    expect(markLineData(seriesAt(sut, 1))).toEqual([{ name: 'threshold', yAxis: 7.5 }]);
    expect(axis(sut, 'yAxis', 1)).toEqual(expect.objectContaining({ max: 15, interval: 5 }));
    expect(axis(sut, 'yAxis', 0)).toEqual(expect.objectContaining({ max: 0.75, interval: 0.25 }));
  });

  it('should mark the selected year on the axis', () => {
    const formatter = (axis(sut, 'xAxis', 1).axisLabel as { formatter: unknown }).formatter;
    expect(callLabel(formatter, '2025')).toBe('{sel|2025}');
    expect(callLabel(formatter, '2024')).toBe('2024');
  });

  it('should leave out the lines of an indicator without limit or threshold', () => {
    const basic = buildCvTrendOption([point(2025, 0.2, 30)], {
      ...options,
      indicator: 'books_per_student',
      cvLimit: null,
      threshold: null,
    });
    expect(seriesAt(basic, 0).markLine).toBeUndefined();
    expect(seriesAt(basic, 1).markLine).toBeUndefined();
  });

  it('should give exact values with units in the tooltip', () => {
    expect(tooltipText(sut, 0)).toContain('2023 年');
    expect(tooltipText(sut, 0)).toContain('8.70 平方米');
    expect(formatTrendTooltip(point(2024, null, null), options)).toContain('<b>—</b>');
  });

  it('should build an empty chart for no years', () => {
    const empty = buildCvTrendOption([], options);
    expect(axis(empty, 'xAxis', 1).data).toEqual([]);
    expect(seriesAt(empty, 0).data).toEqual([]);
  });
});
