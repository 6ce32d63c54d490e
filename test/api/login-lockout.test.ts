import { ApiErrorSchema } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenUser, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * The login lockout under parallel attempts (the race matters on real PostgreSQL, `pnpm test:pg
 * test/api/login-lockout.test.ts`), per name-and-address locks that answer unknown names exactly like known ones,
 * and the account-wide limit that only many addresses together can reach.
 */
describe(`login lockout (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const password = 'correct-horse-battery';

  beforeAll(async () => {
    database = await createTestDatabase();
    // 5 failures per name and address; 12 per name from all addresses; the per-address limiter out of the way.
    app = await startTestApp(database.db, {
      LOGIN_MAX_FAILURES: '5',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '12',
      LOGIN_ATTEMPTS_PER_15_MIN: '10000',
      TRUST_PROXY: '1',
    });
    for (const username of ['burst', 'named', 'victim', 'popular']) {
      await createTokenUser(database.db, 'analyst', { username, password });
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const login = (username: string, pw: string, address = '203.0.113.1') =>
    fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify({ username, password: pw }),
    });

  /** How many attempts on `username` reached the password check (failed ones, from the audit log). */
  const checkedFailures = async (username: string) => {
    const rows = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'login_failed')
      .where('username', '=', username)
      .execute();
    return rows.filter((r) => String((r.details as { reason?: string }).reason).startsWith('wrong_password')).length;
  };

  it('should check at most LOGIN_MAX_FAILURES of 30 parallel wrong passwords and refuse the right one sent in the same burst', async () => {
    const wrong = Array.from({ length: 30 }, (_, i) => login('burst', `wrong-${i}`));
    // The right password follows within the burst: the wrong ones are still in flight (each costs one scrypt).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const right = login('burst', password);
    const statuses = (await Promise.all(wrong)).map((r) => r.status);
    const rightStatus = (await right).status;
    const checked = await checkedFailures('burst');
    console.info(
      `[lockout] 30 parallel wrong passwords: ${checked} checked before the lock; right password in the burst → ${rightStatus}`,
    );
    expect(checked).toBe(5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(26);
    expect(rightStatus).toBe(429);
  });

  it('should answer an unknown name exactly like an existing one, lock included', async () => {
    const answers = async (username: string, address: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i += 1) {
        const res = await login(username, `guess-${i}`, address);
        const error = ApiErrorSchema.parse(await res.json()).error;
        out.push(`${res.status} ${error.code} ${error.message}`);
      }
      return out;
    };
    const known = await answers('named', '198.51.100.7');
    const unknown = await answers('no-such-user', '198.51.100.8');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.split(' ')[0])).toEqual(['401', '401', '401', '401', '429', '429', '429']);
  });

  it('should not let one address lock the account for another address', async () => {
    for (let i = 0; i < 8; i += 1) await login('victim', `wrong-${i}`, '192.0.2.66');
    expect((await login('victim', password, '192.0.2.66')).status).toBe(429);
    // The owner, elsewhere, signs in as usual.
    expect((await login('victim', password, '192.0.2.10')).status).toBe(200);
  });

  it('should lock the account for every address once many addresses together reach the account-wide limit', async () => {
    // 12 failures per account: three addresses with 4 each (each address stays under its own 5).
    for (const address of ['10.1.0.1', '10.2.0.1', '10.3.0.1']) {
      for (let i = 0; i < 4; i += 1)
        expect((await login('popular', `wrong-${i}`, address)).status).toBe(
          i < 3 || address !== '10.3.0.1' ? 401 : 429,
        );
    }
    const elsewhere = await login('popular', password, '10.9.0.1');
    expect(elsewhere.status).toBe(429);
    const users = (await (await app.fetch(`${app.baseUrl}/api/v1/admin/users`)).json()) as {
      users: { id: number; username: string; lockedUntil: string | null }[];
    };
    const popular = users.users.find((u) => u.username === 'popular');
    expect(popular?.lockedUntil).not.toBeNull();
    // An administrator's password reset lifts every lock of the name.
    const reset = await app.fetch(`${app.baseUrl}/api/v1/admin/users/${popular?.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: 'a-brand-new-password' }),
    });
    expect(reset.status).toBe(200);
    expect((await login('popular', 'a-brand-new-password', '10.1.0.1')).status).toBe(200);
  });
});
