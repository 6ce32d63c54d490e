import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../lib/chart-theme.ts';
import { axis, markLineData, seriesAt, tooltipText } from '../../test-utils/chart-option.ts';
import {
  buildComparableStandingOption,
  formatStandingTooltip,
  percentOfStandard,
  type StandingRow,
  standingBox,
  summariseRanks,
} from './build-comparable-standing-option.ts';

const standing = (over: Partial<StandingRow['standing']> = {}): StandingRow['standing'] => ({
  n: 8,
  min: 0,
  q1: 2,
  median: 3,
  q3: 7,
  max: 10,
  rank: 4,
  of: 9,
  ...over,
});

const rows: StandingRow[] = [
  { key: 'higher_degree_teachers_per100', threshold: 4, value: 5, met: true, standing: standing() },
  {
    key: 'sports_area_per_student',
    threshold: 7.5,
    value: 6,
    met: false,
    standing: standing({ min: 7.5, q1: 7.5, median: 15, q3: 15, max: 30, rank: 9 }),
  },
  {
    key: 'backbone_teachers_per100',
    threshold: 1,
    value: null,
    met: null,
    standing: { n: 0, min: null, q1: null, median: null, q3: null, max: null, rank: null, of: 0 },
  },
];

type Dot = { value: [number | string, number]; itemStyle: { color: string } };

describe(buildComparableStandingOption.name, () => {
  it('should draw the comparators as boxes in % of the standard, one row per indicator in order', () => {
    const option = buildComparableStandingOption(rows, { lang: 'zh' });
    expect(axis(option, 'yAxis').data).toEqual(['高学历教师', '体育场馆', '骨干教师']);
    expect(axis(option, 'yAxis').inverse).toBe(true);
    const boxes = seriesAt(option, 0);
    expect(boxes.type).toBe('boxplot');
    expect(boxes.data).toEqual([
      [0, 50, 75, 175, 250],
      [100, 100, 200, 200, 400],
      ['-', '-', '-', '-', '-'],
    ]);
  });

  it('should put the school as a dot coloured met / not met, and the standard as a dashed line at 100%', () => {
    const option = buildComparableStandingOption(rows, { lang: 'zh' });
    const dots = seriesAt(option, 1).data as Dot[];
    expect(dots.map((d) => d.value)).toEqual([
      [125, 0],
      [80, 1],
      ['-', 2],
    ]);
    expect(dots.map((d) => d.itemStyle.color)).toEqual([CHART_COLORS.met, CHART_COLORS.notMet, CHART_COLORS.met]);
    expect(markLineData(seriesAt(option, 1))).toEqual([{ xAxis: 100 }]);
    // The axis reaches past the largest whisker (400%) and always shows the standard.
    expect(axis(option, 'xAxis').max as number).toBeGreaterThanOrEqual(400);
    expect(axis(option, 'xAxis').min).toBe(0);
  });

  it('should keep an empty axis readable when nothing has a value', () => {
    const option = buildComparableStandingOption([rows[2] as StandingRow], { lang: 'en' });
    expect(axis(option, 'xAxis').max as number).toBeGreaterThanOrEqual(100);
    expect(seriesAt(option, 0).data).toEqual([['-', '-', '-', '-', '-']]);
  });

  it('should say in the tooltip the value, rank, median, quartiles, range and standard', () => {
    const option = buildComparableStandingOption(rows, { lang: 'zh' });
    const text = tooltipText(option, 1);
    expect(text).toContain('生均体育运动场馆面积');
    expect(text).toContain('6.00 平方米 ✗');
    expect(text).toContain('9 / 9');
    expect(text).toContain('15.00 平方米');
    expect(text).toContain('7.50 平方米 – 15.00 平方米');
    expect(formatStandingTooltip(rows[2] as StandingRow, 'en')).toContain('Rank');
  });
});

describe(standingBox.name, () => {
  it('should scale the five numbers by the threshold and give null without comparators', () => {
    expect(standingBox(rows[0] as StandingRow)).toEqual([0, 50, 75, 175, 250]);
    expect(standingBox(rows[2] as StandingRow)).toBeNull();
    expect(percentOfStandard(null, 4)).toBeNull();
    expect(percentOfStandard(2, 4)).toBe(50);
  });
});

describe(summariseRanks.name, () => {
  it('should list each indicator with the school rank, a dash when it has none', () => {
    expect(summariseRanks(rows, 'zh')).toBe('高学历教师 4 / 9；体育场馆 9 / 9；骨干教师 —');
    expect(summariseRanks(rows.slice(0, 1), 'en')).toBe('Higher-degree teachers 4 of 9');
  });
});
