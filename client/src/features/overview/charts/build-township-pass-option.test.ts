import {
  buildTownshipPassOption,
  summarizeTownshipPass,
  toggleTownshipFilter,
  townshipPassHeight,
} from '@junheng/shared/charts/build-township-pass-option.ts';
import { describe, expect, it } from 'vitest';
import { CHART_COLORS, FAIL_DECAL, PASS_FAIL_COLORS } from '../../../lib/chart-theme.ts';
import { axis, callLabel, seriesAt, seriesList, tooltipText } from '../../../test-utils/chart-option.ts';

const schools = [
  { townshipCode: '330999101', townshipName: '青石镇', passes: true },
  { townshipCode: '330999001', townshipName: '城东街道', passes: true },
  { townshipCode: '330999101', townshipName: '青石镇', passes: false },
  { townshipCode: '330999001', townshipName: '城东街道', passes: true },
  { townshipCode: '330999201', townshipName: '', passes: false },
];

describe(summarizeTownshipPass.name, () => {
  it('should count passing and failing schools per township in code order', () => {
    expect(summarizeTownshipPass(schools)).toEqual([
      { code: '330999001', name: '城东街道', passing: 2, failing: 0 },
      { code: '330999101', name: '青石镇', passing: 1, failing: 1 },
      { code: '330999201', name: '330999201', passing: 0, failing: 1 },
    ]);
  });

  it('should give no rows for no schools', () => {
    expect(summarizeTownshipPass([])).toEqual([]);
  });
});

describe(buildTownshipPassOption.name, () => {
  const rows = summarizeTownshipPass(schools);
  const sut = buildTownshipPassOption(rows, { lang: 'zh', selected: ['330999101'] });

  it('should stack passing (blue) and failing (vermilion, hatched) bars per township, not red against green', () => {
    expect(seriesList(sut)).toHaveLength(2);
    expect(seriesAt(sut, 0)).toEqual(
      expect.objectContaining({ stack: 'schools', data: [2, 1, 0], itemStyle: { color: PASS_FAIL_COLORS.pass } }),
    );
    expect(seriesAt(sut, 1)).toEqual(
      expect.objectContaining({
        stack: 'schools',
        data: [0, 1, 1],
        itemStyle: { color: PASS_FAIL_COLORS.fail, decal: FAIL_DECAL },
      }),
    );
    const colors = seriesList(sut).map((series) => (series.itemStyle as { color: string }).color);
    expect(colors).not.toContain(CHART_COLORS.met);
    expect(colors).not.toContain(CHART_COLORS.notMet);
  });

  it('should make the township names clickable and bold the selected one', () => {
    const yAxis = axis(sut, 'yAxis');
    expect(yAxis.triggerEvent).toBe(true);
    expect(yAxis.data).toEqual([
      { value: '城东街道', textStyle: {} },
      { value: '青石镇', textStyle: { fontWeight: 'bold', color: CHART_COLORS.mean } },
      { value: '330999201', textStyle: {} },
    ]);
  });

  it('should hide zero labels and give counts and the share in the tooltip', () => {
    const label = (seriesAt(sut, 0).label as { formatter: unknown }).formatter;
    expect(callLabel(label, { dataIndex: 0 })).toBe('2');
    expect(callLabel(label, { dataIndex: 2 })).toBe('');
    const text = tooltipText(sut, 1);
    expect(text).toContain('青石镇');
    expect(text).toContain('50.0%');
  });

  it('should size the chart by the number of townships', () => {
    expect(townshipPassHeight(12)).toBeGreaterThan(townshipPassHeight(2));
  });
});

describe(toggleTownshipFilter.name, () => {
  it('should filter to the township clicked, and clear when it is already the only one', () => {
    expect(toggleTownshipFilter([], '330999001')).toEqual(['330999001']);
    expect(toggleTownshipFilter(['330999001', '330999101'], '330999001')).toEqual(['330999001']);
    expect(toggleTownshipFilter(['330999001'], '330999001')).toEqual([]);
  });
});
