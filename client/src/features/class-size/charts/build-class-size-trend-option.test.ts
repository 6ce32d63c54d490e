import type { ClassSizeTrendRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, markLineData, seriesAt } from '../../../test-utils/chart-option.ts';
import { buildClassSizeTrendOption, formatClassSizeTooltip } from './build-class-size-trend-option.ts';

const row = (year: number, classes: number, large: number, huge: number, withoutData = 0): ClassSizeTrendRow => ({
  year,
  schoolsCounted: 3,
  classes,
  largeClasses: large,
  hugeClasses: huge,
  classesWithoutData: withoutData,
  largeShare: classes > 0 ? (large + huge) / classes : null,
  hugeShare: classes > 0 ? huge / classes : null,
  largeSharePasses: (large + huge) / classes > 0.05 ? false : withoutData > 0 ? null : true,
  hugeSharePasses: huge > 0 ? false : withoutData > 0 ? null : true,
  schoolsWithLargeClasses: large + huge > 0 ? 1 : 0,
  schoolsOverLimit: 0,
  schoolsUnknown: 0,
  oversizeSchools: 1,
});
type Item = { value: number | null; itemStyle: { color: string } };

describe(buildClassSizeTrendOption.name, () => {
  // 2024: (6 + 2) / 80 = 10 % > 5 %; 2023: 1 / 20 = 5 % meets; 2025: 0 / 40 with 10 classes unknown → unjudged.
  const rows = [row(2024, 80, 6, 2), row(2023, 20, 1, 0), row(2025, 40, 0, 0, 10)];
  const option = buildClassSizeTrendOption(rows, { lang: 'zh', largeTarget: 0.05, selectedYear: 2024 });

  it('should draw 56+ and 66+ shares in percent, oldest year first', () => {
    expect(axis(option, 'xAxis').data).toEqual(['2023', '2024', '2025']);
    expect((seriesAt(option, 0).data as Item[]).map((item) => item.value)).toEqual([5, 10, 0]);
    expect((seriesAt(option, 1).data as Item[]).map((item) => item.value)).toEqual([0, 2.5, 0]);
  });

  it('should colour each year by its verdict, grey when it cannot be judged, and draw the 5% line', () => {
    expect((seriesAt(option, 0).data as Item[]).map((item) => item.itemStyle.color)).toEqual([
      CHART_COLORS.met,
      CHART_COLORS.notMet,
      CHART_COLORS.noData,
    ]);
    expect(markLineData(seriesAt(option, 0))).toEqual([expect.objectContaining({ yAxis: 5 })]);
  });

  it('should name the classes without data in the tooltip', () => {
    const text = formatClassSizeTooltip(row(2025, 40, 0, 0, 10), { lang: 'zh', largeTarget: 0.05 });
    expect(text).toContain('无班额数据的班数');
    expect(text).toContain('无法判断');
  });
});
