import { describe, expect, it } from 'vitest';
import { axis, callLabel, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildRatioTrendOption, type RatioTrendRow, townToRural } from './build-ratio-trend-option.ts';

const rows: RatioTrendRow[] = [
  { year: 2025, means: { urban: 7.6, town: 8.93, rural: 15.64 }, urbanToRural: 0.486 },
  { year: 2024, means: { urban: 7.0, town: null, rural: 15.0 }, urbanToRural: 0.467 },
];
const options = { lang: 'zh' as const, indicator: 'sports_area_per_student' as const, selectedYear: 2025 };

describe(townToRural.name, () => {
  it('should divide the town mean by the rural mean, or give null', () => {
    expect(townToRural({ means: { urban: 1, town: 9, rural: 15 } })).toBeCloseTo(0.6);
    expect(townToRural({ means: { urban: 1, town: 9, rural: 0 } })).toBeNull();
    expect(townToRural({ means: { urban: 1, town: null, rural: 3 } })).toBeNull();
  });
});

describe(buildRatioTrendOption.name, () => {
  it('should sort the years and draw both ratios against parity', () => {
    const option = buildRatioTrendOption(rows, options);
    expect(axis(option, 'xAxis').data).toEqual(['2024', '2025']);
    expect(seriesAt(option, 0).data).toEqual([0.467, 0.486]);
    expect((seriesAt(option, 1).data as (number | null)[])[0]).toBeNull();
    expect(markLineData(seriesAt(option, 0)).map((line) => line.yAxis)).toEqual([1]);
  });

  it('should put the higher line’s labels above and the other’s below', () => {
    const option = buildRatioTrendOption(rows, options);
    expect((seriesAt(option, 0).label as { position: string }).position).toBe('bottom');
    expect((seriesAt(option, 1).label as { position: string }).position).toBe('top');
  });

  it('should set the selected year in bold', () => {
    const label = axis(buildRatioTrendOption(rows, options), 'xAxis').axisLabel as { formatter: unknown };
    expect(callLabel(label.formatter, '2025')).toBe('{sel|2025}');
  });

  it('should give the ratios and the class means in the tooltip', () => {
    const text = tooltipText(buildRatioTrendOption(rows, options), 1);
    expect(text).toContain('2025 年');
    expect(text).toContain('0.49');
    expect(text).toContain('0.57');
    expect(text).toContain('15.64 平方米');
  });

  it('should build an empty chart for no years', () => {
    expect(axis(buildRatioTrendOption([], options), 'xAxis').data).toEqual([]);
  });
});
