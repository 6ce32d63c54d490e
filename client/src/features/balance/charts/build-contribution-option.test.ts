import { describe, expect, it } from 'vitest';
import { axis, seriesAt, seriesList } from '../../../test-utils/chart-option.ts';
import {
  buildContributionOption,
  type ContributionRow,
  contributionMean,
  formatContributionTooltip,
  schoolsForHalf,
} from './build-contribution-option.ts';

// Three schools, students 100 / 100 / 200, values 6 / 2 / 4: X̄ = (600 + 200 + 800) / 400 = 4.
// cᵢ = (Pᵢ/P)(Xᵢ − X̄)² / X̄²: 0.25·4/16 = 0.0625, 0.0625, 0; CV² = 0.125; shares 0.5, 0.5, 0.
const rows: ContributionRow[] = [
  {
    id: 'A',
    label: '甲小学',
    students: 100,
    value: 6,
    contribution: 0.0625,
    share: 0.5,
    cumulativeShare: 0.5,
    rank: 1,
  },
  { id: 'B', label: '乙小学', students: 100, value: 2, contribution: 0.0625, share: 0.5, cumulativeShare: 1, rank: 2 },
  { id: 'C', label: '丙小学', students: 200, value: 4, contribution: 0, share: 0, cumulativeShare: 1, rank: 3 },
];

describe(buildContributionOption.name, () => {
  const sut = buildContributionOption(rows, { lang: 'zh', indicator: 'books_per_student' });

  it('should list the schools largest contribution first', () => {
    expect(axis(sut, 'yAxis')).toEqual(
      expect.objectContaining({ inverse: true, data: ['甲小学', '乙小学', '丙小学'] }),
    );
  });

  it('should split the bars into above-mean and below-mean series holding each school once', () => {
    expect(seriesList(sut).map((s) => s.name)).toEqual(['高于均值', '低于均值']);
    expect(seriesAt(sut, 0).data).toEqual([0.5, null, 0]);
    expect(seriesAt(sut, 1).data).toEqual([null, 0.5, null]);
  });

  it('should show only the top schools', () => {
    const top = buildContributionOption(rows, { lang: 'en', indicator: 'books_per_student', top: 2 });
    expect(axis(top, 'yAxis').data).toEqual(['甲小学', '乙小学']);
    expect(seriesList(top).map((s) => s.name)).toEqual(['Above the mean', 'Below the mean']);
  });

  it('should draw nothing for an empty decomposition', () => {
    const empty = buildContributionOption([], { lang: 'zh', indicator: 'books_per_student' });
    expect(axis(empty, 'yAxis').data).toEqual([]);
  });
});

describe(contributionMean.name, () => {
  it('should weight the values by students', () => {
    expect(contributionMean(rows)).toBe(4);
    expect(contributionMean([])).toBeNull();
  });
});

describe(schoolsForHalf.name, () => {
  it('should count the schools that reach half of CV²', () => {
    expect(schoolsForHalf(rows)).toBe(1);
    expect(schoolsForHalf([{ rank: 1, cumulativeShare: null }])).toBeNull();
  });
});

describe(formatContributionTooltip.name, () => {
  it('should state value, mean and shares of the school', () => {
    const text = formatContributionTooltip(rows[1] as ContributionRow, {
      lang: 'zh',
      indicator: 'books_per_student',
      mean: 4,
    });
    expect(text).toContain('2. 乙小学');
    expect(text).toContain('50.0%');
    expect(text).toContain('100.0%');
  });
});
