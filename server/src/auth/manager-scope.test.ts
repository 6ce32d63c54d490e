import { describe, expect, it } from 'vitest';
import { isWithinScope, requireGrantWithin, UNRESTRICTED } from './manager-scope.ts';

const DEMO = '330999';
const scope = (district: string | string[] | null, townships: string[] | null) => ({
  districtCodes: district === null ? null : typeof district === 'string' ? [district] : district,
  townships,
});

describe(isWithinScope.name, () => {
  it('should let an unrestricted administrator grant anything', () => {
    expect(isWithinScope(UNRESTRICTED, UNRESTRICTED)).toBe(true);
    expect(isWithinScope(scope(DEMO, ['330999101']), UNRESTRICTED)).toBe(true);
  });

  it('should keep a district limit: the same district only, never none or another', () => {
    expect(isWithinScope(scope(DEMO, null), scope(DEMO, null))).toBe(true);
    expect(isWithinScope(scope(DEMO, ['330999101']), scope(DEMO, null))).toBe(true);
    expect(isWithinScope(UNRESTRICTED, scope(DEMO, null))).toBe(false);
    expect(isWithinScope(scope('110999', null), scope(DEMO, null))).toBe(false);
  });

  it('should keep a set of counties: a non-empty subset only, never none or a county outside it', () => {
    const city = scope(['330901', '330902', '330903'], null);
    expect(isWithinScope(scope(['330901', '330903'], null), city)).toBe(true);
    expect(isWithinScope(scope('330902', ['330902101']), city)).toBe(true);
    expect(isWithinScope(city, city)).toBe(true);
    expect(isWithinScope(scope(['330901', '330904'], null), city)).toBe(false);
    expect(isWithinScope(scope([], null), city)).toBe(false);
    expect(isWithinScope(UNRESTRICTED, city)).toBe(false);
    expect(isWithinScope(city, scope('330901', null))).toBe(false);
  });

  it('should keep a township limit: a non-empty subset only', () => {
    const outer = scope(DEMO, ['330999101', '330999102']);
    expect(isWithinScope(scope(DEMO, ['330999102']), outer)).toBe(true);
    expect(isWithinScope(scope(DEMO, null), outer)).toBe(false);
    expect(isWithinScope(scope(DEMO, []), outer)).toBe(false);
    expect(isWithinScope(scope(DEMO, ['330999101', '330999001']), outer)).toBe(false);
  });
});

describe(requireGrantWithin.name, () => {
  it('should refuse a wider grant with 403 naming the limit', () => {
    expect(() => requireGrantWithin(UNRESTRICTED, scope(DEMO, null))).toThrow(
      expect.objectContaining({ status: 403, code: 'Forbidden', message: expect.stringContaining(DEMO) }),
    );
    expect(() => requireGrantWithin(scope(DEMO, null), scope(DEMO, null))).not.toThrow();
    expect(() => requireGrantWithin(scope(['330901', DEMO], null), scope(DEMO, null))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});
