import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, markLineData, seriesAt, seriesList, tooltipText } from '../../../test-utils/chart-option.ts';
import {
  buildSchoolCompareOption,
  COMPARE_COLORS,
  type CompareSchool,
  compareYears,
} from './build-school-compare-option.ts';

const schools: CompareSchool[] = [
  {
    code: 'A',
    name: '实验小学',
    points: [
      { year: 2024, value: 5.4, met: true },
      { year: 2025, value: 5.5, met: true },
    ],
  },
  { code: 'B', name: '白沙二小', points: [{ year: 2025, value: 4.0, met: false }] },
];
const options = {
  lang: 'zh' as const,
  indicator: 'higher_degree_teachers_per100' as const,
  threshold: 4.2,
  countyMeans: [
    { year: 2024, mean: 5.2 },
    { year: 2025, mean: 5.37 },
  ],
  selectedYear: 2025,
};
type Item = { value: number | null; itemStyle: { borderColor: string; borderWidth: number } };

describe(buildSchoolCompareOption.name, () => {
  it('should draw one bar series per school over the union of years, and the county mean line', () => {
    const option = buildSchoolCompareOption(schools, options);
    expect(compareYears(schools, options.countyMeans)).toEqual([2024, 2025]);
    expect(axis(option, 'xAxis').data).toEqual(['2024', '2025']);
    expect((seriesAt(option, 1).data as Item[]).map((item) => item.value)).toEqual([null, 4]);
    expect((seriesAt(option, 0).itemStyle as { color: string }).color).toBe(COMPARE_COLORS[0]);
    expect(seriesAt(option, 2)).toEqual(expect.objectContaining({ type: 'line', data: [5.2, 5.37] }));
  });

  it('should outline a value below the threshold in red and draw the threshold line once', () => {
    const option = buildSchoolCompareOption(schools, options);
    const b = seriesAt(option, 1).data as Item[];
    expect(b[1]?.itemStyle).toEqual(expect.objectContaining({ borderColor: CHART_COLORS.notMet, borderWidth: 2 }));
    expect(markLineData(seriesAt(option, 0)).map((line) => line.yAxis)).toEqual([4.2]);
    expect(seriesAt(option, 1).markLine).toBeUndefined();
    expect(seriesList(option).at(-1)).toEqual(expect.objectContaining({ name: '标准 4.20', data: [] }));
  });

  it('should list every school with ✓ / ✗ in the tooltip', () => {
    const text = tooltipText(buildSchoolCompareOption(schools, options), 1);
    expect(text).toContain('实验小学：<b>5.50 人 ✓</b>');
    expect(text).toContain('白沙二小：<b>4.00 人 ✗</b>');
    expect(text).toContain('5.37 人');
    expect(tooltipText(buildSchoolCompareOption(schools, options), 0)).toContain('白沙二小：<b>—</b>');
  });

  it('should build for one school and no threshold', () => {
    const option = buildSchoolCompareOption([schools[0] as CompareSchool], {
      ...options,
      threshold: null,
      countyMeans: [],
    });
    expect(seriesList(option)).toHaveLength(2);
    expect(seriesAt(option, 0).markLine).toBeUndefined();
  });
});
