import type { LocaleRatio } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { axis, callLabel, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { buildLocaleRatioOption } from './build-locale-ratio-option.ts';

const rows: LocaleRatio[] = [
  {
    key: 'sports_area_per_student',
    urbanMean: 7.6,
    townMean: 8.93,
    ruralMean: 15.64,
    urbanToRural: 0.486,
    townToRural: 0.571,
  },
  {
    key: 'equipment_value_per_student',
    urbanMean: 3754,
    townMean: null,
    ruralMean: 2603,
    urbanToRural: 1.45,
    townToRural: null,
  },
];

describe(buildLocaleRatioOption.name, () => {
  it('should draw urban ÷ rural and town ÷ rural per indicator against parity', () => {
    const option = buildLocaleRatioOption(rows, { lang: 'zh' });
    expect(axis(option, 'yAxis').data).toEqual(['体育场馆', '仪器设备值']);
    expect(seriesAt(option, 0).data).toEqual([0.486, 1.45]);
    expect(seriesAt(option, 1).data).toEqual([0.571, null]);
    expect(markLineData(seriesAt(option, 0)).map((line) => line.xAxis)).toEqual([1]);
    expect(axis(option, 'xAxis').max).toBeGreaterThanOrEqual(1.45);
  });

  it('should label bars with two decimals and a dash for a missing ratio', () => {
    const label = seriesAt(buildLocaleRatioOption(rows, { lang: 'zh' }), 1).label as { formatter: unknown };
    expect(callLabel(label.formatter, { value: 0.571 })).toBe('0.57');
    expect(callLabel(label.formatter, { value: null })).toBe('—');
  });

  it('should set the selected indicator in bold', () => {
    const option = buildLocaleRatioOption(rows, { lang: 'zh', selectedIndicator: 'equipment_value_per_student' });
    const label = axis(option, 'yAxis').axisLabel as { formatter: unknown };
    expect(callLabel(label.formatter, '仪器设备值', 1)).toBe('{sel|仪器设备值}');
    expect(callLabel(label.formatter, '体育场馆', 0)).toBe('体育场馆');
  });

  it('should give the means of the three classes in the tooltip', () => {
    const text = tooltipText(buildLocaleRatioOption(rows, { lang: 'zh' }), 1);
    expect(text).toContain('生均教学仪器设备值');
    expect(text).toContain('1.45');
    expect(text).toContain('3,754 元');
    expect(text).toContain('镇区：<b>—</b>');
  });

  it('should build for no rows', () => {
    const option = buildLocaleRatioOption([], { lang: 'en' });
    expect(axis(option, 'yAxis').data).toEqual([]);
    expect(axis(option, 'xAxis').max).toBeGreaterThanOrEqual(1);
  });
});
