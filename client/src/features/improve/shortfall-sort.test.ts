import type { ShortfallRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { parseShortfallSort, shortfallRatio, sortShortfallRows } from './shortfall-sort.ts';

function row(overrides: Partial<ShortfallRow>): ShortfallRow {
  return {
    code: '2133990101',
    name: '甲小学',
    townshipCode: '330999001',
    townshipName: '城东街道',
    locale: 'urban',
    stage: 'primary',
    students: 500,
    key: 'sports_area_per_student',
    value: 7,
    threshold: 7.5,
    shortfall: 250,
    stagePartShortfall: 250,
    assetShare: 1,
    resourceUnit: 'square_metres',
    ...overrides,
  };
}

const rows = [
  row({ code: 'c', name: '丙小学', students: 300, value: 6, shortfall: 450 }),
  row({
    code: 'a',
    name: '甲小学',
    key: 'backbone_teachers_per100',
    value: 0.5,
    threshold: 1,
    shortfall: 3,
    resourceUnit: 'teachers',
  }),
  row({ code: 'a', name: '甲小学', value: null, shortfall: 3750 }),
  row({ code: 'b', name: '乙小学', students: 900, value: 7.4, shortfall: 90, townshipName: '白沙镇' }),
];

describe(sortShortfallRows.name, () => {
  it('should sort by school name, then the official indicator order', () => {
    const sut = sortShortfallRows(rows, 'name', 'asc');
    expect(sut.map((r) => `${r.code}:${r.key}`)).toEqual([
      'c:sports_area_per_student',
      'a:backbone_teachers_per100',
      'a:sports_area_per_student',
      'b:sports_area_per_student',
    ]);
  });

  it('should sort by the share of the threshold reached, missing values last in both orders', () => {
    expect(sortShortfallRows(rows, 'value', 'asc').map((r) => r.code)).toEqual(['a', 'c', 'b', 'a']);
    expect(sortShortfallRows(rows, 'value', 'desc').at(-1)?.value).toBeNull();
  });

  it('should sort shortfalls within one indicator by amount', () => {
    const sports = rows.filter((r) => r.key === 'sports_area_per_student');
    expect(sortShortfallRows(sports, 'shortfall', 'desc').map((r) => r.shortfall)).toEqual([3750, 450, 90]);
  });

  it('should sort by students and leave the input alone', () => {
    const copy = [...rows];
    expect(sortShortfallRows(rows, 'students', 'desc')[0]?.code).toBe('b');
    expect(rows).toEqual(copy);
  });

  it('should handle no rows', () => {
    expect(sortShortfallRows([], 'name', 'asc')).toEqual([]);
  });
});

describe(parseShortfallSort.name, () => {
  it('should fall back to the default for an unknown column', () => {
    expect(parseShortfallSort('metCount', 'desc')).toEqual({ column: 'name', order: 'asc' });
    expect(parseShortfallSort('shortfall', null)).toEqual({ column: 'shortfall', order: 'asc' });
  });
});

describe(shortfallRatio.name, () => {
  it('should give value ÷ threshold, or null', () => {
    expect(shortfallRatio({ value: 6, threshold: 7.5 })).toBeCloseTo(0.8);
    expect(shortfallRatio({ value: null, threshold: 7.5 })).toBeNull();
  });
});
