import type { Database } from '@junheng/db';
import { type Kysely, sql, type Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

/** The address key that stands for every address: the account-wide count. */
export const ANY_ADDRESS = '*';

export interface ThrottleState {
  /** Attempts counted in the current window, this one included. */
  failures: number;
  lockedUntil: Date | null;
}

/**
 * Counts one login attempt for (name, address) before its password is checked, in one atomic upsert, so parallel
 * attempts each get their own number: only numbers up to `maxFailures` may go on to the password check. The
 * `maxFailures`-th attempt sets the lock (`lockSeconds` from now); a count whose last attempt is older than the lock
 * period, or whose lock has run out, starts again at 1. A successful login takes its attempt back
 * (`forgiveLoginAttempt`).
 */
export async function reserveLoginAttempt(
  db: Db,
  key: { username: string; address: string },
  limits: { maxFailures: number; lockSeconds: number },
): Promise<ThrottleState> {
  const lockUntil = sql<Date>`now() + make_interval(secs => ${limits.lockSeconds})`;
  const restarts = sql<boolean>`(login_throttle.last_attempt_at < now() - make_interval(secs => ${limits.lockSeconds})
    or login_throttle.locked_until <= now())`;
  const next = sql<number>`(case when ${restarts} then 1 else login_throttle.failures + 1 end)`;
  const row = await db
    .insertInto('login_throttle')
    .values({
      username: key.username,
      address: key.address,
      failures: 1,
      locked_until: limits.maxFailures <= 1 ? lockUntil : null,
      last_attempt_at: sql`now()`,
    })
    .onConflict((oc) =>
      oc.columns(['username', 'address']).doUpdateSet({
        failures: next,
        locked_until: sql`case
          when login_throttle.locked_until > now() then login_throttle.locked_until
          when ${next} >= ${limits.maxFailures} then ${lockUntil}
        end`,
        last_attempt_at: sql`now()`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failures: row.failures, lockedUntil: row.locked_until };
}

/**
 * Takes back one counted attempt whose password was right. The (name, address) count is cleared; the account-wide
 * count only loses this one attempt, so a user signing in does not wipe out failures counted from other addresses.
 * `liftAccountLock`: this very attempt set the account-wide lock, which a right password lifts again.
 */
export async function forgiveLoginAttempt(
  db: Db,
  key: { username: string; address: string },
  liftAccountLock: boolean,
): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('username', '=', key.username)
    .where('address', '=', key.address)
    .execute();
  await db
    .updateTable('login_throttle')
    .set({
      failures: sql`greatest(failures - 1, 0)`,
      ...(liftAccountLock ? { locked_until: null } : {}),
    })
    .where('username', '=', key.username)
    .where('address', '=', ANY_ADDRESS)
    .execute();
}

/** Lifts every lock and count of a name (a new password was set). */
export async function clearLoginThrottle(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username.toLowerCase()).execute();
}

/** Forgets counts that can no longer lock anything: unlocked, last attempt older than the lock period. */
export async function pruneLoginThrottle(db: Db, lockSeconds: number): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('last_attempt_at', '<', sql<Date>`now() - make_interval(secs => ${lockSeconds})`)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .execute();
}
