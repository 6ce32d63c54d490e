import { describe, expect, it } from 'vitest';
import { CHART_COLORS, ROW_WINDOW } from '../../../lib/chart-theme.ts';
import { axis, callLabel, markLineData, seriesAt, seriesList, tooltipText } from '../../../test-utils/chart-option.ts';
import { rankingRowFixture } from '../../../test-utils/fixtures.ts';
import {
  buildRankingBarOption,
  formatRankingTooltip,
  orderRankingRows,
  RANKING_ROW_HEIGHT,
  type RankingBarOptions,
  rankingBarColor,
  rankingHeight,
} from './build-ranking-bar-option.ts';

const rows = [
  rankingRowFixture(3, 6),
  rankingRowFixture(1, 12, { name: '第一<小学>' }),
  rankingRowFixture(4, null),
  rankingRowFixture(2, 8),
];
const options: RankingBarOptions = {
  lang: 'zh',
  indicator: 'sports_area_per_student',
  mean: 9.2,
  threshold: 7.5,
  order: 'desc',
};

describe(orderRankingRows.name, () => {
  it('should put rank 1 first, or last when ascending, and schools without a value always at the end', () => {
    expect(orderRankingRows(rows, 'desc').map((row) => row.rank)).toEqual([1, 2, 3, 4]);
    expect(orderRankingRows(rows, 'asc').map((row) => row.rank)).toEqual([3, 2, 1, 4]);
  });
});

describe(buildRankingBarOption.name, () => {
  const sut = buildRankingBarOption(rows, options);

  it('should list the schools with their rank, first place on top', () => {
    expect(axis(sut, 'yAxis')).toEqual(
      expect.objectContaining({ inverse: true, data: ['1. 第一<小学>', '2. 学校2', '3. 学校3', '4. 学校4'] }),
    );
  });

  it('should split met and not met into two overlaid series of one colour each, drawn in large mode', () => {
    const [met, notMet] = seriesList(sut);
    expect(met).toEqual(
      expect.objectContaining({ data: [12, 8, null, null], itemStyle: { color: CHART_COLORS.met }, large: true }),
    );
    expect(notMet).toEqual(
      expect.objectContaining({
        data: [null, null, 6, null],
        itemStyle: { color: CHART_COLORS.notMet },
        barGap: '-100%',
      }),
    );
  });

  it('should draw the threshold and the county weighted mean as reference lines', () => {
    expect(markLineData(seriesAt(sut))).toEqual([
      expect.objectContaining({
        name: 'threshold',
        xAxis: 7.5,
        label: expect.objectContaining({ formatter: '标准 7.50' }),
      }),
      expect.objectContaining({
        name: 'mean',
        xAxis: 9.2,
        label: expect.objectContaining({ formatter: '县均值 9.20' }),
      }),
    ]);
  });

  it('should extend the value axis to a reference line beyond the longest bar', () => {
    const max = axis(buildRankingBarOption([rankingRowFixture(1, 5)], options), 'xAxis').max;
    expect(typeof max === 'function' ? max({ max: 5 }) : max).toBe(9.2);
  });

  it('should give exact values, units and the verdict in the tooltip, escaping names', () => {
    const text = tooltipText(sut, 0);
    expect(text).toContain('1. 第一&lt;小学&gt;');
    expect(text).toContain('12.00 平方米');
    expect(text).toContain('9.20 平方米');
    expect(tooltipText(sut, 2)).toContain('未达到（为标准的 80.0%）');
    expect(formatRankingTooltip(rankingRowFixture(9, null), options)).toContain('<b>—</b>');
  });

  it('should use one neutral series and no threshold line for a 2012-only indicator', () => {
    const basic = buildRankingBarOption([rankingRowFixture(1, 30, { threshold: null, meets: null })], {
      ...options,
      indicator: 'books_per_student',
      threshold: null,
    });
    expect(seriesList(basic)).toHaveLength(1);
    expect(seriesAt(basic).itemStyle).toEqual({ color: CHART_COLORS.neutral });
    expect(markLineData(seriesAt(basic)).map((line) => line.name)).toEqual(['mean']);
    expect(basic.legend).toBeUndefined();
  });

  it('should highlight the school last opened', () => {
    const highlighted = buildRankingBarOption(rows, { ...options, highlightCode: 'R2' });
    const formatter = (axis(highlighted, 'yAxis').axisLabel as { formatter: unknown }).formatter;
    expect(callLabel(formatter, '2. 学校2', 1)).toBe('{hl|2. 学校2}');
    expect(callLabel(formatter, '1. 第一<小学>', 0)).toBe('1. 第一<小学>');
  });

  it('should show a single school and an empty ranking without failing', () => {
    const single = buildRankingBarOption([rankingRowFixture(1, 8)], options);
    expect(axis(single, 'yAxis').data).toEqual(['1. 学校1']);
    const empty = buildRankingBarOption([], { ...options, mean: null });
    expect(axis(empty, 'yAxis').data).toEqual([]);
    expect(markLineData(seriesAt(empty)).map((line) => line.name)).toEqual(['threshold']);
    expect(tooltipText(empty, 0)).toBe('');
  });

  it('should scroll a ranking of 300 schools in a window that starts at the highlighted school', () => {
    const many = Array.from({ length: 300 }, (_, i) => rankingRowFixture(i + 1, 300 - i));
    const big = buildRankingBarOption(many, { ...options, highlightCode: 'R150' });
    expect(big.dataZoom).toEqual(expect.arrayContaining([expect.objectContaining({ startValue: 144 })]));
    expect(rankingHeight(300)).toBe(rankingHeight(ROW_WINDOW));
    expect(sut.dataZoom).toBeUndefined();
  });

  it('should draw every row of a long ranking, without a scrolling window, for printing', () => {
    const many = Array.from({ length: 300 }, (_, i) => rankingRowFixture(i + 1, 300 - i));
    const printed = buildRankingBarOption(many, { ...options, windowed: false });
    expect(printed.dataZoom).toBeUndefined();
    expect(axis(printed, 'yAxis').data).toHaveLength(300);
    expect(rankingHeight(300, false)).toBe(96 + 300 * RANKING_ROW_HEIGHT);
    expect(rankingHeight(300, false)).toBeGreaterThan(rankingHeight(300));
  });

  it('should give every part of a ranking printed in parts the scale of the whole ranking', () => {
    const part = [rankingRowFixture(40, 3), rankingRowFixture(41, 2)];
    const printed = buildRankingBarOption(part, { ...options, windowed: false, valueAxisMax: 300 });
    const max = axis(printed, 'xAxis').max as (extent: { max: number }) => number;
    expect(max({ max: 3 })).toBe(300);
    const alone = buildRankingBarOption(part, options);
    expect((axis(alone, 'xAxis').max as (extent: { max: number }) => number)({ max: 3 })).toBe(9.2);
  });

  it('should open a long ranking at the first school below the standard, not at the best schools', () => {
    // 300 schools with values 300 … 1 against a threshold of 7.5: ranks 1–293 meet it, rank 294 (value 7) is first to miss.
    const many = Array.from({ length: 300 }, (_, i) => rankingRowFixture(i + 1, 300 - i));
    const big = buildRankingBarOption(many, options);
    expect(big.dataZoom).toEqual(expect.arrayContaining([expect.objectContaining({ startValue: 270 })]));
    const ascending = buildRankingBarOption(many, { ...options, order: 'asc' });
    expect(ascending.dataZoom).toEqual(expect.arrayContaining([expect.objectContaining({ startValue: 0 })]));
  });
});

describe(rankingBarColor.name, () => {
  it('should colour met, not met and no threshold', () => {
    expect([rankingBarColor(true), rankingBarColor(false), rankingBarColor(null)]).toEqual([
      CHART_COLORS.met,
      CHART_COLORS.notMet,
      CHART_COLORS.neutral,
    ]);
  });
});
