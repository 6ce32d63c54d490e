import type { Database } from '@junheng/db';
import type {
  AccessScope,
  ApiToken,
  AuditAction,
  CreateUserRequest,
  Role,
  UpdateUserRequest,
  User,
} from '@junheng/shared';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Kysely } from 'kysely';
import { findTownships } from '../districts/districts.repository.ts';
import { HttpError } from '../http/errors.ts';
import { insertAuditEntry } from './audit.repository.ts';
import {
  countUsers,
  findApiTokenById,
  findApiTokens,
  findLiveApiToken,
  findLiveSession,
  findUserById,
  findUserByName,
  findUsers,
  insertApiToken,
  insertSession,
  insertUser,
  recordSuccessfulLogin,
  revokeApiToken,
  revokeSession,
  revokeUserApiTokens,
  revokeUserSessions,
  touchApiToken,
  touchSession,
  type UserRecord,
  updateUser,
} from './auth.repository.ts';
import {
  ANY_ADDRESS,
  clearLoginThrottle,
  forgiveLoginAttempt,
  pruneLoginThrottle,
  reserveLoginAttempt,
} from './login-throttle.repository.ts';
import { isUnrestricted, isWithinScope, requireGrantWithin, UNRESTRICTED } from './manager-scope.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';
import type { Principal } from './principal.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secrets.ts';

export interface AuthSettings {
  sessionTtlMs: number;
  sessionIdleMs: number;
  /** Failed logins per (user name, address) before that pair locks for `lockoutMs`. */
  maxFailedLogins: number;
  /** Failed logins per user name from all addresses together before the name locks everywhere. */
  maxAccountFailures: number;
  lockoutMs: number;
}

/** Who did something, for the audit log: a principal, or a name and address before anyone is signed in. */
export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

export function actorOf(principal: Principal | null, ip: string | null): Actor {
  return { userId: principal?.userId ?? null, username: principal?.username ?? null, ip };
}

export async function audit(
  db: Kysely<Database>,
  actor: Actor,
  action: AuditAction,
  target: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertAuditEntry(db, { ...actor, action, target, details });
}

/** Like `audit`, answering the new entry's id (to link a later entry to it). */
export async function auditReturningId(
  db: Kysely<Database>,
  actor: Actor,
  action: AuditAction,
  target: string | null,
  details: Record<string, unknown> = {},
): Promise<number> {
  return insertAuditEntry(db, { ...actor, action, target, details });
}

const INVALID_CREDENTIALS = () => new HttpError(401, 'Unauthorized', '用户名或密码错误 / Wrong user name or password');

// Unknown user names still cost one scrypt, so response time does not tell which names exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword(generatePassword());
  return dummyHash;
};

function accessOfRecord(record: { district_codes: string[] | null; township_codes: string[] | null }): AccessScope {
  return { districtCodes: record.district_codes ?? null, townships: record.township_codes ?? null };
}

export function toUser(record: UserRecord): User {
  return {
    id: record.id,
    username: record.username,
    role: record.role as Role,
    districtCodes: record.district_codes ?? null,
    townships: record.township_names ?? (record.township_codes ? [] : null),
    disabled: record.disabled,
    createdAt: record.created_at.toISOString(),
    lastLoginAt: record.last_login_at?.toISOString() ?? null,
    lockedUntil: record.locked_until && record.locked_until > new Date() ? record.locked_until.toISOString() : null,
  };
}

export interface LoginResult {
  principal: Principal;
  user: User;
  /** The cookie value; only its hash is stored. */
  sessionSecret: string;
}

/**
 * Password login, throttled before the password is checked: each attempt first takes a number, atomically in the
 * database, for its (name, address) pair and then for the name over all addresses, and only attempts within both
 * limits reach the (deliberately slow) password check. Parallel attempts therefore cannot all be checked before the
 * lock. Names are counted whether or not they exist, and an unknown name costs the same password check, so every
 * answer (401, then 429 with the same message) is the same for an existing and an unknown name. A lock is per
 * address: one address locks only itself out; the account-wide limit is higher, so only several addresses together
 * can lock a name for everyone.
 */
export async function login(
  db: Kysely<Database>,
  settings: AuthSettings,
  credentials: { username: string; password: string },
  ip: string | null,
): Promise<LoginResult> {
  const user = await findUserByName(db, credentials.username);
  const failed = (reason: string) =>
    audit(db, { userId: user?.id ?? null, username: credentials.username, ip }, 'login_failed', null, { reason });
  const name = credentials.username.trim().toLowerCase();
  // IPv6: one /56 network counts as one address (as the per-address rate limit does), or one host could rotate.
  const pairKey = { username: name, address: ip ? ipKeyGenerator(ip, 56) : 'unknown' };
  const lockSeconds = settings.lockoutMs / 1000;
  const pair = await reserveLoginAttempt(db, pairKey, { maxFailures: settings.maxFailedLogins, lockSeconds });
  if (pair.failures > settings.maxFailedLogins) {
    await failed('locked');
    throw lockedError(pair.lockedUntil, settings);
  }
  const account = await reserveLoginAttempt(
    db,
    { username: name, address: ANY_ADDRESS },
    { maxFailures: settings.maxAccountFailures, lockSeconds },
  );
  if (account.failures > settings.maxAccountFailures) {
    await failed('account_locked');
    throw lockedError(account.lockedUntil, settings);
  }
  const valid = await verifyPassword(credentials.password, user?.password_hash ?? (await getDummyHash()));
  if (!user || !valid) {
    // This attempt may be the one that set a lock: it says so, exactly as the next attempts will.
    const lockedUntil =
      pair.failures >= settings.maxFailedLogins
        ? pair.lockedUntil
        : account.failures >= settings.maxAccountFailures
          ? account.lockedUntil
          : null;
    await failed(!user ? 'unknown_user' : lockedUntil ? 'wrong_password_locked' : 'wrong_password');
    if (lockedUntil) throw lockedError(lockedUntil, settings);
    throw INVALID_CREDENTIALS();
  }
  await forgiveLoginAttempt(db, pairKey, account.failures >= settings.maxAccountFailures);
  if (user.disabled) {
    await failed('disabled');
    throw new HttpError(401, 'Unauthorized', '账户已停用，请联系管理员 / This account is disabled', {
      reason: 'disabled',
    });
  }
  await pruneLoginThrottle(db, lockSeconds);
  const lastLoginAt = await recordSuccessfulLogin(db, user.id);
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + settings.sessionTtlMs);
  const idHash = hashSecret(sessionSecret);
  await insertSession(db, { idHash, userId: user.id, csrfToken, expiresAt });
  await audit(db, { userId: user.id, username: user.username, ip }, 'login', null, { via: 'password' });
  return {
    principal: {
      userId: user.id,
      username: user.username,
      role: user.role as Role,
      access: accessOfRecord(user),
      via: 'session',
      session: { idHash, csrfToken, expiresAt },
    },
    user: toUser({ ...user, locked_until: null, last_login_at: lastLoginAt }),
    sessionSecret,
  };
}

function lockedError(lockedUntil: Date | null, settings: AuthSettings): HttpError {
  // A count past its limit always carries a lock; the fallback only keeps the type honest.
  const until = lockedUntil ?? new Date(Date.now() + settings.lockoutMs);
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new HttpError(
    429,
    'TooManyAttempts',
    `密码错误次数过多，该用户名已临时锁定，请 ${minutes} 分钟后再试 / Too many failed attempts: locked for ${minutes} min`,
    { lockedUntil: until.toISOString() },
  );
}

// Touching last-seen once a minute is enough for the idle timeout and keeps reads free of writes.
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateSession(
  db: Kysely<Database>,
  settings: AuthSettings,
  sessionSecret: string,
): Promise<Principal | null> {
  const idHash = hashSecret(sessionSecret);
  const row = await findLiveSession(db, idHash, Math.round(settings.sessionIdleMs / 1000));
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, idHash);
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role as Role,
    access: accessOfRecord(row),
    via: 'session',
    session: { idHash, csrfToken: row.csrf_token, expiresAt: row.expires_at },
  };
}

export async function authenticateToken(db: Kysely<Database>, secret: string): Promise<Principal | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await findLiveApiToken(db, hashSecret(secret));
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    await touchApiToken(db, row.id);
  }
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role as Role,
    access: accessOfRecord(row),
    via: 'token',
    session: null,
  };
}

export async function logout(db: Kysely<Database>, principal: Principal, ip: string | null): Promise<void> {
  if (principal.session) await revokeSession(db, principal.session.idHash);
  await audit(db, actorOf(principal, ip), 'logout', null);
}

export async function getUser(db: Kysely<Database>, id: number): Promise<User> {
  const record = await findUserById(db, id);
  if (!record) throw new HttpError(404, 'NotFound', `没有用户 ${id} / No user ${id}`);
  return toUser(record);
}

/**
 * The users an administrator manages: all of them for an unrestricted one; for one limited to a district (or
 * townships), only the users whose scope lies within that limit.
 */
export async function listUsers(db: Kysely<Database>, manager: AccessScope = UNRESTRICTED): Promise<User[]> {
  return (await findManagedUsers(db, manager)).map(toUser);
}

async function findManagedUsers(db: Kysely<Database>, manager: AccessScope): Promise<UserRecord[]> {
  const users = await findUsers(db);
  return isUnrestricted(manager) ? users : users.filter((u) => isWithinScope(accessOfRecord(u), manager));
}

/** Ids of the users an administrator manages, for filtering the audit log; null: everyone. */
export async function managedUserIds(db: Kysely<Database>, manager: AccessScope): Promise<number[] | null> {
  if (isUnrestricted(manager)) return null;
  return (await findManagedUsers(db, manager)).map((u) => u.id);
}

/** A user outside the administrator's scope answers 404, as if absent: its name tells nothing more. */
async function findManagedUser(db: Kysely<Database>, id: number, manager: AccessScope): Promise<UserRecord> {
  const user = await findUserById(db, id);
  if (!user || !isWithinScope(accessOfRecord(user), manager)) {
    throw new HttpError(404, 'NotFound', `没有用户 ${id} / No user ${id}`);
  }
  return user;
}

/**
 * Township codes must exist and, with districts, belong to one of them: a typo would otherwise silently show nothing.
 * District codes need not exist yet: a county's administrator is set up before its first import.
 */
async function checkScope(db: Kysely<Database>, districtCodes: string[] | null, townships: string[] | null) {
  if (!townships || townships.length === 0) return;
  const found = await findTownships(db, townships);
  const byCode = new Map(found.map((t) => [t.code, t.districtCode]));
  const unknown = townships.filter((code) => !byCode.has(code));
  if (unknown.length > 0) {
    throw new HttpError(400, 'ValidationFailed', `没有这些乡镇：${unknown.join('、')} / Unknown townships`, {
      in: 'body',
      fields: [{ field: 'townships', message: `unknown: ${unknown.join(', ')}` }],
    });
  }
  const counties = districtCodes ? new Set(districtCodes) : null;
  const foreign = counties ? townships.filter((code) => !counties.has(byCode.get(code) ?? '')) : [];
  if (foreign.length > 0) {
    const named = districtCodes?.join('、');
    throw new HttpError(400, 'ValidationFailed', `乡镇不属于区县 ${named}：${foreign.join('、')}`, {
      in: 'body',
      fields: [{ field: 'townships', message: `not in district ${named}: ${foreign.join(', ')}` }],
    });
  }
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  request: CreateUserRequest,
  manager: AccessScope = UNRESTRICTED,
): Promise<User> {
  const townships = request.role === 'viewer' || request.townships?.length ? request.townships : null;
  requireGrantWithin({ districtCodes: request.districtCodes, townships }, manager);
  if (await findUserByName(db, request.username)) {
    throw new HttpError(409, 'Conflict', `用户名已存在：${request.username} / User name taken`);
  }
  await checkScope(db, request.districtCodes, townships);
  const id = await insertUser(db, {
    username: request.username,
    passwordHash: await hashPassword(request.password),
    role: request.role,
    districtCodes: request.districtCodes,
    townships,
  });
  await audit(db, actor, 'user_created', request.username, {
    role: request.role,
    districtCodes: request.districtCodes,
    townships,
  });
  return getUser(db, id);
}

export async function changeUser(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  changes: UpdateUserRequest,
  manager: AccessScope = UNRESTRICTED,
): Promise<User> {
  const before = await findManagedUser(db, id, manager);
  const role = changes.role ?? (before.role as Role);
  const townships = changes.townships !== undefined ? changes.townships : before.township_codes;
  const districtCodes = changes.districtCodes !== undefined ? changes.districtCodes : (before.district_codes ?? null);
  if (role === 'viewer' && (!townships || townships.length === 0)) {
    throw new HttpError(400, 'ValidationFailed', '查看者必须限定至少一个乡镇 / a viewer needs townships', {
      in: 'body',
      fields: [{ field: 'townships', message: 'required for a viewer' }],
    });
  }
  requireGrantWithin({ districtCodes, townships }, manager);
  await checkScope(db, districtCodes, townships);
  const losesAdmin = before.role === 'admin' && (role !== 'admin' || changes.disabled === true);
  if (losesAdmin) {
    const activeAdmins = (await findUsers(db)).filter((u) => u.role === 'admin' && !u.disabled);
    if (activeAdmins.length <= 1) {
      throw new HttpError(409, 'Conflict', '不能停用或降级最后一个管理员 / Cannot remove the last administrator');
    }
  }
  await updateUser(db, id, {
    ...(changes.role !== undefined ? { role: changes.role } : {}),
    ...(changes.districtCodes !== undefined ? { districtCodes: changes.districtCodes } : {}),
    ...(changes.townships !== undefined ? { townships: changes.townships } : {}),
    ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
    ...(changes.password !== undefined ? { passwordHash: await hashPassword(changes.password) } : {}),
  });
  // A disabled account or a reset password ends every session and revokes every API token at once: a token made
  // before the reset must not outlive it, and re-enabling an account does not bring old tokens back.
  let tokensRevoked = 0;
  if (changes.disabled === true || changes.password !== undefined) {
    await revokeUserSessions(db, id);
    tokensRevoked = await revokeUserApiTokens(db, id);
  }
  // A new password also lifts every login lock of the name.
  if (changes.password !== undefined) await clearLoginThrottle(db, before.username);
  const { password: _password, ...logged } = changes;
  await audit(db, actor, 'user_updated', before.username, {
    ...logged,
    ...(changes.password !== undefined ? { passwordReset: true } : {}),
    ...(tokensRevoked > 0 ? { tokensRevoked } : {}),
  });
  return getUser(db, id);
}

export async function findUserIdByName(
  db: Kysely<Database>,
  username: string,
  manager: AccessScope = UNRESTRICTED,
): Promise<number> {
  const user = await findUserByName(db, username);
  if (!user || !isWithinScope(accessOfRecord(user), manager))
    throw new HttpError(404, 'NotFound', `没有用户 ${username} / No user ${username}`);
  return user.id;
}

/**
 * With no users at all, creates `admin` with ADMIN_PASSWORD or a generated password, which the caller prints once.
 */
export async function ensureInitialAdmin(
  db: Kysely<Database>,
  adminPassword: string | undefined,
): Promise<{ created: false } | { created: true; username: string; password: string; generated: boolean }> {
  if ((await countUsers(db)) > 0) return { created: false };
  const password = adminPassword ?? generatePassword();
  await insertUser(db, {
    username: 'admin',
    passwordHash: await hashPassword(password),
    role: 'admin',
    districtCodes: null,
    townships: null,
  });
  await audit(db, { userId: null, username: 'system', ip: null }, 'user_created', 'admin', {
    role: 'admin',
    initial: true,
  });
  return { created: true, username: 'admin', password, generated: adminPassword === undefined };
}

function toApiToken(row: Awaited<ReturnType<typeof findApiTokens>>[number]): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function createApiToken(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  name: string,
): Promise<{ token: ApiToken; secret: string }> {
  const user = await findUserById(db, userId);
  if (!user) throw new HttpError(404, 'NotFound', `没有用户 ${userId} / No user ${userId}`);
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
  const id = await insertApiToken(db, { userId, name, prefix: secret.slice(0, 10), tokenHash: hashSecret(secret) });
  await audit(db, actor, 'token_created', user.username, { tokenId: id, name });
  const row = await findApiTokenById(db, id);
  return { token: toApiToken(row as NonNullable<typeof row>), secret };
}

/** Tokens of `userId`, or (null) of every user the administrator `manager` manages. */
export async function listApiTokens(
  db: Kysely<Database>,
  userId: number | null,
  manager: AccessScope = UNRESTRICTED,
): Promise<ApiToken[]> {
  return (await findApiTokens(db, userId))
    .filter((row) => userId !== null || isWithinScope(accessOfRecord(row), manager))
    .map(toApiToken);
}

/**
 * Revokes a token of `ownerId` (null: of any user the administrator `manager` manages). Any other token is 404, as
 * if absent.
 */
export async function revokeToken(
  db: Kysely<Database>,
  actor: Actor,
  tokenId: number,
  ownerId: number | null,
  manager: AccessScope = UNRESTRICTED,
): Promise<void> {
  const row = await findApiTokenById(db, tokenId);
  const allowed = ownerId !== null ? row?.user_id === ownerId : row && isWithinScope(accessOfRecord(row), manager);
  if (!row || !allowed) {
    throw new HttpError(404, 'NotFound', `没有令牌 ${tokenId} / No token ${tokenId}`);
  }
  await revokeApiToken(db, tokenId);
  await audit(db, actor, 'token_revoked', row.username, { tokenId, name: row.name });
}
