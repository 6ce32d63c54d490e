import type { QualityIndicatorKey } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { FADED_OPACITY } from '../../../lib/locale-chart.ts';
import { axis, callLabel, markLineData, seriesAt, seriesList, tooltipOf } from '../../../test-utils/chart-option.ts';
import {
  buildLocaleMeansOption,
  classMean,
  type LocaleMeansGroup,
  type LocaleMeansReference,
  localeMeanColor,
  smallMultipleLayout,
} from './build-locale-means-option.ts';

const KEY: QualityIndicatorKey = 'sports_area_per_student';
const means = (value: number | null) =>
  ({ [KEY]: value, equipment_value_per_student: value === null ? null : value * 300 }) as LocaleMeansGroup['means'];
const groups: LocaleMeansGroup[] = [
  { locale: 'urban', schools: 15, students: 17669, means: means(7.6) },
  { locale: 'town', schools: 11, students: 6534, means: means(8.93) },
  { locale: 'rural', schools: 49, students: 7114, means: means(15.64) },
];
const references: LocaleMeansReference[] = [
  { key: KEY, threshold: 7.5, mean: 9.71 },
  { key: 'equipment_value_per_student', threshold: 2000, mean: null },
];
const build = (input: readonly LocaleMeansGroup[], selected: ('urban' | 'town' | 'rural')[] = []) =>
  buildLocaleMeansOption(input, { lang: 'zh', references, selected, height: 460 });

type Item = { value: number | null; itemStyle: { color: string; opacity: number } };

describe(buildLocaleMeansOption.name, () => {
  it('should draw one small multiple per indicator with the three classes in order', () => {
    const option = build(groups);
    const bars = seriesList(option).filter((series) => series.type === 'bar');
    expect(bars).toHaveLength(2);
    expect(axis(option, 'xAxis', 0).data).toEqual(['城区', '镇区', '乡村']);
    expect((seriesAt(option, 0).data as Item[]).map((item) => item.value)).toEqual([7.6, 8.93, 15.64]);
    expect(bars[1]).toEqual(expect.objectContaining({ xAxisIndex: 1, yAxisIndex: 1 }));
  });

  it('should colour class means green at or above the threshold and red below', () => {
    const low: LocaleMeansGroup[] = [
      { locale: 'urban', schools: 1, students: 10, means: means(7.4) },
      ...groups.slice(1),
    ];
    const data = seriesAt(build(low)).data as Item[];
    expect(data.map((item) => item.itemStyle.color)).toEqual([CHART_COLORS.notMet, CHART_COLORS.met, CHART_COLORS.met]);
  });

  it('should draw the threshold and the county mean as reference lines, the mean only when known', () => {
    const option = build(groups);
    expect(markLineData(seriesAt(option, 0)).map((line) => line.yAxis)).toEqual([7.5, 9.71]);
    expect(markLineData(seriesAt(option, 1)).map((line) => line.yAxis)).toEqual([2000]);
  });

  it('should fade the classes outside the locale filter', () => {
    const data = seriesAt(build(groups, ['rural'])).data as Item[];
    expect(data.map((item) => item.itemStyle.opacity)).toEqual([FADED_OPACITY, FADED_OPACITY, 1]);
    const label = axis(build(groups, ['rural']), 'xAxis', 0).axisLabel as { formatter: unknown };
    expect(callLabel(label.formatter, '乡村', 2)).toBe('{sel|乡村}');
    expect(callLabel(label.formatter, '城区', 0)).toBe('城区');
  });

  it('should leave a class without schools (or without data) empty and grey', () => {
    const empty = build([]);
    const data = seriesAt(empty).data as Item[];
    expect(data.map((item) => item.value)).toEqual([null, null, null]);
    expect(data[0]?.itemStyle.color).toBe(CHART_COLORS.noData);
    const noSchools = classMean({ locale: 'town', schools: 0, students: 0, means: means(3) }, KEY);
    expect(noSchools).toBeNull();
    expect(localeMeanColor(undefined, 7.5)).toBe(CHART_COLORS.noData);
  });

  it('should keep the axis above every bar and line, on round ticks', () => {
    const y = axis(build(groups), 'yAxis', 0);
    expect(y.max).toBeGreaterThanOrEqual(15.64);
    expect(Number.isInteger((y.max as number) / (y.interval as number))).toBe(true);
  });

  it('should give tooltips with the class mean, threshold, share and county mean', () => {
    const formatter = tooltipOf(build(groups)).formatter as (params: unknown) => string;
    const text = formatter({ seriesIndex: 0, dataIndex: 2 });
    expect(text).toContain('乡村 · 生均体育运动场馆面积');
    expect(text).toContain('15.64 平方米');
    expect(text).toContain('7.50 平方米');
    expect(text).toContain('208.5%');
    expect(text).toContain('9.71 平方米');
    expect(text).toContain('49 所学校，7,114 名学生');
    expect(formatter({ seriesIndex: 9, dataIndex: 0 })).toBe('');
  });
});

describe(smallMultipleLayout.name, () => {
  it('should place seven cells in two rows of four', () => {
    const cells = smallMultipleLayout(7, 4, 460);
    expect(cells).toHaveLength(7);
    expect(cells[0]?.left).toBe('0.50%');
    expect(cells[4]?.top).toBeGreaterThan(cells[0]?.top ?? 0);
    expect(cells[3]?.top).toBe(cells[0]?.top);
  });

  it('should use one full-width cell for a single indicator', () => {
    const [cell] = smallMultipleLayout(1, 4, 300);
    expect(cell?.width).toBe('97.50%');
  });
});
