import { describe, expect, it } from 'vitest';
import { buildLoginHref, loginReasonOf, readLoginSearch, safeReturnPath } from './return-url.ts';

describe(safeReturnPath.name, () => {
  it('should keep a path of this app with its query', () => {
    expect(safeReturnPath('/rankings?year=2025&township=330999101')).toBe('/rankings?year=2025&township=330999101');
  });

  it('should fall back to the overview for other sites, schemes and the login page', () => {
    for (const value of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/login',
      '/login?next=/x',
      '/a\nb',
    ]) {
      expect(safeReturnPath(value)).toBe('/');
    }
  });
});

describe(buildLoginHref.name, () => {
  it('should keep the current path and query, and say why', () => {
    const sut = buildLoginHref({ pathname: '/schools/2133990101', search: '?compare=1&lang=en' }, 'expired');
    expect(sut).toBe('/login?next=%2Fschools%2F2133990101%3Fcompare%3D1%26lang%3Den&reason=expired');
    expect(readLoginSearch(sut.slice(sut.indexOf('?')))).toEqual({
      next: '/schools/2133990101?compare=1&lang=en',
      reason: 'expired',
    });
  });

  it('should leave out the overview and a missing reason', () => {
    expect(buildLoginHref({ pathname: '/', search: '' }, null)).toBe('/login');
    expect(buildLoginHref({ pathname: '/login', search: '?next=/x' }, null)).toBe('/login');
  });
});

describe(readLoginSearch.name, () => {
  it('should read the sign-out reason', () => {
    expect(readLoginSearch('?reason=signedOut')).toEqual({ next: '/', reason: 'signedOut' });
  });

  it('should refuse a foreign return target', () => {
    expect(readLoginSearch('?next=https%3A%2F%2Fevil.example&reason=other')).toEqual({ next: '/', reason: null });
  });
});

describe(loginReasonOf.name, () => {
  it('should tell an expired session from a missing one', () => {
    expect(loginReasonOf({ reason: 'session_expired' })).toBe('expired');
    expect(loginReasonOf({ reason: 'no_session' })).toBeNull();
    expect(loginReasonOf(undefined)).toBeNull();
  });
});
