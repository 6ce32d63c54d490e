import { LOCALES } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import {
  formatRatio,
  inParens,
  isLocaleEmphasised,
  localeFromClick,
  localeLabel,
  orderLocales,
  toggleLocaleFilter,
} from './locale-chart.ts';

describe(localeFromClick.name, () => {
  it('should map a bar to its class by index and an axis label by its text', () => {
    expect(localeFromClick({ componentType: 'series', dataIndex: 2 }, LOCALES, 'zh')).toBe('rural');
    expect(localeFromClick({ componentType: 'xAxis', value: '镇区' }, LOCALES, 'zh')).toBe('town');
    expect(localeFromClick({ componentType: 'yAxis', value: 'Urban' }, LOCALES, 'en')).toBe('urban');
  });

  it('should ignore clicks on anything else', () => {
    expect(localeFromClick({ componentType: 'title' }, LOCALES, 'zh')).toBeNull();
    expect(localeFromClick({ componentType: 'series', dataIndex: 7 }, LOCALES, 'zh')).toBeNull();
    expect(localeFromClick({ componentType: 'xAxis', value: '郊区' }, LOCALES, 'zh')).toBeNull();
  });
});

describe(toggleLocaleFilter.name, () => {
  it('should filter to the clicked class, and clear when it already was the only one', () => {
    expect(toggleLocaleFilter([], 'rural')).toEqual(['rural']);
    expect(toggleLocaleFilter(['urban', 'rural'], 'rural')).toEqual(['rural']);
    expect(toggleLocaleFilter(['rural'], 'rural')).toEqual([]);
  });
});

describe(isLocaleEmphasised.name, () => {
  it('should emphasise every class without a filter, else only the selected', () => {
    expect(isLocaleEmphasised('town', [])).toBe(true);
    expect(isLocaleEmphasised('town', ['rural'])).toBe(false);
    expect(isLocaleEmphasised('rural', ['rural'])).toBe(true);
  });
});

describe(orderLocales.name, () => {
  it('should keep the official order and drop duplicates', () => {
    expect(orderLocales(['rural', 'urban', 'rural'])).toEqual(['urban', 'rural']);
  });
});

describe(formatRatio.name, () => {
  it('should show two decimals or a dash', () => {
    expect(formatRatio(1.14211)).toBe('1.14');
    expect(formatRatio(null)).toBe('—');
    expect(localeLabel('town', 'en')).toBe('Town');
  });
});

describe(inParens.name, () => {
  it('should use full-width brackets in Chinese and spaced ASCII ones in English', () => {
    expect(inParens('84.8%', 'zh')).toBe('（84.8%）');
    expect(inParens('84.8%', 'en')).toBe(' (84.8%)');
  });
});
