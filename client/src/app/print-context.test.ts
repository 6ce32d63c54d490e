import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { printContextLine } from './print-context.ts';

const printedAt = new Date(2026, 11, 6, 9, 30);

describe(printContextLine.name, () => {
  const parts = {
    district: { name: '澄川县', code: '213399' },
    year: '2025',
    stage: null,
    filters: { townships: ['青石镇', '白水镇'], locales: [], groups: [], privateExcluded: false },
    scope: null,
    printedAt,
  };

  it('should use Chinese punctuation in Chinese', () => {
    const line = printContextLine(
      { ...parts, stage: '小学', filters: { ...parts.filters, locales: ['乡村'], privateExcluded: true } },
      translator('zh'),
      'zh',
    );
    expect(line).toMatch(
      /^区县：澄川县（213399） · 数据年度：2025 · 学段：小学 · 筛选：青石镇、白水镇，乡村，不计民办学校 · 打印时间：2026/,
    );
  });

  it('should use English punctuation in English, with no full-width colon, bracket or list mark', () => {
    const line = printContextLine(
      { ...parts, stage: 'Primary', filters: { ...parts.filters, locales: ['Rural'] }, scope: ['青石镇'] },
      translator('en'),
      'en',
    );
    expect(line).toContain(
      'County: 澄川县 (213399) · Data year: 2025 · Stage: Primary · Filters: 青石镇, 白水镇; Rural',
    );
    expect(line).toContain('Access scope: only 青石镇');
    expect(line).toMatch(/Printed: 6 Dec 2026, 09:30$/);
    expect(line).not.toMatch(/[：（），、]/);
  });

  it('should leave the print time out on screen (no time given)', () => {
    const line = printContextLine({ ...parts, printedAt: null }, translator('zh'), 'zh');
    expect(line).toBe('区县：澄川县（213399） · 数据年度：2025 · 筛选：青石镇、白水镇');
  });

  it('should say that a county view without filters shows the whole county', () => {
    const line = printContextLine(
      { ...parts, filters: { townships: [], locales: [], groups: [], privateExcluded: false } },
      translator('zh'),
      'zh',
    );
    expect(line).toContain('筛选：全县全部学校');
  });

  it('should leave stage and filters out on a view without them (data, method)', () => {
    const line = printContextLine({ ...parts, year: null, filters: null }, translator('zh'), 'zh');
    expect(line).toMatch(/^区县：澄川县（213399） · 打印时间：2026/);
  });
});
