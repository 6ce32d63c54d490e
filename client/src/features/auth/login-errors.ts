import { isApiError } from '../../lib/api-client.ts';

export type LoginProblem =
  | { kind: 'wrongCredentials' }
  | { kind: 'disabled' }
  | { kind: 'locked'; minutes: number }
  | { kind: 'tooManyAttempts' }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

function lockedUntilOf(details: unknown): number | null {
  if (typeof details !== 'object' || details === null || !('lockedUntil' in details)) return null;
  const value = (details as { lockedUntil: unknown }).lockedUntil;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? null : time;
}

/**
 * What went wrong with a login, for the form: a locked account says for how many more minutes (rounded up, at least
 * one); a rate-limited address (429 without `lockedUntil`) only that there were too many attempts.
 */
export function describeLoginError(error: unknown, now: number): LoginProblem {
  if (!isApiError(error)) return { kind: 'other', message: String(error) };
  if (error.code === 'NetworkError') return { kind: 'network' };
  if (error.status === 429) {
    const until = lockedUntilOf(error.details);
    if (until === null) return { kind: 'tooManyAttempts' };
    return { kind: 'locked', minutes: Math.max(1, Math.ceil((until - now) / 60_000)) };
  }
  if (error.status === 401) {
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    return reason === 'disabled' ? { kind: 'disabled' } : { kind: 'wrongCredentials' };
  }
  return { kind: 'other', message: error.message };
}
