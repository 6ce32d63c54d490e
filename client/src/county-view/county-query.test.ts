import { describe, expect, it } from 'vitest';
import { buildUrl } from '../lib/api-client.ts';
import {
  countyQueryFromLink,
  countyQueryInput,
  hasSchoolFilters,
  resolveYear,
  toCountyQuery,
  unfilteredCountyQuery,
} from './county-query.ts';
import { parseViewParams } from './view-params.ts';

const district = { code: '330999', name: '澄川县', years: [2023, 2025, 2024], schools: 100, townships: 12 };

describe(resolveYear.name, () => {
  it('should keep a year with data and otherwise take the latest', () => {
    expect(resolveYear(district, 2024)).toBe(2024);
    expect(resolveYear(district, 2019)).toBe(2025);
    expect(resolveYear(district, null)).toBe(2025);
    expect(resolveYear({ years: [] }, 2024)).toBeNull();
  });
});

describe(toCountyQuery.name, () => {
  it('should combine the district and the URL, with a stage override for the overview', () => {
    const params = parseViewParams(new URLSearchParams('?stage=junior&locale=rural&includePrivate=false'));
    expect(toCountyQuery(district, params)).toEqual({
      code: '330999',
      year: 2025,
      stage: 'junior',
      township: [],
      locale: ['rural'],
      group: [],
      includePrivate: false,
    });
    expect(toCountyQuery(district, params, 'primary')?.stage).toBe('primary');
    expect(toCountyQuery({ ...district, years: [] }, params)).toBeNull();
  });
});

describe(countyQueryFromLink.name, () => {
  it('should name the same query as toCountyQuery when the link names the district and a year with data', () => {
    const params = parseViewParams(new URLSearchParams('?year=2024&stage=junior&township=330999101'));
    expect(countyQueryFromLink('330999', params)).toEqual(toCountyQuery(district, params));
  });

  it('should name nothing before the district list when the link leaves the district or the year open', () => {
    expect(countyQueryFromLink(null, parseViewParams(new URLSearchParams('?year=2024')))).toBeNull();
    expect(countyQueryFromLink('330999', parseViewParams(new URLSearchParams('?stage=junior')))).toBeNull();
  });
});

describe(countyQueryInput.name, () => {
  it('should make the API query string, leaving defaults out', () => {
    const query = toCountyQuery(district, parseViewParams(new URLSearchParams('?township=330999001,330999002')));
    if (!query) throw new Error('no query');
    expect(buildUrl('/x', undefined, countyQueryInput(query))).toBe(
      '/x?year=2025&stage=primary&township=330999001%2C330999002',
    );
    expect(countyQueryInput({ ...query, includePrivate: false }).includePrivate).toBe(false);
  });
});

describe(unfilteredCountyQuery.name, () => {
  it('should drop every school filter', () => {
    const query = toCountyQuery(district, parseViewParams(new URLSearchParams('?locale=rural&group=g')));
    if (!query) throw new Error('no query');
    expect(hasSchoolFilters(query)).toBe(true);
    expect(hasSchoolFilters(unfilteredCountyQuery(query, 'junior'))).toBe(false);
    expect(unfilteredCountyQuery(query, 'junior').stage).toBe('junior');
  });
});
