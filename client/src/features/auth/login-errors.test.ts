import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { describeLoginError } from './login-errors.ts';

const NOW = Date.parse('2026-03-01T08:00:00Z');

describe(describeLoginError.name, () => {
  it('should say a wrong password without telling which half was wrong', () => {
    const sut = describeLoginError(
      new ApiError(401, 'Unauthorized', '用户名或密码错误 / Wrong user name or password'),
      NOW,
    );
    expect(sut).toEqual({ kind: 'wrongCredentials' });
  });

  it('should recognise a disabled account', () => {
    const sut = describeLoginError(
      new ApiError(401, 'Unauthorized', '账户已停用，请联系管理员 / This account is disabled', { reason: 'disabled' }),
      NOW,
    );
    expect(sut).toEqual({ kind: 'disabled' });
  });

  it('should give the minutes left of a lockout, rounded up', () => {
    const details = { lockedUntil: new Date(NOW + 14 * 60_000 + 1).toISOString() };
    expect(describeLoginError(new ApiError(429, 'TooManyAttempts', 'locked', details), NOW)).toEqual({
      kind: 'locked',
      minutes: 15,
    });
    const almost = { lockedUntil: new Date(NOW + 5_000).toISOString() };
    expect(describeLoginError(new ApiError(429, 'TooManyAttempts', 'locked', almost), NOW)).toEqual({
      kind: 'locked',
      minutes: 1,
    });
  });

  it('should tell the address rate limit from a lockout', () => {
    expect(describeLoginError(new ApiError(429, 'TooManyAttempts', 'slow down'), NOW)).toEqual({
      kind: 'tooManyAttempts',
    });
  });

  it('should report a network failure and pass other messages through', () => {
    expect(describeLoginError(new ApiError(0, 'NetworkError', 'offline'), NOW)).toEqual({ kind: 'network' });
    expect(describeLoginError(new ApiError(500, 'Internal', 'boom'), NOW)).toEqual({ kind: 'other', message: 'boom' });
  });
});
