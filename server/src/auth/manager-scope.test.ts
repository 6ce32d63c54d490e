import { describe, expect, it } from 'vitest';
import { isWithinScope, requireGrantWithin, UNRESTRICTED } from './manager-scope.ts';

const DEMO = '330999';
const scope = (districtCode: string | null, townships: string[] | null) => ({ districtCode, townships });

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
  });
});
