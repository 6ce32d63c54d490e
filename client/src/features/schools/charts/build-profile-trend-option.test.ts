import type { ProfilePart } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import {
  buildProfileTrendOption,
  type ProfileTrendPoint,
  profileTrendPoints,
  valueLabelPosition,
} from './build-profile-trend-option.ts';

const indicator = (year: number, value: number | null, met: boolean | null) => ({
  key: 'sports_area_per_student' as const,
  zh: '生均体育运动场馆面积',
  value,
  threshold: 7.5,
  met,
  countyMean: 9 + (year - 2023) * 0.1,
  countyCv: 0.3,
  cvLimit: 0.5,
  rank: 5,
  n: 75,
  relativeToMean: 0.9,
});
const part = (year: number, stage: 'primary' | 'junior', value: number | null, met: boolean | null) =>
  ({ year, stage, indicators: [indicator(year, value, met)] }) as Pick<ProfilePart, 'year' | 'stage' | 'indicators'>;
const parts = [part(2024, 'primary', 7.2, false), part(2023, 'primary', 8, true), part(2024, 'junior', 11, true)];
const options = {
  lang: 'zh' as const,
  indicator: 'sports_area_per_student' as const,
  schoolName: '实验小学',
  selectedYear: 2024,
};

describe(profileTrendPoints.name, () => {
  it('should take one stage, oldest year first', () => {
    expect(profileTrendPoints(parts, 'primary', 'sports_area_per_student').map((p) => [p.year, p.value])).toEqual([
      [2023, 8],
      [2024, 7.2],
    ]);
    expect(profileTrendPoints(parts, 'primary', 'multimedia_rooms_per100')).toEqual([]);
  });
});

describe(buildProfileTrendOption.name, () => {
  const points: ProfileTrendPoint[] = profileTrendPoints(parts, 'primary', 'sports_area_per_student');

  it('should draw the school against the county mean with the threshold line', () => {
    const option = buildProfileTrendOption(points, options);
    expect(axis(option, 'xAxis').data).toEqual(['2023', '2024']);
    const school = seriesAt(option, 0).data as { value: number; itemStyle: { color: string } }[];
    expect(school.map((item) => item.itemStyle.color)).toEqual([CHART_COLORS.met, CHART_COLORS.notMet]);
    expect(seriesAt(option, 1).data).toEqual([9, 9.1]);
    expect(markLineData(seriesAt(option, 0)).map((line) => line.yAxis)).toEqual([7.5]);
  });

  it('should put a value just under the threshold line below its point, so the dashed line does not strike it', () => {
    // Axis 0 … 10 (largest 9.1 × 1.1 → 10): 7.2 is 0.3 under the 7.5 line (≤ 1.2 = 12% of 10); 8 is above it.
    const school = seriesAt(buildProfileTrendOption(points, options), 0).data as { label: { position: string } }[];
    expect(school.map((item) => item.label.position)).toEqual(['top', 'bottom']);
    expect(valueLabelPosition(5, 7.5, 10)).toBe('top');
    expect(valueLabelPosition(7.5, 7.5, 10)).toBe('bottom');
    expect(valueLabelPosition(7.6, 7.5, 10)).toBe('top');
    expect(valueLabelPosition(null, 7.5, 10)).toBe('top');
  });

  it('should give the year’s value, county mean, threshold and rank in the tooltip', () => {
    const text = tooltipText(buildProfileTrendOption(points, options), 1);
    expect(text).toContain('2024 年');
    expect(text).toContain('实验小学');
    expect(text).toContain('7.20 平方米');
    expect(text).toContain('9.10 平方米');
    expect(text).toContain('第 5 / 75 名');
  });

  it('should build without points and without a threshold line', () => {
    const option = buildProfileTrendOption([], options);
    expect(axis(option, 'xAxis').data).toEqual([]);
    expect(seriesAt(option, 0).markLine).toBeUndefined();
  });
});
