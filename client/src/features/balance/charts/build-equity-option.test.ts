import { describe, expect, it } from 'vitest';
import { axis, seriesAt, seriesList } from '../../../test-utils/chart-option.ts';
import { buildEquityOption, EQUITY_COLORS, type EquityRow, equityValue } from './build-equity-option.ts';

const rows: EquityRow[] = [
  {
    key: 'higher_degree_teachers_per100',
    n: 12,
    gini: 0.125,
    mcloone: 0.9,
    rangeRatio: 2.5,
    theil: { value: 0.0301, between: 0.01, within: 0.0201 },
  },
  {
    key: 'sports_area_per_student',
    n: 12,
    gini: null,
    mcloone: 0.75,
    rangeRatio: null,
    theil: { value: null, between: null, within: null },
  },
];

describe(buildEquityOption.name, () => {
  const sut = buildEquityOption(rows, { lang: 'zh' });

  it('should draw one series per measure, named and coloured apart', () => {
    expect(seriesList(sut).map((s) => s.name)).toEqual(['基尼系数', '泰尔指数', 'McLoone 指数']);
    expect(seriesList(sut).map((s) => (s.itemStyle as { color: string }).color)).toEqual([
      EQUITY_COLORS.gini,
      EQUITY_COLORS.theil,
      EQUITY_COLORS.mcloone,
    ]);
  });

  it('should carry the values the API returned, nulls as empty bars', () => {
    expect(seriesAt(sut, 0).data).toEqual([0.125, null]);
    expect(seriesAt(sut, 1).data).toEqual([0.0301, null]);
    expect(seriesAt(sut, 2).data).toEqual([0.9, 0.75]);
  });

  it('should list the indicators in the order given with short names', () => {
    expect(axis(sut, 'yAxis').data).toEqual(['高学历教师', '体育场馆']);
  });
});

describe(equityValue.name, () => {
  it('should read Theil T from its nested result', () => {
    expect(equityValue(rows[0] as EquityRow, 'theil')).toBe(0.0301);
    expect(equityValue(rows[0] as EquityRow, 'mcloone')).toBe(0.9);
  });
});
