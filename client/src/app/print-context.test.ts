import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { printContextLine } from './print-context.ts';

const printedAt = new Date(2026, 11, 6, 9, 30);

describe(printContextLine.name, () => {
  const parts = {
    district: { name: '澄川县', code: '213399' },
    year: '2025',
    filters: { stage: null, townships: ['青石镇', '白水镇'], locales: [], groups: [] },
    scope: null,
    printedAt,
  };

  it('should use Chinese punctuation in Chinese', () => {
    const line = printContextLine(
      { ...parts, filters: { ...parts.filters, stage: '小学', locales: ['乡村'] } },
      translator('zh'),
      'zh',
    );
    expect(line).toMatch(
      /^区县：澄川县（213399） · 数据年度：2025 · 筛选：小学，青石镇、白水镇，乡村 · 打印时间：2026/,
    );
  });

  it('should use English punctuation in English, with no full-width colon, bracket or list mark', () => {
    const line = printContextLine(
      { ...parts, filters: { ...parts.filters, stage: 'Primary', locales: ['Rural'] }, scope: ['青石镇'] },
      translator('en'),
      'en',
    );
    expect(line).toContain('County: 澄川县 (213399) · Data year: 2025 · Filters: Primary; 青石镇, 白水镇; Rural');
    expect(line).toContain('Access scope: only 青石镇');
    expect(line).toMatch(/Printed: 6 Dec 2026, 09:30$/);
    expect(line).not.toMatch(/[：（），、]/);
  });
});
