import { describe, expect, it } from 'vitest';
import { countActiveFilters } from './school-filter.ts';
import { CLEARED_FILTERS, DEFAULT_VIEW_PARAMS, parseViewParams, writeViewParams } from './view-params.ts';

const parse = (search: string) => parseViewParams(new URLSearchParams(search));

describe(parseViewParams.name, () => {
  it('should give the defaults for an empty URL', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW_PARAMS);
  });

  it('should read every parameter of a pasted link', () => {
    expect(
      parse(
        '?year=2024&stage=junior&township=330999101,330999001&locale=rural,urban&group=白云学区&includePrivate=false' +
          '&indicator=books_per_student&sort=metCount&order=desc&school=2133990101',
      ),
    ).toEqual({
      year: 2024,
      stage: 'junior',
      township: ['330999001', '330999101'],
      locale: ['urban', 'rural'],
      group: ['白云学区'],
      includePrivate: false,
      indicator: 'books_per_student',
      sort: 'metCount',
      order: 'desc',
      school: '2133990101',
    });
  });

  it('should fall back to defaults for bad values instead of failing the view', () => {
    expect(parse('?year=20x5&stage=senior&indicator=nope&order=up&includePrivate=maybe&sort=a;b')).toEqual(
      DEFAULT_VIEW_PARAMS,
    );
  });

  it('should drop bad items of a list and keep the good ones, once each', () => {
    const sut = parse('?township=330999001,abc,,330999001,12345&locale=rural,mars');
    expect(sut.township).toEqual(['330999001']);
    expect(sut.locale).toEqual(['rural']);
  });

  it('should accept the encoded comma URLSearchParams writes', () => {
    expect(parse('?township=330999001%2C330999201').township).toEqual(['330999001', '330999201']);
  });
});

describe(writeViewParams.name, () => {
  it('should change one parameter and keep every other, including ones it does not own', () => {
    const sut = writeViewParams(new URLSearchParams('district=330999&lang=en&year=2025&township=330999001'), {
      stage: 'junior',
    });
    expect(sut.toString()).toBe('district=330999&lang=en&year=2025&township=330999001&stage=junior');
  });

  it('should remove parameters that return to their default', () => {
    const sut = writeViewParams(new URLSearchParams('stage=junior&township=330999001&includePrivate=false&order=asc'), {
      stage: 'primary',
      township: [],
      includePrivate: true,
      order: null,
    });
    expect(sut.toString()).toBe('');
  });

  it('should write lists sorted (locales in official order) so one selection has one URL', () => {
    const sut = writeViewParams(new URLSearchParams(), {
      township: ['330999201', '330999001'],
      locale: ['rural', 'urban'],
      includePrivate: false,
    });
    expect(parseViewParams(sut)).toEqual(
      expect.objectContaining({ township: ['330999001', '330999201'], locale: ['urban', 'rural'] }),
    );
    expect(sut.get('locale')).toBe('urban,rural');
    expect(sut.get('includePrivate')).toBe('false');
  });

  it('should round-trip through parse', () => {
    const params = parse('?year=2023&stage=junior&group=a,b&sort=name&order=desc&school=X1');
    expect(parseViewParams(writeViewParams(new URLSearchParams(), params))).toEqual(params);
  });
});

describe(countActiveFilters.name, () => {
  it('should count school filters only', () => {
    expect(countActiveFilters(parse('?year=2024&stage=junior&sort=name'))).toBe(0);
    expect(countActiveFilters(parse('?township=330999001&locale=rural&group=g&includePrivate=0'))).toBe(4);
    expect(countActiveFilters({ ...parse('?township=330999001'), ...CLEARED_FILTERS })).toBe(0);
  });
});
