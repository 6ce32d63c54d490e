import { loadDemoCountyIfEmpty } from '@junheng/server';
import { ApiErrorSchema, type Role, routes } from '@junheng/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenUser, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/** Injection strings (SQL, path traversal, script, encodings) and values that are almost right. */
const NASTY = [
  "' or 1=1 --",
  "330999' OR '1'='1",
  "'; drop table school; --",
  '2024; drop table school',
  '1 union select password_hash from app_user',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '%00',
  '\u0000',
  '-1',
  '0',
  '1e309',
  'NaN',
  '９９',
  '',
  ',,,',
  'x'.repeat(5000),
  '330999',
  '330999101',
  '330999001,330999101',
  '2133990101',
  'primary',
  'junior',
  '2024',
  'csv',
  'xlsx',
  'true',
  'urban',
];
const PARAMS = [
  'year',
  'stage',
  'township',
  'locale',
  'group',
  'includePrivate',
  'format',
  'bom',
  'lang',
  'indicator',
  'from',
  'to',
  'table',
  'by',
  'dryRun',
  'all',
  'action',
  'username',
  'limit',
  'before',
  '__proto__',
];
const ROUTES = Object.values(routes);
type Caller = Role | 'anonymous' | 'forged';
const CALLERS: Caller[] = ['anonymous', 'forged', 'viewer', 'analyst', 'admin'];
const STACK_OR_SQL = /at .*\.(ts|js|mjs):\d+|\bselect\b.*\bfrom\b|postgres|kysely|pglite|node_modules|syntax error/i;

describe(`10 000 generated requests with any path, query, body and credentials (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const tokens = {} as Record<Role, string>;
  let hiddenCodes: string[] = [];
  let before = '';
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        database.db
          .selectFrom('school')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst(),
        database.db
          .selectFrom('school_year_stat')
          .select((eb) => eb.fn.sum('books').as('n'))
          .executeTakeFirst(),
        database.db
          .selectFrom('rotation')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst(),
      ]),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
    for (const role of ['viewer', 'analyst', 'admin'] as const) {
      tokens[role] = (
        await createTokenUser(database.db, role, role === 'viewer' ? { townships: ['330999101'] } : {})
      ).token;
    }
    const hidden = await database.db
      .selectFrom('school')
      .select('code')
      .where('township_code', '<>', '330999101')
      .execute();
    hiddenCodes = hidden.map((s) => s.code);
    before = await snapshot();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should refuse a NUL character in the path, the query or a JSON body as bad input (PostgreSQL text cannot hold it)', async () => {
    const auth = { Authorization: `Bearer ${tokens.admin}` };
    for (const url of [
      '/api/v1/schools/21339901%00',
      '/api/v1/districts/330999/balance?year=2024&stage=primary&group=a%00',
    ]) {
      const res = await fetch(app.baseUrl + url, { headers: auth });
      expect(res.status, url).toBe(400);
      expect(ApiErrorSchema.parse(await res.json()).error.code).toBe('ValidationFailed');
    }
    const login = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin\u0000', password: 'x' }),
    });
    expect(login.status).toBe(400);
  });

  it('should never answer 5xx, never leak a stack trace or SQL, never show a viewer another township, and change no data', async () => {
    const value = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 }), fc.integer().map(String));
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(fc.constantFrom('changes', 'username', 'password', 'role', 'townships', 'name', 'disabled'), value),
      fc.record({
        changes: fc.array(
          fc.record({
            type: fc.constantFrom('move_teachers', 'add_resource', 'add_students', 'add_teachers', 'x'),
            from: value,
            to: value,
            school: value,
            count: fc.oneof(fc.integer(), fc.double()),
            resource: value,
            amount: fc.double(),
            stage: value,
          }),
          { maxLength: 3 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.oneof(fc.constant('330999'), fc.constant('2133990101'), fc.constant('1'), value),
        fc.dictionary(fc.constantFrom(...PARAMS), value, { maxKeys: 6 }),
        body,
        fc.constantFrom(...CALLERS),
        async (route, code, query, payload, caller) => {
          const path = route.path.replace(/:(code|id)/, encodeURIComponent(code));
          const url = new URL(app.baseUrl + path);
          for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
          const headers = new Headers();
          if (caller === 'forged') headers.set('Authorization', `Bearer jh_${encodeURIComponent(code)}`);
          else if (caller !== 'anonymous') headers.set('Authorization', `Bearer ${tokens[caller]}`);
          const hasBody = route.method !== 'GET' && payload !== undefined;
          if (hasBody) headers.set('Content-Type', 'application/json');
          const res = await fetch(url, {
            method: route.method,
            headers,
            ...(hasBody ? { body: JSON.stringify(payload) } : {}),
          });
          const text = await res.text();
          const where = `${caller} ${route.method} ${url.pathname}${url.search.slice(0, 200)} → ${res.status} ${text.slice(0, 200)}`;
          expect(res.status, where).toBeLessThan(500);
          // The audit log rightly echoes what was typed (a login name like "1 union select …"): only the server's own
          // words must be free of stack frames and SQL.
          const own = NASTY.reduce((t, n) => (n.length > 3 ? t.replaceAll(n, '') : t), text);
          expect(own, where).not.toMatch(STACK_OR_SQL);
          if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
            expect(ApiErrorSchema.safeParse(JSON.parse(text)).success, where).toBe(true);
          }
          if (caller === 'viewer' && !res.headers.get('content-type')?.includes('spreadsheet')) {
            const leaked = hiddenCodes.find((c) => text.includes(c) && c !== code && !url.search.includes(c));
            expect(leaked, where).toBeUndefined();
          }
        },
      ),
      { numRuns: usingRealPostgres() ? 2_000 : 10_000, seed: 20261124 },
    );
    // Imports need multipart, inputs an admin with a valid body: random requests may add users or tokens, never data.
    expect(await snapshot()).toBe(before);
  }, 600_000);
});
