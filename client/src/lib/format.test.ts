import { QUALITY_INDICATORS } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCv,
  formatIndicator,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  indicatorDecimals,
  MISSING,
} from './format.ts';

describe(formatNumber.name, () => {
  it('should use fixed decimals and thousands grouping', () => {
    expect(formatNumber(12345.678, 2)).toBe('12,345.68');
    expect(formatNumber(4.2, 2)).toBe('4.20');
    expect(formatNumber(1999.5)).toBe('2,000');
  });

  it('should show missing values as a dash', () => {
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(undefined)).toBe(MISSING);
    expect(formatNumber(Number.NaN)).toBe(MISSING);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });

  it('should not print negative zero', () => {
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
  });

  it('should format integers', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
  });
});

describe(formatCv.name, () => {
  it('should show three decimals', () => {
    expect(formatCv(0.515257)).toBe('0.515');
    expect(formatCv(0.5)).toBe('0.500');
    expect(formatCv(null)).toBe(MISSING);
  });
});

describe(formatPercent.name, () => {
  it('should turn a ratio into a percentage', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.2, 0)).toBe('20%');
    expect(formatPercent(null)).toBe(MISSING);
  });
});

describe(formatIndicator.name, () => {
  it('should use the decimals fixed in QUALITY_INDICATORS', () => {
    for (const definition of QUALITY_INDICATORS) expect(indicatorDecimals(definition.key)).toBe(definition.decimals);
    expect(formatIndicator('sports_area_per_student', 7.456)).toBe('7.46');
    expect(formatIndicator('equipment_value_per_student', 2345.6)).toBe('2,346');
  });

  it('should append the unit in the chosen language', () => {
    expect(formatIndicator('teaching_room_area_per_student', 4.5, { unit: true })).toBe('4.50 平方米');
    expect(formatIndicator('teaching_room_area_per_student', 4.5, { unit: true, lang: 'en' })).toBe('4.50 m²');
    expect(formatIndicator('multimedia_rooms_per100', null, { unit: true })).toBe(MISSING);
  });
});

describe(formatMoney.name, () => {
  it('should keep small amounts in yuan', () => {
    expect(formatMoney(9800)).toBe('9,800 元');
    expect(formatMoney(9999.4)).toBe('9,999 元');
  });

  it('should use 万元 from 10 000 yuan', () => {
    expect(formatMoney(10_000)).toBe('1.00 万元');
    expect(formatMoney(123_456)).toBe('12.35 万元');
    expect(formatMoney(-250_000)).toBe('-25.00 万元');
  });

  it('should use 亿元 from 100 million yuan', () => {
    expect(formatMoney(236_000_000)).toBe('2.36 亿元');
  });

  it('should spell out yuan in English', () => {
    expect(formatMoney(123_456, 'en')).toBe('123,456 yuan');
    expect(formatMoney(2_500_000, 'en')).toBe('2.50 million yuan');
  });

  it('should show missing money as a dash', () => {
    expect(formatMoney(null)).toBe(MISSING);
  });
});

describe(formatBytes.name, () => {
  it('should pick a readable unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
