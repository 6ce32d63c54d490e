/** Where the login page lives, and how a signed-out visitor finds their way back to the page they asked for. */
export const LOGIN_PATH = '/login';
export const NEXT_PARAM = 'next';
export const REASON_PARAM = 'reason';

/** Why the login page is shown: the session ran out, or the user signed out; with no session at all, no message. */
export const LOGIN_REASONS = ['expired', 'signedOut'] as const;
export type LoginReason = (typeof LOGIN_REASONS)[number];

function isLoginReason(value: string | null): value is LoginReason {
  return (LOGIN_REASONS as readonly (string | null)[]).includes(value);
}

/** The 401 body's `details.reason` → what the login page tells the user. */
export function loginReasonOf(details: unknown): LoginReason | null {
  if (typeof details === 'object' && details !== null && 'reason' in details) {
    return (details as { reason: unknown }).reason === 'session_expired' ? 'expired' : null;
  }
  return null;
}

/**
 * A path of this app to return to: it must start with one `/` (not `//host` or `/\host`, which browsers read as
 * another site), carry no scheme and not be the login page itself; anything else returns to the overview.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // A control character (a newline, a tab) has no business in a path and some browsers drop it, joining `/` and `/`.
  if ([...value].some((char) => char.charCodeAt(0) < 0x20)) return '/';
  const pathname = value.split(/[?#]/)[0] ?? '';
  if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return '/';
  return value;
}

/** `/login?next=<the current path and query>[&reason=expired]`; the overview as the target is left out. */
export function buildLoginHref(current: { pathname: string; search: string }, reason: LoginReason | null): string {
  const params = new URLSearchParams();
  const next = safeReturnPath(`${current.pathname}${current.search}`);
  if (next !== '/') params.set(NEXT_PARAM, next);
  if (reason) params.set(REASON_PARAM, reason);
  const query = params.toString();
  return query ? `${LOGIN_PATH}?${query}` : LOGIN_PATH;
}

/** The login page's own query: where to go afterwards and why it was shown. */
export function readLoginSearch(search: string): { next: string; reason: LoginReason | null } {
  const params = new URLSearchParams(search);
  const reason = params.get(REASON_PARAM);
  return { next: safeReturnPath(params.get(NEXT_PARAM)), reason: isLoginReason(reason) ? reason : null };
}
