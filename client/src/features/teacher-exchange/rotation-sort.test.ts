import { describe, expect, it } from 'vitest';
import { parseFlowLevel } from './flow-level-param.ts';
import {
  netRotation,
  nextRotationSort,
  parseRotationSort,
  type SortableRotationSchool,
  sortRotationSchools,
} from './rotation-sort.ts';

const school = (code: string, name: string, out: number, inn: number, locale: SortableRotationSchool['locale']) => ({
  code,
  name,
  townshipCode: `330999${code.slice(-3)}`,
  locale,
  eligible: 10,
  out,
  in: inn,
  backboneOut: 0,
  backboneIn: 0,
});
const schools = [
  school('c003', '丙校', 3, 0, 'rural'),
  school('a001', '甲校', 8, 1, 'urban'),
  school('b002', '乙校', 3, 4, 'town'),
];

describe(sortRotationSchools.name, () => {
  it('should sort by a count, ties by code', () => {
    expect(sortRotationSchools(schools, 'out', 'desc').map((s) => s.code)).toEqual(['a001', 'b002', 'c003']);
    expect(sortRotationSchools(schools, 'out', 'asc').map((s) => s.code)).toEqual(['b002', 'c003', 'a001']);
  });

  it('should sort by net, by class order and by name', () => {
    expect(sortRotationSchools(schools, 'net', 'desc').map((s) => s.code)).toEqual(['b002', 'c003', 'a001']);
    expect(sortRotationSchools(schools, 'locale', 'asc').map((s) => s.locale)).toEqual(['urban', 'town', 'rural']);
    expect(sortRotationSchools(schools, 'name', 'asc')).toHaveLength(3);
    expect(netRotation({ in: 1, out: 8 })).toBe(-7);
  });
});

describe(parseRotationSort.name, () => {
  it('should accept this table’s columns and fall back otherwise', () => {
    expect(parseRotationSort('net', 'asc')).toEqual({ column: 'net', order: 'asc' });
    expect(parseRotationSort('metCount', 'asc')).toEqual({ column: 'out', order: 'desc' });
    expect(parseRotationSort(null, null)).toEqual({ column: 'out', order: 'desc' });
  });
});

describe(nextRotationSort.name, () => {
  it('should start a new column largest first (names A–Z) and flip the same one', () => {
    expect(nextRotationSort({ column: 'out', order: 'desc' }, 'in')).toEqual({ column: 'in', order: 'desc' });
    expect(nextRotationSort({ column: 'out', order: 'desc' }, 'name')).toEqual({ column: 'name', order: 'asc' });
    expect(nextRotationSort({ column: 'out', order: 'desc' }, 'out')).toEqual({ column: 'out', order: 'asc' });
  });
});

describe(parseFlowLevel.name, () => {
  it('should read the Sankey level, township by default', () => {
    expect(parseFlowLevel('locale')).toBe('locale');
    expect(parseFlowLevel('school')).toBe('township');
    expect(parseFlowLevel(null)).toBe('township');
  });
});
