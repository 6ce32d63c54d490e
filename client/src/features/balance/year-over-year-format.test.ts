import { describe, expect, it } from 'vitest';
import { cvChangeClass, formatChange } from './year-over-year-format.ts';

describe(formatChange.name, () => {
  it('should sign a change and show no sign for one that rounds to zero', () => {
    expect(formatChange(-0.1490222, 3)).toBe('−0.149');
    expect(formatChange(1, 2)).toBe('+1.00');
    expect(formatChange(0.0004, 3)).toBe('0.000');
    expect(formatChange(-0.0004, 3)).toBe('0.000');
    expect(formatChange(null, 3)).toBe('—');
  });
});

describe(cvChangeClass.name, () => {
  it('should mark a widening gap and a narrowing one, not a rounding zero', () => {
    expect(cvChangeClass(0.02)).toBe('change-up');
    expect(cvChangeClass(-0.149)).toBe('change-down');
    expect(cvChangeClass(0.0001)).toBeUndefined();
    expect(cvChangeClass(null)).toBeUndefined();
  });
});
