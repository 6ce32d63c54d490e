import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { basicBalanceFixture } from '../../../test-utils/fixtures.ts';
import { buildBasicCvOption, formatBasicCvTooltip } from './build-basic-cv-option.ts';

describe(buildBasicCvOption.name, () => {
  it('should draw the CVs in one neutral colour with the composite and its limit as reference lines', () => {
    const sut = buildBasicCvOption(basicBalanceFixture(), { lang: 'zh' });
    expect(seriesAt(sut).data).toEqual([0.2, 0.4]);
    expect(seriesAt(sut).itemStyle).toEqual({ color: CHART_COLORS.neutral });
    expect(markLineData(seriesAt(sut))).toEqual([
      expect.objectContaining({ name: 'compositeLimit', xAxis: 0.65 }),
      expect.objectContaining({
        name: 'composite',
        xAxis: 0.3,
        lineStyle: expect.objectContaining({ color: CHART_COLORS.met }),
        label: expect.objectContaining({ formatter: '综合 0.300' }),
      }),
    ]);
    expect(axis(sut, 'yAxis').data).toEqual(['教学辅助用房', '图书']);
  });

  it('should colour the composite line red when it is over the limit', () => {
    const sut = buildBasicCvOption(basicBalanceFixture({ compositeCv: 0.7, compositePasses: false }), { lang: 'zh' });
    expect(markLineData(seriesAt(sut))[1]).toEqual(
      expect.objectContaining({ lineStyle: expect.objectContaining({ color: CHART_COLORS.notMet }) }),
    );
    expect(axis(sut, 'xAxis')).toEqual(expect.objectContaining({ max: 0.8, interval: 0.2 }));
  });

  it('should label each bar "fewer than 2 schools" when one row is counted (#15.6)', () => {
    const one = basicBalanceFixture();
    const sut = buildBasicCvOption(
      {
        ...one,
        indicators: one.indicators.map((i) => ({ ...i, n: 1, cv: null, cvNullReason: 'too_few_units' as const })),
        compositeCv: null,
        compositePasses: null,
        compositeNullReason: 'too_few_units',
      },
      { lang: 'zh' },
    );
    const series = seriesAt(sut) as unknown as { data: number[]; label: { formatter: (p: object) => string } };
    expect(series.data).toEqual([0, 0]);
    expect([0, 1].map((dataIndex) => series.label.formatter({ dataIndex }))).toEqual([
      '少于 2 所学校',
      '少于 2 所学校',
    ]);
  });

  it('should leave out the composite line when it cannot be computed', () => {
    const sut = buildBasicCvOption(basicBalanceFixture({ compositeCv: null, compositePasses: null }), { lang: 'en' });
    expect(markLineData(seriesAt(sut)).map((line) => line.name)).toEqual(['compositeLimit']);
  });

  it('should show the weighted mean with its unit in the tooltip', () => {
    const sut = buildBasicCvOption(basicBalanceFixture(), { lang: 'zh' });
    expect(tooltipText(sut, 1)).toContain('30.0 册/生');
    const [roomArea] = basicBalanceFixture().indicators;
    if (!roomArea) throw new Error('fixture has no indicator');
    expect(formatBasicCvTooltip(roomArea, 'en')).toContain('6.00 m²');
  });
});
