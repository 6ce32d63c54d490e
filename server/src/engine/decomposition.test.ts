import { computeWeightedCv } from '@junheng/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCvDecomposition, type DecompositionPoint, decomposeIndicatorCv } from './decomposition.ts';
import { makeUnit } from './test-fixtures.ts';

/*
 * Hand-computed: group a = {(P 1, X 1), (P 1, X 3)}, group b = {(P 2, X 4)}; P = 4, X̄ = 12 / 4 = 3.
 *   S² = ¼·4 + ¼·0 + ½·1 = 1.5 → CV² = 1.5 / 9 = 1/6
 *   within  = (2/4)·S_a² / 9 = ½·1 / 9 = 1/18             (S_b = 0)
 *   between = (2/4)(2 − 3)² / 9 + (2/4)(4 − 3)² / 9 = 1/9  → betweenShare = 2/3
 *   contributions: s1 = ¼·4/9 = 1/9, s2 = 0, s3 = ½·1/9 = 1/18
 */
const handPoints: DecompositionPoint[] = [
  { id: 's1', label: 'S1', group: 'a', weight: 1, value: 1 },
  { id: 's2', label: 'S2', group: 'a', weight: 1, value: 3 },
  { id: 's3', label: 'S3', group: 'b', weight: 2, value: 4 },
];

const pointsArb = fc.array(
  fc.record({
    id: fc.uuid(),
    label: fc.constant('x'),
    group: fc.constantFrom('urban', 'town', 'rural'),
    weight: fc.integer({ min: 1, max: 3000 }),
    value: fc.double({ min: 0.01, max: 10_000, noNaN: true }),
  }),
  { minLength: 1, maxLength: 40 },
);

describe(computeCvDecomposition.name, () => {
  it('should match the hand-computed split', () => {
    const sut = computeCvDecomposition(handPoints);
    expect(sut.cvSquared).toBeCloseTo(1 / 6, 12);
    expect(sut.within).toBeCloseTo(1 / 18, 12);
    expect(sut.between).toBeCloseTo(1 / 9, 12);
    expect(sut.betweenShare).toBeCloseTo(2 / 3, 12);
    expect(sut.withinShare).toBeCloseTo(1 / 3, 12);
    expect(sut.groups.map((g) => [g.group, g.units, g.students, g.mean])).toEqual([
      ['a', 2, 2, 2],
      ['b', 1, 2, 4],
    ]);
  });

  it('should rank per-school contributions with cumulative shares', () => {
    const sut = computeCvDecomposition(handPoints);
    expect(sut.contributions.map((c) => [c.id, c.rank])).toEqual([
      ['s1', 1],
      ['s3', 2],
      ['s2', 3],
    ]);
    expect(sut.contributions[0]?.contribution).toBeCloseTo(1 / 9, 12);
    expect(sut.contributions[0]?.share).toBeCloseTo(2 / 3, 12);
    expect(sut.contributions[1]?.cumulativeShare).toBeCloseTo(1, 12);
  });

  it('should split CV² exactly into within + between for any grouping', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const sut = computeCvDecomposition(points);
        const cvSquared = sut.cvSquared ?? 0;
        expect((sut.within ?? 0) + (sut.between ?? 0)).toBeCloseTo(cvSquared, 9);
        expect(sut.cv).toBeCloseTo(computeWeightedCv(points) ?? 0, 12);
      }),
    );
  });

  it('should have contributions that sum to CV²', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const sut = computeCvDecomposition(points);
        const total = sut.contributions.reduce((sum, c) => sum + c.contribution, 0);
        expect(total).toBeCloseTo(sut.cvSquared ?? 0, 9);
        const sorted = sut.contributions.every(
          (c, i, all) => i === 0 || (all[i - 1]?.contribution ?? 0) >= c.contribution,
        );
        expect(sorted).toBe(true);
      }),
    );
  });

  it('should give null shares when there is no disparity', () => {
    const sut = computeCvDecomposition([{ id: 'a', label: 'A', group: 'g', weight: 5, value: 2 }]);
    expect(sut).toMatchObject({ cv: 0, within: 0, between: 0, withinShare: null, betweenShare: null });
  });

  it('should handle empty input', () => {
    expect(computeCvDecomposition([])).toMatchObject({ cv: null, groups: [], contributions: [] });
  });
});

describe(decomposeIndicatorCv.name, () => {
  it('should group units by locale with Chinese labels', () => {
    const units = [
      makeUnit({ code: 'U', students: 100, sportsArea: 1000, locale: 'urban' }),
      makeUnit({ code: 'R', students: 100, sportsArea: 500, locale: 'rural', urbanRuralCode: '220' }),
    ];
    const sut = decomposeIndicatorCv(units, 'primary', 'sports_area_per_student', 'locale');
    expect(sut.groups.map((g) => g.label)).toEqual(['乡村', '城区']);
    // one school per class: the whole disparity is between classes
    expect(sut.betweenShare).toBeCloseTo(1, 12);
    expect(sut).toMatchObject({ key: 'sports_area_per_student', stage: 'primary', groupBy: 'locale' });
  });

  it('should label units without a school group as 未分组', () => {
    const units = [
      makeUnit({ code: 'A', students: 10, books: 10 }),
      makeUnit({ code: 'B', students: 10, books: 30, groupName: '一集团' }),
    ];
    const sut = decomposeIndicatorCv(units, 'primary', 'books_per_student', 'group');
    expect(sut.groups.map((g) => g.label)).toEqual(['未分组', '一集团']);
  });
});
