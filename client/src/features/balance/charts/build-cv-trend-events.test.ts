import { describe, expect, it } from 'vitest';
import { markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildCvTrendOption, SCHOOL_EVENT_COLOR, type TrendPoint } from './build-cv-trend-option.ts';

const point = (year: number, cv: number): TrendPoint => ({
  year,
  cv,
  cvPasses: cv <= 0.5,
  mean: 9,
  threshold: 7.5,
  n: 70,
  schoolsMeeting: 60,
  cvLimit: 0.5,
});
const points = [point(2023, 0.4), point(2024, 0.42), point(2025, 0.38)];
const base = { lang: 'zh' as const, indicator: 'sports_area_per_student' as const, cvLimit: 0.5, threshold: 7.5 };

describe('school-change markers on the CV trend (issue #13)', () => {
  it('should draw a labelled vertical line at each year with changes, beside the limit line', () => {
    const sut = buildCvTrendOption(points, { ...base, schoolEventYears: [{ year: 2024, count: 3 }] });
    const top = markLineData(seriesAt(sut, 0)) as { name: string; xAxis?: string; label?: { formatter?: string } }[];
    expect(top.map((d) => d.name)).toEqual(['limit', 'schoolEvents-2024']);
    expect(top[1]).toMatchObject({ xAxis: '2024', label: { show: true, formatter: '学校变动 3' } });
    expect(top[1]).toMatchObject({ lineStyle: { color: SCHOOL_EVENT_COLOR } });
    // The lower panel draws the same line, unlabelled.
    const bottom = markLineData(seriesAt(sut, 1)) as { name: string; label?: { show: boolean } }[];
    expect(bottom.map((d) => d.name)).toEqual(['threshold', 'schoolEvents-2024']);
    expect(bottom[1]?.label?.show).toBe(false);
  });

  it('should leave out years outside the chart and draw lines without a limit', () => {
    const sut = buildCvTrendOption(points, {
      ...base,
      cvLimit: null,
      threshold: null,
      schoolEventYears: [
        { year: 2019, count: 1 },
        { year: 2025, count: 2 },
      ],
    });
    expect((markLineData(seriesAt(sut, 0)) as { name: string }[]).map((d) => d.name)).toEqual(['schoolEvents-2025']);
  });

  it('should have no marker without events', () => {
    const sut = buildCvTrendOption(points, base);
    expect((markLineData(seriesAt(sut, 0)) as { name: string }[]).map((d) => d.name)).toEqual(['limit']);
  });

  it('should name the changes of the year in the tooltip', () => {
    const sut = buildCvTrendOption(points, { ...base, schoolEventYears: [{ year: 2024, count: 3 }] });
    expect(tooltipText(sut, 1)).toMatch(/学校变动.*3/);
    expect(tooltipText(sut, 0)).not.toContain('学校变动');
  });
});
