import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.ts';
import { PrincipalCache } from './principal-cache.ts';

const NOW = 1_000_000;
const viaToken: Principal = {
  userId: 1,
  username: 'ana',
  role: 'analyst',
  access: { districtCodes: null, townships: null },
  via: 'token',
  session: null,
};
const viaSession = (expiresAt: number): Principal => ({
  ...viaToken,
  via: 'session',
  session: { idHash: 'h', csrfToken: 'c', expiresAt: new Date(expiresAt) },
});

describe(PrincipalCache.name, () => {
  const make = (options: Partial<ConstructorParameters<typeof PrincipalCache>[0]> = {}) => {
    const clock = { now: NOW };
    const sut = new PrincipalCache({ ttlMs: 5000, sessionIdleMs: 60_000, now: () => clock.now, ...options });
    return { sut, clock };
  };

  it('should remember a principal for the TTL only', () => {
    const { sut, clock } = make();
    sut.set('token:x', viaToken);
    clock.now += 4999;
    expect(sut.get('token:x')).toBe(viaToken);
    clock.now += 1;
    expect(sut.get('token:x')).toBeUndefined();
    expect(sut.size).toBe(0);
  });

  it('should look a session up again once it may have ended: absolute expiry or idle time', () => {
    const { sut, clock } = make({ sessionIdleMs: 1000 });
    sut.set('session:a', viaSession(NOW + 3000));
    clock.now += 900;
    expect(sut.get('session:a')).toBeDefined();
    // Each use counts as activity.
    clock.now += 900;
    expect(sut.get('session:a')).toBeDefined();
    clock.now += 1000;
    expect(sut.get('session:a')).toBeUndefined();
    sut.set('session:b', viaSession(NOW + 3000));
    clock.now = NOW + 3000;
    expect(sut.get('session:b')).toBeUndefined();
  });

  it('should forget everything on clear(), and remember nothing with a TTL of 0', () => {
    const { sut } = make();
    sut.set('token:x', viaToken);
    sut.clear();
    expect(sut.get('token:x')).toBeUndefined();
    const off = make({ ttlMs: 0 }).sut;
    off.set('token:x', viaToken);
    expect(off.get('token:x')).toBeUndefined();
  });

  it('should hold at most maxEntries, forgetting the oldest', () => {
    const { sut } = make({ maxEntries: 2 });
    sut.set('a', viaToken);
    sut.set('b', viaToken);
    sut.set('c', viaToken);
    expect(sut.get('a')).toBeUndefined();
    expect(sut.get('b')).toBe(viaToken);
    expect(sut.get('c')).toBe(viaToken);
  });
});
