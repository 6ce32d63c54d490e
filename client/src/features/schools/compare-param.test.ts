import { describe, expect, it } from 'vitest';
import { MAX_COMPARE, parseCompareParam, writeCompareParam } from './compare-param.ts';
import { findPart, resolveProfileStage, resolveProfileYear, stagesInYear } from './profile-selection.ts';

describe(parseCompareParam.name, () => {
  it('should keep valid codes in order, without duplicates or the school itself, at most four', () => {
    expect(parseCompareParam('B,A,B,,SELF,C,D,E,F', 'SELF')).toEqual(['B', 'A', 'C', 'D']);
    expect(parseCompareParam(null, 'SELF')).toEqual([]);
    expect(MAX_COMPARE).toBe(4);
  });
});

describe(writeCompareParam.name, () => {
  it('should set or remove compare and keep the other parameters', () => {
    const search = new URLSearchParams('year=2025&compare=X');
    expect(writeCompareParam(search, ['A', 'B']).toString()).toBe('year=2025&compare=A%2CB');
    expect(writeCompareParam(search, []).toString()).toBe('year=2025');
  });
});

describe('profile selection', () => {
  const parts = [
    { year: 2024, stage: 'primary' as const },
    { year: 2025, stage: 'primary' as const },
    { year: 2025, stage: 'junior' as const },
  ];

  it('should take the URL year when the school has it, else the latest', () => {
    expect(resolveProfileYear([2024, 2025], 2024)).toBe(2024);
    expect(resolveProfileYear([2024, 2025], 2019)).toBe(2025);
    expect(resolveProfileYear([], null)).toBeNull();
  });

  it('should take the URL stage when the school has that part, else its first', () => {
    expect(resolveProfileStage(parts, 2025, 'junior')).toBe('junior');
    expect(resolveProfileStage(parts, 2024, 'junior')).toBe('primary');
    expect(resolveProfileStage(parts, 2019, 'junior')).toBeNull();
    expect(stagesInYear(parts, 2025)).toEqual(['primary', 'junior']);
    expect(findPart(parts, 2025, 'junior')).toEqual({ year: 2025, stage: 'junior' });
  });
});
