import { describe, expect, it } from 'vitest';
import { computeRatioOrNull, computeRelativeToMean } from './ratios.ts';

describe(computeRatioOrNull.name, () => {
  it('should divide, or give null for a missing or non-positive denominator', () => {
    expect(computeRatioOrNull(5.6, 4)).toBeCloseTo(1.4, 12);
    expect(computeRatioOrNull(null, 4)).toBeNull();
    expect(computeRatioOrNull(3, null)).toBeNull();
    expect(computeRatioOrNull(3, 0)).toBeNull();
    expect(computeRatioOrNull(3, -1)).toBeNull();
  });
});

describe(computeRelativeToMean.name, () => {
  it('should give the value over the mean, or null without either', () => {
    expect(computeRelativeToMean(6, 4)).toBe(1.5);
    expect(computeRelativeToMean(null, 4)).toBeNull();
    expect(computeRelativeToMean(6, 0)).toBeNull();
    expect(computeRelativeToMean(6, null)).toBeNull();
  });
});
