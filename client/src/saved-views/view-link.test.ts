import { describe, expect, it } from 'vitest';
import { absoluteViewLink, savedViewHref, viewTarget } from './view-link.ts';

describe(viewTarget.name, () => {
  it('should keep the page and every filter but the reader’s language', () => {
    expect(
      viewTarget({ pathname: '/balance', search: '?district=330999&year=2024&lang=en&township=330999101' }),
    ).toEqual({ path: '/balance', search: 'district=330999&year=2024&township=330999101' });
    expect(viewTarget({ pathname: '', search: '' })).toEqual({ path: '/', search: '' });
  });
});

describe(savedViewHref.name, () => {
  it('should join the path and the query string', () => {
    expect(savedViewHref({ path: '/rankings', search: 'year=2023' })).toBe('/rankings?year=2023');
    expect(savedViewHref({ path: '/', search: '' })).toBe('/');
  });
});

describe(absoluteViewLink.name, () => {
  it('should give a full link for pasting elsewhere', () => {
    expect(absoluteViewLink('http://10.0.0.5:3000', { pathname: '/schools/2133990101', search: '?compare=1,2' })).toBe(
      'http://10.0.0.5:3000/schools/2133990101?compare=1,2',
    );
  });
});
