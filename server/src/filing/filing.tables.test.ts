import { describe, expect, it } from 'vitest';
import { roundForDisplay } from '../export/csv.ts';
import { displayWidth } from '../export/print-setup.ts';
import { exactDecimals } from './filing.tables.ts';

describe(exactDecimals.name, () => {
  it('should show 85% of a standard exactly, never fewer decimals than the indicator', () => {
    expect(exactDecimals(7.5 * 0.85, 2)).toBe(3); // 6.375
    expect(exactDecimals(4.2 * 0.85, 2)).toBe(2); // 3.57
    expect(exactDecimals(2000 * 0.85, 0)).toBe(0); // 1700
    expect(exactDecimals(1, 2)).toBe(2);
    expect(exactDecimals(1 / 3, 2)).toBe(4);
  });
});

describe(displayWidth.name, () => {
  it('should count a CJK or full-width character as two', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('城东街道第一小学')).toBe(16);
    expect(displayWidth('（体育）')).toBe(8);
  });
});

describe(roundForDisplay.name, () => {
  it('should round as the screen does, without grouping and without -0', () => {
    expect(roundForDisplay(0.335299918733898, 3)).toBe('0.335');
    expect(roundForDisplay(3345.4, 0)).toBe('3345');
    expect(roundForDisplay(-0.0001, 2)).toBe('0.00');
  });
});
