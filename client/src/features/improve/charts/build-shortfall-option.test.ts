import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, callLabel, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildShortfallOption, summarizeShortfalls } from './build-shortfall-option.ts';

const rows = [
  { key: 'sports_area_per_student', shortfall: 216, resourceUnit: 'square_metres' },
  { key: 'sports_area_per_student', shortfall: 84, resourceUnit: 'square_metres' },
  { key: 'equipment_value_per_student', shortfall: 123_456, resourceUnit: 'yuan' },
  { key: 'backbone_teachers_per100', shortfall: 2, resourceUnit: 'teachers' },
] as const;

describe(summarizeShortfalls.name, () => {
  it('should count schools and add the shortfall per indicator, all seven in the official order', () => {
    const sut = summarizeShortfalls(rows);
    expect(sut).toHaveLength(7);
    expect(sut[0]).toEqual({ key: 'higher_degree_teachers_per100', schools: 0, total: 0, unit: null });
    expect(sut.find((s) => s.key === 'sports_area_per_student')).toEqual({
      key: 'sports_area_per_student',
      schools: 2,
      total: 300,
      unit: 'square_metres',
    });
  });

  it('should give zeros for no rows', () => {
    expect(summarizeShortfalls([]).every((s) => s.schools === 0)).toBe(true);
  });
});

describe(buildShortfallOption.name, () => {
  const summaries = summarizeShortfalls(rows);
  const sut = buildShortfallOption(summaries, { lang: 'zh' });

  it('should draw one bar per indicator, red where schools fall short and green where none do', () => {
    expect(axis(sut, 'yAxis').data).toHaveLength(7);
    const data = seriesAt(sut).data as { value: number; itemStyle: { color: string } }[];
    expect(data[0]).toEqual({ value: 0, itemStyle: { color: CHART_COLORS.met } });
    expect(data[4]).toEqual({ value: 2, itemStyle: { color: CHART_COLORS.notMet } });
  });

  it('should label the counts and keep a readable axis when every count is 0', () => {
    expect(callLabel((seriesAt(sut).label as { formatter: unknown }).formatter, { dataIndex: 4 })).toBe('2');
    const empty = buildShortfallOption(summarizeShortfalls([]), { lang: 'zh' });
    expect(axis(empty, 'xAxis').max).toBe(4);
  });

  it('should give the total in natural units with 万 for money', () => {
    expect(tooltipText(sut, 4)).toContain('300 平方米');
    expect(tooltipText(sut, 5)).toContain('12.35 万元');
    expect(tooltipText(buildShortfallOption(summaries, { lang: 'en' }), 1)).toContain('2 teachers');
  });
});
