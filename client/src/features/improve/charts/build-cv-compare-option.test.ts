import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, callLabel, markLineData, seriesAt, seriesList, tooltipText } from '../../../test-utils/chart-option.ts';
import {
  afterBarColor,
  BEFORE_COLOR,
  buildCvCompareOption,
  type CvCompareRow,
  cvCompareHeight,
} from './build-cv-compare-option.ts';

const rows: CvCompareRow[] = [
  { key: 'backbone_teachers_per100', before: 0.572, after: 0.498, passesBefore: false, passesAfter: true },
  { key: 'sports_area_per_student', before: 0.36, after: 0.61, passesBefore: true, passesAfter: false },
  { key: 'equipment_value_per_student', before: 0.2, after: null, passesBefore: true, passesAfter: null },
];

describe(buildCvCompareOption.name, () => {
  const sut = buildCvCompareOption(rows, { lang: 'zh', cvLimit: 0.5 });

  it('should draw a before and an after bar per indicator in the given order', () => {
    expect(seriesList(sut)).toHaveLength(2);
    expect(axis(sut, 'yAxis')).toEqual(
      expect.objectContaining({ type: 'category', inverse: true, data: ['骨干教师', '体育场馆', '仪器设备值'] }),
    );
    expect(seriesAt(sut, 0)).toEqual(
      expect.objectContaining({ name: '调整前', data: [0.572, 0.36, 0.2], itemStyle: { color: BEFORE_COLOR } }),
    );
  });

  it('should colour the after bars by their verdict', () => {
    expect(seriesAt(sut, 1).data).toEqual([
      { value: 0.498, itemStyle: { color: CHART_COLORS.met } },
      { value: 0.61, itemStyle: { color: CHART_COLORS.notMet } },
      { value: null, itemStyle: { color: CHART_COLORS.noData } },
    ]);
    expect(afterBarColor(null)).toBe(CHART_COLORS.noData);
  });

  it('should draw the limit as a dashed line and reach past it on the axis', () => {
    expect(markLineData(seriesAt(sut, 0))).toEqual([{ name: 'limit', xAxis: 0.5 }]);
    expect(seriesAt(sut, 0).markLine).toEqual(
      expect.objectContaining({ lineStyle: expect.objectContaining({ type: 'dashed' }) }),
    );
    expect(axis(sut, 'xAxis').max as number).toBeGreaterThan(0.61);
  });

  it('should label the bars with three decimals and nothing for a missing value', () => {
    const label = (seriesAt(sut, 1).label as { formatter: unknown }).formatter;
    expect(callLabel(label, { dataIndex: 0 })).toBe('0.498');
    expect(callLabel(label, { dataIndex: 2 })).toBe('');
  });

  it('should give both values, the change and the limit in the tooltip', () => {
    const text = tooltipText(sut, 0);
    expect(text).toContain('每百名学生拥有县级以上骨干教师数');
    expect(text).toContain('0.572（超过限值）');
    expect(text).toContain('0.498（未超限值）');
    expect(text).toContain('-0.074');
    expect(text).toContain('≤ 0.50');
    expect(tooltipText(sut, 1)).toContain('+0.250');
  });

  it('should translate the legend', () => {
    const en = buildCvCompareOption(rows, { lang: 'en', cvLimit: 0.45 });
    expect((en.legend as { data: string[] }).data).toEqual(['Before', 'After']);
  });

  it('should build an empty chart for no rows', () => {
    const empty = buildCvCompareOption([], { lang: 'zh', cvLimit: 0.45 });
    expect(axis(empty, 'yAxis').data).toEqual([]);
    expect(axis(empty, 'xAxis').max as number).toBeGreaterThan(0.45);
    expect(cvCompareHeight(0)).toBeGreaterThan(0);
  });
});
