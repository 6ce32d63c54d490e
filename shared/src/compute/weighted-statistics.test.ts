import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeEquityMeasures,
  computeMcLooneIndex,
  computeTheilT,
  computeWeightedCv,
  computeWeightedCvOfColumns,
  computeWeightedGini,
  computeWeightedMean,
  computeWeightedPercentile,
  computeWeightedSd,
  computeWeightedStats,
  type WeightedPoint,
} from './weighted-statistics.ts';

// METHOD.md §4 published worked example: 5 primary schools, X = books per student.
const students = [45, 37, 89, 76, 55];
const books = [279, 137, 935, 160, 402];
const golden: WeightedPoint[] = students.map((weight, i) => ({ weight, value: (books[i] ?? 0) / weight }));

const pointArb = fc.record({
  weight: fc.integer({ min: 1, max: 3000 }),
  value: fc.double({ min: 0.01, max: 1000, noNaN: true }),
});
const pointsArb = fc.array(pointArb, { minLength: 1, maxLength: 30 });

function expectWithin(actual: number | null, expected: number, tolerance: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(tolerance);
}

describe(computeWeightedMean.name, () => {
  it('should equal the county ratio of totals Σ books / Σ students', () => {
    expectWithin(computeWeightedMean(golden), 1913 / 302, 1e-12);
    expectWithin(computeWeightedMean(golden), 6.334437, 1e-6);
  });

  it('should return null without students', () => {
    expect(computeWeightedMean([])).toBeNull();
    expect(computeWeightedMean([{ weight: 0, value: 5 }])).toBeNull();
  });
});

describe(computeWeightedSd.name, () => {
  it('should give the published population SD 3.263861', () => {
    expectWithin(computeWeightedSd(golden), 3.263861, 1e-6);
  });

  it('should be 0 for a single school', () => {
    expect(computeWeightedSd([{ weight: 10, value: 3 }])).toBe(0);
  });
});

describe(computeWeightedCv.name, () => {
  it('should give the published CV 0.515257', () => {
    expectWithin(computeWeightedCv(golden), 0.515257, 1e-6);
  });

  it('should differ from the unweighted population CV 0.4888 that the method rejects', () => {
    const unweighted = computeWeightedCv(golden.map((p) => ({ weight: 1, value: p.value })));
    expectWithin(unweighted, 0.4888, 5e-5);
    expect(Math.abs((unweighted ?? 0) - (computeWeightedCv(golden) ?? 0))).toBeGreaterThan(0.02);
  });

  it('should be 0 for a single school and null for no school', () => {
    expect(computeWeightedCv([{ weight: 120, value: 4.5 }])).toBe(0);
    expect(computeWeightedCv([])).toBeNull();
  });

  it('should be null when every value is zero', () => {
    expect(
      computeWeightedCv([
        { weight: 10, value: 0 },
        { weight: 20, value: 0 },
      ]),
    ).toBeNull();
  });

  it('should ignore a school with 0 students', () => {
    expect(computeWeightedCv([...golden, { weight: 0, value: 1000 }])).toBe(computeWeightedCv(golden));
  });

  it('should be invariant to scaling the indicator by a positive constant', () => {
    fc.assert(
      fc.property(pointsArb, fc.double({ min: 0.001, max: 1000, noNaN: true }), (points, factor) => {
        const cv = computeWeightedCv(points) ?? 0;
        const scaled = computeWeightedCv(points.map((p) => ({ ...p, value: p.value * factor }))) ?? 0;
        expect(Math.abs(scaled - cv)).toBeLessThanOrEqual(1e-9 * Math.max(1, cv));
      }),
    );
  });

  it('should be invariant to scaling every weight by a positive constant', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 2, max: 50 }), (points, factor) => {
        const cv = computeWeightedCv(points) ?? 0;
        const scaled = computeWeightedCv(points.map((p) => ({ ...p, weight: p.weight * factor }))) ?? 0;
        expect(Math.abs(scaled - cv)).toBeLessThanOrEqual(1e-9 * Math.max(1, cv));
      }),
    );
  });
});

describe(computeWeightedCvOfColumns.name, () => {
  it('should give the published CV from columns', () => {
    const weights = golden.map((p) => p.weight);
    expect(
      computeWeightedCvOfColumns(
        weights,
        Float64Array.from(golden, (p) => p.value),
      ),
    ).toBe(computeWeightedCv(golden));
  });

  it('should be the very double computeWeightedCv gives, skipping the same points (property)', () => {
    const anyPoint = fc.record({
      weight: fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY)),
      value: fc.oneof(fc.double({ min: -10, max: 1000, noNaN: true }), fc.constantFrom(Number.NaN, 0)),
    });
    fc.assert(
      fc.property(fc.array(anyPoint, { maxLength: 30 }), (points) => {
        const weights = new Float64Array(points.map((p) => p.weight));
        const values = new Float64Array(points.map((p) => p.value));
        expect(computeWeightedCvOfColumns(weights, values)).toBe(computeWeightedCv(points));
      }),
      { numRuns: 500 },
    );
  });
});

describe(computeWeightedStats.name, () => {
  it('should report n, total weight, min and max', () => {
    const sut = computeWeightedStats(golden);
    expect(sut).toMatchObject({ n: 5, totalWeight: 302, min: 160 / 76, max: 935 / 89 });
  });

  it('should report nulls for empty input', () => {
    expect(computeWeightedStats([])).toEqual({
      n: 0,
      totalWeight: 0,
      mean: null,
      sd: null,
      cv: null,
      min: null,
      max: null,
    });
  });
});

describe(computeWeightedPercentile.name, () => {
  // weights 1, 1, 1, 1 on values 1..4: cumulative shares 0.25, 0.5, 0.75, 1.
  const quarters = [1, 2, 3, 4].map((value) => ({ weight: 1, value }));

  it('should return the smallest value whose cumulative student share reaches q', () => {
    expect(computeWeightedPercentile(quarters, 0.5)).toBe(2);
    expect(computeWeightedPercentile(quarters, 0.51)).toBe(3);
    expect(computeWeightedPercentile(quarters, 0.05)).toBe(1);
    expect(computeWeightedPercentile(quarters, 0.95)).toBe(4);
  });

  it('should weight by students', () => {
    expect(
      computeWeightedPercentile(
        [
          { weight: 1, value: 1 },
          { weight: 9, value: 10 },
        ],
        0.5,
      ),
    ).toBe(10);
  });
});

describe(computeWeightedGini.name, () => {
  it('should give 0.5 for two equal schools, one with nothing', () => {
    // Σ Σ w w |Δ| = 2 · 1 · 1 · 1 = 2; 2 W² μ = 2 · 4 · 0.5 = 4.
    expect(
      computeWeightedGini([
        { weight: 1, value: 0 },
        { weight: 1, value: 1 },
      ]),
    ).toBeCloseTo(0.5, 12);
  });

  it('should be 0 when everyone has the same value', () => {
    expect(computeWeightedGini(golden.map((p) => ({ ...p, value: 7 })))).toBe(0);
  });

  it('should equal the Gini of the schools repeated once per student', () => {
    const weighted = [
      { weight: 2, value: 1 },
      { weight: 3, value: 4 },
    ];
    const repeated = [1, 1, 4, 4, 4].map((value) => ({ weight: 1, value }));
    expect(computeWeightedGini(weighted)).toBeCloseTo(computeWeightedGini(repeated) ?? Number.NaN, 12);
  });

  it('should lie in [0, 1)', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const gini = computeWeightedGini(points) ?? 0;
        expect(gini).toBeGreaterThanOrEqual(-1e-12);
        expect(gini).toBeLessThan(1);
      }),
    );
  });

  it('should be null without resource', () => {
    expect(computeWeightedGini([{ weight: 3, value: 0 }])).toBeNull();
  });
});

describe(computeTheilT.name, () => {
  it('should match a hand computation and split it fully into between-group inequality', () => {
    // μ = 2; T = ½·½·ln½ + ½·1.5·ln1.5 = 0.130812...; one school per group → T_within = 0.
    const sut = computeTheilT([
      { weight: 1, value: 1, group: 'a' },
      { weight: 1, value: 3, group: 'b' },
    ]);
    const expected = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
    expect(sut.value).toBeCloseTo(expected, 12);
    expect(sut.between).toBeCloseTo(expected, 12);
    expect(sut.within).toBeCloseTo(0, 12);
  });

  it('should count a school with value 0 in the distribution and the mean (0·ln 0 = 0)', () => {
    // P = 1, 1, 2; X = 0, 2, 2 → X̄ = 6 / 4 = 1.5; T = ¼·(4/3)·ln(4/3) + ½·(4/3)·ln(4/3) = ln(4/3).
    // Groups a = {0, 2} (mean 1, share 2/6), b = {2} (mean 2, share 4/6): T_a = ½·2·ln 2 = ln 2, T_b = 0;
    // between = ⅓·ln(1/1.5) + ⅔·ln(2/1.5), within = ⅓·ln 2; they add up to ln(4/3).
    const sut = computeTheilT([
      { weight: 1, value: 0, group: 'a' },
      { weight: 1, value: 2, group: 'a' },
      { weight: 2, value: 2, group: 'b' },
    ]);
    expect(sut).toMatchObject({ zeroValueUnits: 1, unitsUsed: 3 });
    expect(sut.value).toBeCloseTo(Math.log(4 / 3), 12);
    expect(sut.between).toBeCloseTo(Math.log(2 / 3) / 3 + (2 / 3) * Math.log(4 / 3), 12);
    expect(sut.within).toBeCloseTo(Math.log(2) / 3, 12);
    expect(sut.groups.map((g) => [g.group, g.units, g.mean])).toEqual([
      ['a', 2, 1],
      ['b', 1, 2],
    ]);
  });

  it('should keep a group whose schools all have 0, adding nothing to either part', () => {
    // P = 2, 1, 1; X = 0 (group z), 1, 3 (group p) → X̄ = 1; T = ¼·1·ln 1 + ¼·3·ln 3 = ¾ ln 3.
    // Group p: mean 2, share 1, T_p = ½·½·ln ½ + ½·1.5·ln 1.5; between = ln(2 / 1) = ln 2; group z: share 0, T null.
    const sut = computeTheilT([
      { weight: 2, value: 0, group: 'z' },
      { weight: 1, value: 1, group: 'p' },
      { weight: 1, value: 3, group: 'p' },
    ]);
    expect(sut.value).toBeCloseTo(0.75 * Math.log(3), 12);
    expect(sut.between).toBeCloseTo(Math.log(2), 12);
    expect(sut.within).toBeCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 12);
    expect(sut.groups.find((g) => g.group === 'z')).toMatchObject({ units: 1, mean: 0, theil: null, valueShare: 0 });
  });

  it('should split into between + within that sum to the total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.integer({ min: 1, max: 500 }),
            value: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 100, noNaN: true })),
            group: fc.constantFrom('u', 't', 'r'),
          }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        (points) => {
          const sut = computeTheilT(points);
          expect((sut.between ?? 0) + (sut.within ?? 0)).toBeCloseTo(sut.value ?? 0, 9);
          expect(sut.value ?? 0).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });

  it('should report nulls when every value is zero', () => {
    expect(computeTheilT([{ weight: 3, value: 0, group: 'a' }])).toMatchObject({ value: null, zeroValueUnits: 1 });
  });
});

describe(computeMcLooneIndex.name, () => {
  it('should compare the schools below the median with the median', () => {
    // Median 2; only the school at 1 is below: 1·1 / (2·1) = 0.5.
    expect(computeMcLooneIndex([1, 2, 3].map((value) => ({ weight: 1, value })))).toBe(0.5);
  });

  it('should be 1 when nobody is below the median', () => {
    expect(computeMcLooneIndex([{ weight: 4, value: 5 }])).toBe(1);
  });

  it('should be null when the median is 0', () => {
    expect(computeMcLooneIndex([{ weight: 4, value: 0 }])).toBeNull();
  });
});

describe(computeEquityMeasures.name, () => {
  it('should report range, range ratio and federal range ratio', () => {
    const points = [1, 2, 3, 4].map((value) => ({ weight: 1, value, group: 'all' }));
    const sut = computeEquityMeasures(points);
    expect(sut).toMatchObject({
      min: 1,
      max: 4,
      range: 3,
      rangeRatio: 4,
      p5: 1,
      p95: 4,
      federalRangeRatio: 3,
      median: 2,
    });
  });

  it('should return null ratios when the lowest value is 0', () => {
    const sut = computeEquityMeasures([
      { weight: 1, value: 0, group: 'a' },
      { weight: 1, value: 2, group: 'a' },
    ]);
    expect(sut.rangeRatio).toBeNull();
    expect(sut.federalRangeRatio).toBeNull();
    expect(sut.theil.zeroValueUnits).toBe(1);
  });

  it('should count a school with value 0 in every measure', () => {
    // P = 1, 1, 2; X = 0, 2, 2; X̄ = 1.5. Gini = Σᵢ Σⱼ PᵢPⱼ|Xᵢ − Xⱼ| / (2 (ΣP)² X̄) = 2·(1·1·2 + 1·2·2) / (2·16·1.5) = ¼.
    // Weighted median 2; below it only the school at 0: McLoone = 0 / (2·1) = 0. Min 0, max 2, range 2.
    const sut = computeEquityMeasures([
      { weight: 1, value: 0, group: 'a' },
      { weight: 1, value: 2, group: 'a' },
      { weight: 2, value: 2, group: 'b' },
    ]);
    expect(sut).toMatchObject({ n: 3, totalWeight: 4, mean: 1.5, median: 2, min: 0, max: 2, range: 2, mcloone: 0 });
    expect(sut.gini).toBeCloseTo(0.25, 12);
    expect(sut.theil.value).toBeCloseTo(Math.log(4 / 3), 12);
    expect(sut.rangeRatio).toBeNull();
  });

  it('should handle empty input', () => {
    const sut = computeEquityMeasures([]);
    expect(sut).toMatchObject({ n: 0, mean: null, cv: null, gini: null, mcloone: null, range: null });
  });
});
