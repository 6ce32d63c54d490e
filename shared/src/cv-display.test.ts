import { describe, expect, it } from 'vitest';
import { cvDisplayDecimals } from './method.ts';

describe(cvDisplayDecimals.name, () => {
  it('should keep 3 decimals when the display differs from the limit', () => {
    expect(cvDisplayDecimals(0.171, 0.5)).toBe(3);
    expect(cvDisplayDecimals(0.5006, 0.5)).toBe(3); // shows 0.501, visibly over
  });

  it('should show 4 decimals when a failing CV would display as the limit (0.5004 → 0.5004, not 0.500)', () => {
    expect(cvDisplayDecimals(0.5004, 0.5)).toBe(4);
    expect((0.5004).toFixed(cvDisplayDecimals(0.5004, 0.5))).toBe('0.5004');
    // and a passing one just under it: 0.4996 → 0.4996, not 0.500
    expect(cvDisplayDecimals(0.4996, 0.5)).toBe(4);
  });

  it('should go on until the display differs, up to 6 decimals', () => {
    expect(cvDisplayDecimals(0.45004, 0.45)).toBe(5);
    expect(cvDisplayDecimals(0.4500000001, 0.45)).toBe(6);
  });

  it('should keep 3 decimals for a CV exactly at the limit (it passes) or without a CV', () => {
    expect(cvDisplayDecimals(0.5, 0.5)).toBe(3);
    expect(cvDisplayDecimals(null, 0.5)).toBe(3);
    expect(cvDisplayDecimals(0.5004, null)).toBe(3);
  });
});
