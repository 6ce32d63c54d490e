import { describe, expect, it } from 'vitest';
import { METHOD_COPY } from './method-copy.ts';
import { computeWorkedExample, GOLDEN_EXAMPLE, STAGE_SPLIT_EXAMPLE, splitSharedAsset } from './worked-example.ts';

describe(computeWorkedExample.name, () => {
  const sut = computeWorkedExample(GOLDEN_EXAMPLE.students, GOLDEN_EXAMPLE.books);

  it('should reproduce the published five-school example (METHOD.md §4)', () => {
    expect(sut.totalStudents).toBe(302);
    expect(sut.totalBooks).toBe(1913);
    expect(sut.mean).toBeCloseTo(6.334437, 6);
    expect(sut.sd).toBeCloseTo(3.263861, 6);
    expect(sut.cv).toBeCloseTo(0.515257, 6);
  });

  it('should show the two wrong unweighted answers', () => {
    expect(sut.unweightedPopulationCv).toBeCloseTo(0.4888, 4);
    expect(sut.unweightedSampleCv).toBeCloseTo(0.5465, 4);
  });

  it('should give columns that add up as an inspector checks them', () => {
    const sum = (pick: (row: (typeof sut.rows)[number]) => number) => sut.rows.reduce((s, row) => s + pick(row), 0);
    expect(sum((row) => row.weight)).toBeCloseTo(1, 12);
    expect(sum((row) => row.weightedValue)).toBeCloseTo(sut.mean, 12);
    expect(sum((row) => row.weightedSquaredDeviation)).toBeCloseTo(sut.variance, 12);
    expect(sum((row) => row.contribution)).toBeCloseTo(sut.cv ** 2, 12);
    expect(sut.rows[2]).toEqual(expect.objectContaining({ index: 3, students: 89, books: 935 }));
    expect(sut.rows[2]?.value).toBeCloseTo(10.505618, 6);
  });

  it('should refuse mismatched inputs', () => {
    expect(() => computeWorkedExample([1, 2], [3])).toThrow();
    expect(() => computeWorkedExample([], [])).toThrow();
  });
});

describe(splitSharedAsset.name, () => {
  it('should split 23 226 books of a nine-year school 1 : 1.1 (METHOD.md §5)', () => {
    const sut = splitSharedAsset(
      STAGE_SPLIT_EXAMPLE.total,
      STAGE_SPLIT_EXAMPLE.primary,
      STAGE_SPLIT_EXAMPLE.junior,
      STAGE_SPLIT_EXAMPLE.juniorWeight,
    );
    expect(sut.weightedStudents).toBeCloseTo(397, 9);
    expect(sut.perWeightedStudent).toBeCloseTo(58.504, 3);
    expect(sut.primaryPart).toBeCloseTo(9711.6, 1);
    expect(sut.juniorPart).toBeCloseTo(13514.4, 1);
  });
});

describe('METHOD_COPY', () => {
  it('should have every passage in both languages', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'function'
        ? 'function'
        : Array.isArray(value)
          ? value.length
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]))
            : typeof value;
    expect(shape(METHOD_COPY.en)).toEqual(shape(METHOD_COPY.zh));
    expect(METHOD_COPY.zh.limits.quality('0.50', '0.45')).toContain('小学 ≤ 0.50，初中 ≤ 0.45');
    expect(METHOD_COPY.en.schools(6, 7, '85%')).toContain('at least 6 of the 7');
  });
});
