import { type AccessScope, can, type Permission, type Role } from '@junheng/shared';
import type { Response } from 'express';
import { HttpError } from '../http/errors.ts';

/** Who is asking, resolved once per request by the authentication middleware. */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  access: AccessScope;
  via: 'session' | 'token';
  session: { idHash: string; csrfToken: string; expiresAt: Date } | null;
}

export function setPrincipal(res: Response, principal: Principal): void {
  res.locals.principal = principal;
}

/** The request's principal; a handler reached without one is a wiring mistake, answered as 401, never as access. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new HttpError(401, 'Unauthorized', '请先登录 / Please sign in');
  return principal;
}

/** The access scope every repository call of this request must carry. */
export function accessOf(res: Response): AccessScope {
  return principalOf(res).access;
}

export function requirePermission(res: Response, permission: Permission): Principal {
  const principal = principalOf(res);
  if (!can(principal.role, permission)) {
    throw new HttpError(403, 'Forbidden', '没有权限执行此操作 / You do not have permission for this action');
  }
  return principal;
}
