import { describe, expect, it } from 'vitest';
import { en, zh } from './dictionary.ts';
import { readInitialLang, translate } from './i18n.tsx';

/** `{name}` and the variable of `{name, plural, one {…} other {…}}`. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural, )/g)].map((m) => m[1]).sort();

describe('dictionary parity', () => {
  it('should give en every zh key and no extra key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('should have no empty message in either language', () => {
    for (const dict of [zh, en]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('should use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });
});

describe(translate.name, () => {
  it('should fill placeholders', () => {
    expect(translate('zh', 'data.upload.selected', { count: 3 })).toBe('已选择 3 个文件');
  });

  it('should choose the English singular for 1 and the plural otherwise, also for formatted numbers', () => {
    expect(translate('en', 'data.upload.selected', { count: 1 })).toBe('1 file selected');
    expect(translate('en', 'data.upload.selected', { count: 3 })).toBe('3 files selected');
    expect(translate('en', 'urbanRural.classCounts', { schools: '1', students: '1,234' })).toBe(
      '1 school · 1,234 students',
    );
    expect(translate('en', 'overview.failingSchools', { count: 1 })).toBe('1 school fails resource allocation');
    expect(translate('zh', 'urbanRural.classCounts', { schools: 1, students: 1 })).toBe(
      zh['urbanRural.classCounts'].replace('{schools}', '1').replace('{students}', '1'),
    );
  });

  it('should leave no English count before a bare plural noun ("1 teachers")', () => {
    const bare =
      /\{\w+\} (more )?(schools|teachers|students|rooms|rows|rotations|records|changes|errors|warnings|files|items|entries|years)\b|\(s\)/;
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toMatch(bare);
  });

  it('should leave an unknown placeholder visible', () => {
    expect(translate('zh', 'data.upload.selected')).toBe('已选择 {count} 个文件');
  });
});

describe(readInitialLang.name, () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('should prefer ?lang= over storage', () => {
    expect(readInitialLang('?lang=en', storage('zh'))).toBe('en');
  });

  it('should fall back to storage, then Chinese', () => {
    expect(readInitialLang('', storage('en'))).toBe('en');
    expect(readInitialLang('?lang=fr', storage('xx'))).toBe('zh');
    expect(readInitialLang('', undefined)).toBe('zh');
  });
});
