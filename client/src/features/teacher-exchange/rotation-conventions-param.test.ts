import { describe, expect, it } from 'vitest';
import { parseRotationConventions } from './rotation-conventions-param.ts';

describe(parseRotationConventions.name, () => {
  it('should default to the first school year and public schools', () => {
    expect(parseRotationConventions(new URLSearchParams(''))).toEqual({
      multiYear: 'first_year',
      ratioSchools: 'public',
    });
    expect(parseRotationConventions(new URLSearchParams('multiYear=x&ratioSchools=y'))).toEqual({
      multiYear: 'first_year',
      ratioSchools: 'public',
    });
  });

  it('should read the other readings', () => {
    expect(parseRotationConventions(new URLSearchParams('multiYear=every_year&ratioSchools=all'))).toEqual({
      multiYear: 'every_year',
      ratioSchools: 'all',
    });
  });
});
