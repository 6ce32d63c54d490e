import { SchoolFilterQuerySchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { buildUrl } from '../lib/api-client.ts';
import {
  countActiveFilters,
  noSchoolFilter,
  pickSchoolFilter,
  SCHOOL_FILTER_NAMES,
  type SchoolFilter,
  schoolFilterInput,
} from './school-filter.ts';

const filtered: SchoolFilter = {
  township: ['330999001', '330999101'],
  locale: ['town', 'rural'],
  group: ['白云学区'],
  includePrivate: false,
};

describe('SCHOOL_FILTER_NAMES', () => {
  it('should name the four filters of the shared schema', () => {
    expect(SCHOOL_FILTER_NAMES).toEqual(['township', 'locale', 'group', 'includePrivate']);
  });
});

describe(schoolFilterInput.name, () => {
  it('should give a query string the shared schema reads back as the same filters', () => {
    const sut = new URL(buildUrl('/x', undefined, schoolFilterInput(filtered)), 'http://x').searchParams;
    expect(SchoolFilterQuerySchema.parse(Object.fromEntries(sut))).toEqual(filtered);
  });

  it('should leave the whole county out of the query string', () => {
    expect(buildUrl('/x', undefined, schoolFilterInput(noSchoolFilter()))).toBe('/x');
  });
});

describe(pickSchoolFilter.name, () => {
  it('should keep the filters and nothing else', () => {
    expect(pickSchoolFilter({ ...filtered, ...{ year: 2025, stage: 'junior' } })).toEqual(filtered);
  });
});

describe(countActiveFilters.name, () => {
  it('should count each filter that differs from the whole county', () => {
    expect(countActiveFilters(noSchoolFilter())).toBe(0);
    expect(countActiveFilters(filtered)).toBe(4);
    expect(countActiveFilters({ ...noSchoolFilter(), includePrivate: false })).toBe(1);
  });
});
