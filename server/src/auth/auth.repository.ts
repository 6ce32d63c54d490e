import type { AppUserRecord, Database } from '@junheng/db';
import { type Kysely, sql, type Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export type UserRecord = AppUserRecord & {
  township_names: { code: string; name: string }[] | null;
  /** The account-wide login lock (over all addresses), if any. */
  locked_until: Date | null;
};

/** Users with their townships' names (for display); a code with no township row keeps the code as its name. */
function selectUsers(db: Db) {
  return db
    .selectFrom('app_user as u')
    .selectAll('u')
    .select(
      sql<{ code: string; name: string }[] | null>`(
        select jsonb_agg(jsonb_build_object('code', c.code, 'name', coalesce(t.name, c.code)) order by c.ord)
        from jsonb_array_elements_text(u.township_codes) with ordinality as c(code, ord)
        left join township t on t.code = c.code
      )`.as('township_names'),
    )
    .select((eb) =>
      eb
        .selectFrom('login_throttle as lt')
        .select('lt.locked_until')
        .where('lt.username', '=', sql<string>`lower(u.username)`)
        .where('lt.address', '=', '*')
        .as('locked_until'),
    );
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('app_user').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export async function findUsers(db: Db): Promise<UserRecord[]> {
  return (await selectUsers(db).orderBy('u.id').execute()) as UserRecord[];
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | undefined> {
  return (await selectUsers(db).where('u.id', '=', id).executeTakeFirst()) as UserRecord | undefined;
}

export async function findUserByName(db: Db, username: string): Promise<UserRecord | undefined> {
  return (await selectUsers(db).where(sql`lower(u.username)`, '=', username.toLowerCase()).executeTakeFirst()) as
    | UserRecord
    | undefined;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: string;
  districtCodes: string[] | null;
  townships: string[] | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      username: user.username,
      password_hash: user.passwordHash,
      role: user.role,
      district_codes: user.districtCodes === null ? null : JSON.stringify(user.districtCodes),
      township_codes: user.townships === null ? null : JSON.stringify(user.townships),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UserChanges {
  role?: string;
  districtCodes?: string[] | null;
  townships?: string[] | null;
  disabled?: boolean;
  passwordHash?: string;
}

export async function updateUser(db: Db, id: number, changes: UserChanges): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.districtCodes !== undefined
        ? { district_codes: changes.districtCodes === null ? null : JSON.stringify(changes.districtCodes) }
        : {}),
      ...(changes.townships !== undefined
        ? { township_codes: changes.townships === null ? null : JSON.stringify(changes.townships) }
        : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Answers the login time as stored. */
export async function recordSuccessfulLogin(db: Db, id: number): Promise<Date | null> {
  const row = await db
    .updateTable('app_user')
    .set({ last_login_at: sql`now()` })
    .where('id', '=', id)
    .returning('last_login_at')
    .executeTakeFirst();
  return row?.last_login_at ?? null;
}

export async function insertSession(
  db: Db,
  session: { idHash: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

const PRINCIPAL_COLUMNS = ['u.id as user_id', 'u.username', 'u.role', 'u.district_codes', 'u.township_codes'] as const;

/** A live session (not revoked, not expired, not idle too long) with its user, who must not be disabled. */
export async function findLiveSession(db: Db, idHash: string, idleSeconds: number) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.csrf_token', 's.expires_at', 's.last_seen_at', ...PRINCIPAL_COLUMNS])
    .where('s.id_hash', '=', idHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: sql`now()` }).where('id_hash', '=', idHash).execute();
}

export async function revokeSession(db: Db, idHash: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: sql`now()` })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeUserSessions(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every API token of a user (a password reset or a disabled account). */
export async function revokeUserApiTokens(db: Db, userId: number): Promise<number> {
  const rows = await db
    .updateTable('api_token')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

export async function insertApiToken(
  db: Db,
  token: { userId: number; name: string; prefix: string; tokenHash: string },
): Promise<number> {
  const row = await db
    .insertInto('api_token')
    .values({ user_id: token.userId, name: token.name, prefix: token.prefix, token_hash: token.tokenHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function selectTokens(db: Db) {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.user_id',
      'u.username',
      't.name',
      't.prefix',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
      'u.district_codes',
      'u.township_codes',
    ]);
}

export async function findApiTokens(db: Db, userId: number | null) {
  return selectTokens(db)
    .$if(userId !== null, (qb) => qb.where('t.user_id', '=', userId as number))
    .orderBy('t.id')
    .execute();
}

export async function findApiTokenById(db: Db, id: number) {
  return selectTokens(db).where('t.id', '=', id).executeTakeFirst();
}

/** The user of a live token (not revoked, user not disabled). */
export async function findLiveApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.id', 't.last_used_at', ...PRINCIPAL_COLUMNS])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, id: number): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: sql`now()` }).where('id', '=', id).execute();
}

export async function revokeApiToken(db: Db, id: number): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
