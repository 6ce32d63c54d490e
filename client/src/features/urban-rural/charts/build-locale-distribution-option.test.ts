import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, markLineData, seriesAt, seriesList, tooltipOf } from '../../../test-utils/chart-option.ts';
import {
  buildLocaleDistributionOption,
  computeBoxStats,
  type DistributionSchool,
  distributionCategories,
  jitterOffset,
  schoolSymbolSize,
} from './build-locale-distribution-option.ts';

const school = (code: string, locale: DistributionSchool['locale'], value: number | null, met: boolean | null) => ({
  code,
  name: `学校${code}`,
  townshipName: '城东街道',
  locale,
  students: 400,
  value,
  met,
});
const schools: DistributionSchool[] = [
  school('A', 'urban', 7.2, false),
  school('B', 'urban', 8.1, true),
  school('C', 'rural', 15.6, true),
  school('D', 'rural', null, null),
];
const options = { lang: 'zh' as const, indicator: 'sports_area_per_student' as const, threshold: 7.5, mean: 9.71 };
type Point = { name: string; value: [number, number]; symbolSize: number };

describe(computeBoxStats.name, () => {
  it('should give Excel QUARTILE.INC quartiles', () => {
    expect(computeBoxStats([1, 2, 3, 4, 5, 6, 7, 8])).toEqual({
      n: 8,
      min: 1,
      q1: 2.75,
      median: 4.5,
      q3: 6.25,
      max: 8,
    });
  });

  it('should skip missing values and give null for none', () => {
    expect(computeBoxStats([null, 4])).toEqual({ n: 1, min: 4, q1: 4, median: 4, q3: 4, max: 4 });
    expect(computeBoxStats([null])).toBeNull();
  });
});

describe(jitterOffset.name, () => {
  it('should be stable and stay inside the band', () => {
    for (const code of ['2133990101', '2133991322', 'x', '']) {
      const offset = jitterOffset(code);
      expect(offset).toBe(jitterOffset(code));
      expect(Math.abs(offset)).toBeLessThanOrEqual(0.3);
    }
    expect(jitterOffset('2133990101')).not.toBe(jitterOffset('2133990138'));
  });
});

describe(buildLocaleDistributionOption.name, () => {
  it('should put only classes with values on the axis, and a box per class', () => {
    const option = buildLocaleDistributionOption(schools, options);
    expect(distributionCategories(schools)).toEqual(['urban', 'rural']);
    expect(axis(option, 'xAxis', 0).data).toEqual(['城区', '乡村']);
    const box = seriesAt(option, 0);
    expect(box.type).toBe('boxplot');
    expect((box.data as { value: number[] }[]).map((item) => item.value)).toEqual([
      [7.2, 7.425, 7.65, 7.875, 8.1],
      [15.6, 15.6, 15.6, 15.6, 15.6],
    ]);
  });

  it('should split points into met (green) and not met (red), named by school code, placed in their band', () => {
    const option = buildLocaleDistributionOption(schools, options);
    const scatter = seriesList(option).filter((series) => series.type === 'scatter');
    expect(scatter.map((series) => (series.itemStyle as { color: string }).color)).toEqual([
      CHART_COLORS.met,
      CHART_COLORS.notMet,
    ]);
    const met = scatter[0]?.data as Point[];
    expect(met.map((point) => point.name)).toEqual(['B', 'C']);
    expect(Math.round(met[1]?.value[0] ?? -9)).toBe(1);
    expect(met[1]?.value[1]).toBe(15.6);
    expect(met[0]?.symbolSize).toBe(schoolSymbolSize(400));
  });

  it('should draw the threshold and the county mean across', () => {
    const scatter = seriesList(buildLocaleDistributionOption(schools, options)).find((s) => s.type === 'scatter');
    expect(markLineData(scatter ?? {}).map((line) => line.yAxis)).toEqual([7.5, 9.71]);
    const noThreshold = buildLocaleDistributionOption(schools, { ...options, threshold: null, mean: null });
    const first = seriesList(noThreshold).find((s) => s.type === 'scatter');
    expect(markLineData(first ?? {})).toEqual([]);
  });

  it('should ring the highlighted school', () => {
    const option = buildLocaleDistributionOption(schools, { ...options, highlightCode: 'A' });
    const notMet = seriesList(option).filter((s) => s.type === 'scatter')[1]?.data as { itemStyle: object }[];
    expect(notMet[0]?.itemStyle).toEqual(expect.objectContaining({ borderWidth: 2.5 }));
  });

  it('should build an empty chart for no schools and one box for a single school', () => {
    const empty = buildLocaleDistributionOption([], options);
    expect(axis(empty, 'xAxis', 0).data).toEqual([]);
    const single = buildLocaleDistributionOption([schools[0] as DistributionSchool], options);
    expect(axis(single, 'xAxis', 0).data).toEqual(['城区']);
  });

  it('should format school and box tooltips', () => {
    const formatter = tooltipOf(buildLocaleDistributionOption(schools, options)).formatter as (p: unknown) => string;
    const point = formatter({ seriesType: 'scatter', name: 'A' });
    expect(point).toContain('学校A');
    expect(point).toContain('7.20 平方米');
    expect(point).toContain('未达到（96.0%）');
    expect(point).toContain('9.71 平方米');
    const box = formatter({ seriesType: 'boxplot', dataIndex: 0 });
    expect(box).toContain('城区 · 2 所学校');
    expect(box).toContain('中位数');
    expect(box).toContain('7.65 平方米');
    expect(formatter({ seriesType: 'scatter', name: 'nope' })).toBe('');
  });
});
