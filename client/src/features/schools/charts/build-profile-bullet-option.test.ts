import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import {
  type BulletIndicator,
  buildProfileBulletOption,
  bulletColor,
  formatRank,
  percentAxisMax,
  shareOfThreshold,
} from './build-profile-bullet-option.ts';

const row = (overrides: Partial<BulletIndicator>): BulletIndicator => ({
  key: 'sports_area_per_student',
  value: 7.84,
  threshold: 7.5,
  met: true,
  countyMean: 9.71,
  rank: 63,
  n: 75,
  relativeToMean: 0.808,
  ...overrides,
});
const rows = [
  row({}),
  row({ key: 'pe_art_teachers_per100', value: 0.81, threshold: 0.9, met: false, countyMean: 1.06, rank: 70 }),
  row({ key: 'multimedia_rooms_per100', value: 1.2, threshold: 2.3, met: false, countyMean: 2.5 }),
  row({ key: 'backbone_teachers_per100', value: null, threshold: 1, met: null, countyMean: null, rank: null }),
];
type Item = { value: number | null; itemStyle: { color: string } };

describe(bulletColor.name, () => {
  it('should be green when met, amber for a miss of at least 85%, red below, grey without a value', () => {
    expect(rows.map(bulletColor)).toEqual([
      CHART_COLORS.met,
      CHART_COLORS.near,
      CHART_COLORS.notMet,
      CHART_COLORS.noData,
    ]);
    expect(shareOfThreshold(null, 2)).toBeNull();
    expect(shareOfThreshold(3, 0)).toBeNull();
  });
});

describe(buildProfileBulletOption.name, () => {
  it('should draw each value as a share of its threshold, with the county mean as a tick', () => {
    const option = buildProfileBulletOption(rows, { lang: 'zh' });
    expect((seriesAt(option, 0).data as Item[]).map((item) => item.value)).toEqual([104.53, 90, 52.17, null]);
    expect(seriesAt(option, 1).data).toEqual([
      [129.47, 0],
      [117.78, 1],
      [108.7, 2],
    ]);
    expect(markLineData(seriesAt(option, 0)).map((line) => line.xAxis)).toEqual([100]);
  });

  it('should list the names on the left and the values in their units on the right', () => {
    const option = buildProfileBulletOption(rows, { lang: 'zh' });
    expect(axis(option, 'yAxis', 0).data).toEqual(['体育场馆', '体艺教师', '多媒体教室', '骨干教师']);
    expect(axis(option, 'yAxis', 1).data).toEqual(['7.84 平方米', '0.81 人', '1.20 间', '—']);
    expect(axis(option, 'xAxis')).toEqual(expect.objectContaining({ max: 150, interval: 50 }));
    expect(percentAxisMax([100])).toBe(150);
    expect(percentAxisMax([191.4, null])).toBe(250);
  });

  it('should give value, threshold, share, county mean and rank in the tooltip', () => {
    const option = buildProfileBulletOption(rows, { lang: 'zh' });
    const text = tooltipText(option, 1);
    expect(text).toContain('0.81 人');
    expect(text).toContain('0.90 人');
    expect(text).toContain('90.0% ✗ 未达到');
    expect(text).toContain('1.06 人');
    expect(text).toContain('第 70 / 75 名');
    expect(tooltipText(option, 3)).toContain('未参与排名');
  });

  it('should build for no indicators', () => {
    const option = buildProfileBulletOption([], { lang: 'en' });
    expect(axis(option, 'yAxis', 0).data).toEqual([]);
    expect(formatRank(3, 40, 'en')).toBe('3 of 40');
  });
});
