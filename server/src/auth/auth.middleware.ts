import type { Database } from '@junheng/db';
import { parseCookie } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { Kysely } from 'kysely';
import { HttpError } from '../http/errors.ts';
import {
  type AuthSettings,
  actorOf,
  audit,
  auditReturningId,
  authenticateSession,
  authenticateToken,
} from './auth.service.ts';
import { setExportRecorder } from './export-audit.ts';
import { type Principal, setPrincipal } from './principal.ts';
import type { PrincipalCache } from './principal-cache.ts';
import { hashSecret, safeEqual } from './secrets.ts';

export const SESSION_COOKIE = 'jh_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths under /api/v1 that answer without a session. */
const PUBLIC_PATHS = new Set(['/auth/login']);

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}

function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function sessionCookieOf(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parseCookie(header)[SESSION_COOKIE] ?? null;
}

/**
 * Mounted on /api/v1: every request but login is answered 401 without a valid session cookie or API token. A
 * session (a browser) must also send its CSRF token on state-changing requests; a bearer token cannot be sent by a
 * browser on its own, so it needs none.
 */
export function authenticate(db: Kysely<Database>, settings: AuthSettings, cache?: PrincipalCache): RequestHandler {
  return async (req, res, next) => {
    if (PUBLIC_PATHS.has(req.path)) {
      next();
      return;
    }
    const principal = await resolvePrincipal(db, settings, req, cache);
    if (principal.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.get(CSRF_HEADER);
      if (!sent || !principal.session || !safeEqual(sent, principal.session.csrfToken)) {
        throw new HttpError(403, 'CsrfFailed', 'CSRF 校验失败，请刷新页面后重试 / CSRF check failed: reload the page');
      }
    }
    setPrincipal(res, principal);
    installExportAudit(db, req, res, principal);
    next();
  };
}

async function resolvePrincipal(
  db: Kysely<Database>,
  settings: AuthSettings,
  req: Request,
  cache: PrincipalCache | undefined,
): Promise<Principal> {
  const token = bearerToken(req);
  const secret = token ? null : sessionCookieOf(req);
  const key = token ? `token:${hashSecret(token)}` : secret ? `session:${hashSecret(secret)}` : null;
  const cached = key ? cache?.get(key) : undefined;
  if (cached) return cached;
  const principal = await lookUpPrincipal(db, settings, token, secret);
  if (key) cache?.set(key, principal);
  return principal;
}

async function lookUpPrincipal(
  db: Kysely<Database>,
  settings: AuthSettings,
  token: string | null,
  secret: string | null,
): Promise<Principal> {
  if (token) {
    const principal = await authenticateToken(db, token);
    if (!principal) {
      throw new HttpError(401, 'Unauthorized', 'API 令牌无效或已吊销 / Invalid or revoked API token', {
        reason: 'invalid_token',
      });
    }
    return principal;
  }
  const principal = secret ? await authenticateSession(db, settings, secret) : null;
  if (!principal) {
    throw new HttpError(
      401,
      'Unauthorized',
      secret ? '登录已过期，请重新登录 / Your session has expired' : '请先登录 / Please sign in',
      { reason: secret ? 'session_expired' : 'no_session' },
    );
  }
  return principal;
}

function installExportAudit(db: Kysely<Database>, req: Request, res: Response, principal: Principal): void {
  const { format: _format, bom: _bom, lang, ...filters } = req.query as Record<string, unknown>;
  const path = req.originalUrl.split('?')[0] ?? req.path;
  const actor = actorOf(principal, clientIp(req));
  setExportRecorder(res, {
    start: (format) => auditReturningId(db, actor, 'export_started', path, { format, lang, filters }),
    finish: async ({ format, rows, status, startedId }) => {
      await audit(db, actor, 'export', path, { format, rows, status, lang, filters, startedId });
    },
  });
}
