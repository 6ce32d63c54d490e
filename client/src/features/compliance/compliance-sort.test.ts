import { describe, expect, it } from 'vitest';
import { schoolFixture } from '../../test-utils/fixtures.ts';
import { DEFAULT_COMPLIANCE_SORT, parseComplianceSort, sortComplianceSchools } from './compliance-sort.ts';

const base = schoolFixture('x', 'x');
const schools = [
  schoolFixture('A', '乙小学', { metCount: 7, passes: true, students: 300 }),
  schoolFixture('B', '甲小学', { metCount: 5, passes: false, students: 900, locale: 'rural' }),
  schoolFixture('C', '丙小学', {
    metCount: 6,
    passes: false,
    values: { ...base.values, sports_area_per_student: null },
  }),
  schoolFixture('D', '丁小学', { metCount: 6, passes: true, values: { ...base.values, sports_area_per_student: 3 } }),
];
const codes = (list: { code: string }[]) => list.map((school) => school.code);

describe(parseComplianceSort.name, () => {
  it('should accept known columns and fall back to failing-first', () => {
    expect(parseComplianceSort('students', 'desc')).toEqual({ column: 'students', order: 'desc' });
    expect(parseComplianceSort('students', null)).toEqual({ column: 'students', order: 'asc' });
    expect(parseComplianceSort('nope', 'desc')).toEqual(DEFAULT_COMPLIANCE_SORT);
    expect(parseComplianceSort(null, null)).toEqual(DEFAULT_COMPLIANCE_SORT);
  });
});

describe(sortComplianceSchools.name, () => {
  it('should put failing schools first by default, fewest met first', () => {
    expect(codes(sortComplianceSchools(schools, 'passes', 'asc'))).toEqual(['B', 'C', 'D', 'A']);
  });

  it('should sort numbers both ways', () => {
    expect(codes(sortComplianceSchools(schools, 'students', 'desc'))[0]).toBe('B');
    expect(codes(sortComplianceSchools(schools, 'metCount', 'desc'))).toEqual(['A', 'C', 'D', 'B']);
  });

  it('should keep missing indicator values last in both orders', () => {
    expect(codes(sortComplianceSchools(schools, 'sports_area_per_student', 'asc')).at(-1)).toBe('C');
    expect(codes(sortComplianceSchools(schools, 'sports_area_per_student', 'desc')).at(-1)).toBe('C');
    expect(codes(sortComplianceSchools(schools, 'sports_area_per_student', 'asc'))[0]).toBe('D');
  });

  it('should sort names in Chinese collation and locales in official order, without mutating the input', () => {
    const copy = [...schools];
    sortComplianceSchools(schools, 'name', 'asc');
    expect(schools).toEqual(copy);
    expect(codes(sortComplianceSchools(schools, 'locale', 'desc'))[0]).toBe('B');
  });
});
