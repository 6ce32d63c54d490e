import { EquityReportSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeEquityReport } from './equity.ts';
import { makeUnit } from './test-fixtures.ts';

describe(computeEquityReport.name, () => {
  const units = [
    makeUnit({ code: 'A', students: 100, books: 1000 }),
    makeUnit({ code: 'B', students: 100, books: 3000, locale: 'rural', urbanRuralCode: '220' }),
  ];

  it('should compute the measures of every requested indicator', () => {
    const sut = computeEquityReport(units, 'primary', 'locale', ['books_per_student']);
    expect(sut.indicators).toHaveLength(1);
    // values 10 and 30, equal weights: Gini = ΣΣ|Δ| / (2 n² μ) = 2·20 / (2·4·20) = 0.25
    expect(sut.indicators[0]?.gini).toBeCloseTo(0.25, 12);
    expect(sut.indicators[0]?.theil.between).toBeCloseTo(sut.indicators[0]?.theil.value ?? Number.NaN, 12);
    expect(() => EquityReportSchema.parse(sut)).not.toThrow();
  });

  it('should default to the seven 2017 indicators', () => {
    expect(computeEquityReport(units, 'primary').indicators).toHaveLength(7);
  });
});
