import { MeResponseSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { restrictedTownshipNames } from './scope.ts';

function me(townships: { code: string; name: string }[] | null) {
  return MeResponseSchema.parse({
    user: {
      id: 2,
      username: 'qingshi',
      role: townships ? 'viewer' : 'analyst',
      districtCodes: null,
      townships,
      disabled: false,
      createdAt: '2026-03-01T08:00:00.000Z',
      lastLoginAt: null,
      lockedUntil: null,
    },
    csrfToken: 'c',
    via: 'session',
    sessionExpiresAt: null,
  });
}

describe(restrictedTownshipNames.name, () => {
  it('should list the scoped townships in code order', () => {
    const sut = restrictedTownshipNames(
      me([
        { code: '330999102', name: '白沙镇' },
        { code: '330999101', name: '青石镇' },
      ]),
    );
    expect(sut).toEqual(['青石镇', '白沙镇']);
  });

  it('should be null for the whole county or an unknown user', () => {
    expect(restrictedTownshipNames(me(null))).toBeNull();
    expect(restrictedTownshipNames(me([]))).toBeNull();
    expect(restrictedTownshipNames(undefined)).toBeNull();
  });
});
