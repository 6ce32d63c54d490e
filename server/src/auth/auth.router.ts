import type { Database } from '@junheng/db';
import { type MeResponse, routes, type User } from '@junheng/shared';
import { type Request, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Kysely } from 'kysely';
import { HttpError } from '../http/errors.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { clientIp, SESSION_COOKIE } from './auth.middleware.ts';
import {
  type AuthSettings,
  actorOf,
  createApiToken,
  findUserIdByName,
  getUser,
  listApiTokens,
  login,
  logout,
  revokeToken,
} from './auth.service.ts';
import { type Principal, principalOf, requirePermission } from './principal.ts';

export interface AuthRouterOptions {
  settings: AuthSettings;
  cookieSecure: boolean;
  /** Login attempts per address per 15 minutes, on top of the per-account lockout. */
  loginAttemptsPerWindow: number;
  /** Told when a session or token ends here, so that no cached principal outlives it. */
  onAuthChanged?: () => void;
}

function meResponse(user: User, principal: Principal): MeResponse {
  return {
    user,
    csrfToken: principal.session?.csrfToken ?? null,
    via: principal.via,
    sessionExpiresAt: principal.session?.expiresAt.toISOString() ?? null,
  };
}

/** A login form posted from another site is refused: the browser names the page's origin, and it must be ours. */
function requireSameOrigin(req: Request): void {
  const origin = req.get('origin');
  if (!origin) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (host !== req.get('host')) {
    throw new HttpError(403, 'CsrfFailed', '拒绝来自其他站点的登录请求 / Cross-site login refused');
  }
}

export function createAuthRouter(db: Kysely<Database>, options: AuthRouterOptions): Router {
  const router = Router();
  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: options.loginAttemptsPerWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new HttpError(429, 'TooManyAttempts', '登录尝试过于频繁，请稍后再试 / Too many login attempts, try later')),
  });

  router.post(routes.login.path, loginLimiter, async (req, res) => {
    requireSameOrigin(req);
    if (!req.is('application/json')) {
      throw new HttpError(415, 'UnsupportedMediaType', '登录请求应为 JSON / Login expects application/json');
    }
    const body = parseInput(routes.login.body, req.body, 'body');
    const result = await login(db, options.settings, body, clientIp(req));
    res.cookie(SESSION_COOKIE, result.sessionSecret, {
      httpOnly: true,
      sameSite: 'strict',
      secure: options.cookieSecure,
      path: '/',
      expires: result.principal.session?.expiresAt,
    });
    res.setHeader('Cache-Control', 'no-store');
    sendValidated(res, routes.login.response, meResponse(result.user, result.principal));
  });

  router.post(routes.logout.path, async (req, res: Response) => {
    try {
      await logout(db, principalOf(res), clientIp(req));
    } finally {
      options.onAuthChanged?.();
    }
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: options.cookieSecure, path: '/' });
    sendValidated(res, routes.logout.response, { ok: true });
  });

  router.get(routes.me.path, async (_req, res) => {
    const principal = principalOf(res);
    res.setHeader('Cache-Control', 'no-store');
    sendValidated(res, routes.me.response, meResponse(await getUser(db, principal.userId), principal));
  });

  router.get(routes.listTokens.path, async (req, res) => {
    const principal = principalOf(res);
    const query = parseInput(routes.listTokens.query, req.query, 'query');
    const everyone = query.all && principal.role === 'admin';
    sendValidated(res, routes.listTokens.response, {
      tokens: await listApiTokens(db, everyone ? null : principal.userId, principal.access),
    });
  });

  router.post(routes.createToken.path, async (req, res) => {
    const principal = principalOf(res);
    const body = parseInput(routes.createToken.body, req.body ?? {}, 'body');
    let ownerId = principal.userId;
    if (body.username !== undefined && body.username.toLowerCase() !== principal.username.toLowerCase()) {
      requirePermission(res, 'manageUsers');
      // Only for a user the administrator manages (within its own scope); anyone else is 404, as if absent.
      ownerId = await findUserIdByName(db, body.username, principal.access);
    }
    const created = await createApiToken(db, actorOf(principal, clientIp(req)), ownerId, body.name);
    res.setHeader('Cache-Control', 'no-store');
    sendValidated(res, routes.createToken.response, created, 201);
  });

  router.delete(routes.revokeToken.path, async (req, res) => {
    const principal = principalOf(res);
    const { id } = parseInput(routes.revokeToken.params, req.params, 'params');
    const actor = actorOf(principal, clientIp(req));
    try {
      await revokeToken(db, actor, id, principal.role === 'admin' ? null : principal.userId, principal.access);
    } finally {
      options.onAuthChanged?.();
    }
    sendValidated(res, routes.revokeToken.response, { ok: true });
  });

  return router;
}
