import {
  buildCvBarOption,
  cvBarColor,
  cvBarLabel,
  formatCvTooltip,
} from '@junheng/shared/charts/build-cv-bar-option.ts';
import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { axis, callLabel, markLineData, seriesAt, tooltipText } from '../../../test-utils/chart-option.ts';
import { qualityIndicatorFixture } from '../../../test-utils/fixtures.ts';

const indicators = [
  qualityIndicatorFixture('higher_degree_teachers_per100', { cv: 0.12, cvPasses: true }),
  qualityIndicatorFixture('sports_area_per_student', { cv: 0.62, cvPasses: false, mean: 9.706, sd: 6.02 }),
  qualityIndicatorFixture('equipment_value_per_student', { cv: null, cvPasses: null, mean: null }),
];

describe(buildCvBarOption.name, () => {
  const sut = buildCvBarOption(indicators, { lang: 'zh', cvLimit: 0.5 });

  it('should keep the official order top to bottom with short labels', () => {
    expect(axis(sut, 'yAxis')).toEqual(
      expect.objectContaining({ type: 'category', inverse: true, data: ['高学历教师', '体育场馆', '仪器设备值'] }),
    );
  });

  it('should colour each bar by its CV verdict, grey when not computable', () => {
    expect(seriesAt(sut).data).toEqual([
      { value: 0.12, itemStyle: { color: CHART_COLORS.met } },
      { value: 0.62, itemStyle: { color: CHART_COLORS.notMet } },
      { value: 0, itemStyle: { color: CHART_COLORS.noData } },
    ]);
  });

  it('should draw the limit as a dashed reference line at the limit value', () => {
    const [line] = markLineData(seriesAt(sut));
    expect(line).toEqual({ name: 'limit', xAxis: 0.5 });
    expect(seriesAt(sut).markLine).toEqual(
      expect.objectContaining({
        lineStyle: expect.objectContaining({ type: 'dashed', color: CHART_COLORS.threshold }),
      }),
    );
  });

  it('should stretch the value axis past the largest CV and the limit', () => {
    expect(axis(sut, 'xAxis')).toEqual(expect.objectContaining({ max: 0.8, interval: 0.2 }));
    expect(axis(buildCvBarOption([], { lang: 'zh', cvLimit: 0.45 }), 'xAxis').max).toBeCloseTo(0.6);
    const over = buildCvBarOption([qualityIndicatorFixture('backbone_teachers_per100', { cv: 0.737 })], {
      lang: 'zh',
      cvLimit: 0.5,
    });
    expect(axis(over, 'xAxis')).toEqual(expect.objectContaining({ max: 1, interval: 0.25 }));
  });

  it('should label bars with three decimals and say when a CV cannot be computed', () => {
    const label = (seriesAt(sut).label as { formatter: unknown }).formatter;
    expect(callLabel(label, { dataIndex: 1 })).toBe('0.620');
    expect(callLabel(label, { dataIndex: 2 })).toBe('无法计算');
    expect(cvBarLabel({ cv: null }, 'en')).toBe('n/a');
    expect(cvBarLabel({ cv: null, cvNullReason: 'too_few_units' }, 'zh')).toBe('少于 2 所学校');
    expect(cvBarLabel({ cv: 0.5004, cvNullReason: null }, 'zh', 0.5)).toBe('0.5004');
  });

  it('should give the weighted mean with its unit in the tooltip', () => {
    const text = tooltipText(sut, 1);
    expect(text).toContain('生均体育运动场馆面积');
    expect(text).toContain('0.620（超过限值）');
    expect(text).toContain('9.71 平方米');
    expect(text).toContain('≤ 0.50');
  });

  it('should build an empty chart, not throw, for no indicators', () => {
    const empty = buildCvBarOption([], { lang: 'en', cvLimit: 0.5 });
    expect(axis(empty, 'yAxis').data).toEqual([]);
    expect(seriesAt(empty).data).toEqual([]);
    expect(markLineData(seriesAt(empty))).toEqual([{ name: 'limit', xAxis: 0.5 }]);
    expect(tooltipText(empty, 0)).toBe('');
  });

  it('should use the English labels', () => {
    const en = buildCvBarOption(indicators.slice(0, 1), { lang: 'en', cvLimit: 0.45 });
    expect(axis(en, 'yAxis').data).toEqual(['Higher-degree teachers']);
    expect((seriesAt(en).markLine as { label: { formatter: string } }).label.formatter).toBe('Limit 0.45');
  });
});

describe(formatCvTooltip.name, () => {
  it('should escape nothing it does not need to and show dashes for missing values', () => {
    const notComputable = qualityIndicatorFixture('equipment_value_per_student', {
      cv: null,
      cvPasses: null,
      mean: null,
    });
    const text = formatCvTooltip(notComputable, { lang: 'en', cvLimit: 0.5 });
    expect(text).toContain('not computable');
    expect(text).toContain('County weighted mean: <b>—</b>');
  });
});

describe(cvBarColor.name, () => {
  it('should map pass, fail and unknown', () => {
    expect([cvBarColor(true), cvBarColor(false), cvBarColor(null)]).toEqual([
      CHART_COLORS.met,
      CHART_COLORS.notMet,
      CHART_COLORS.noData,
    ]);
  });
});

describe('buildCvBarOption for one school (#15.6)', () => {
  it('should label every bar "fewer than 2 schools" instead of drawing CV 0.000 as a pass', () => {
    const oneSchool = indicators.map((i) => ({
      ...i,
      n: 1,
      cv: null,
      cvPasses: null,
      cvNullReason: 'too_few_units' as const,
    }));
    const sut = buildCvBarOption(oneSchool, { lang: 'zh', cvLimit: 0.5 });
    const series = seriesAt(sut) as unknown as {
      data: { value: number }[];
      label: { formatter: (p: object) => string };
    };
    expect(series.data.map((d) => d.value)).toEqual(oneSchool.map(() => 0));
    expect(oneSchool.map((_, dataIndex) => series.label.formatter({ dataIndex }))).toEqual(
      oneSchool.map(() => '少于 2 所学校'),
    );
  });
});
