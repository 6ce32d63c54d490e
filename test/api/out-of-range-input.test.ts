import { loadDemoCountyIfEmpty } from '@junheng/server';
import { ApiErrorSchema } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../helpers/app.ts';
import { startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/** Input that is well-formed but out of range, or undecodable: a located 4xx, never a 500. */
describe(`out-of-range and undecodable input (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const SCHOOL = '2133990101';
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const send = async (method: string, path: string, body?: unknown) => {
    const res = await app.fetch(`${app.baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: res.status, body: ApiErrorSchema.safeParse(await res.json()) };
  };
  const fieldsOf = (body: { success: boolean; data?: { error: { details?: unknown } } }) => [
    ...new Set(
      ((body.data?.error.details as { fields?: { field: string }[] } | undefined)?.fields ?? []).map((f) => f.field),
    ),
  ];

  it('should answer 400 for a path that is not valid percent-encoding', async () => {
    for (const path of ['/api/v1/schools/%FF', '/api/v1/schools/%E4%B8', '/api/v1/auth/tokens/%C0']) {
      const res = await send(path.includes('tokens') ? 'DELETE' : 'GET', path);
      expect([path, res.status, res.body.data?.error.code]).toEqual([path, 400, 'ValidationFailed']);
    }
  });

  it('should answer 400 naming the id for ids beyond what the database can hold', async () => {
    for (const id of ['2147483648', '99999999999999999999', '9007199254740991']) {
      const token = await send('DELETE', `/api/v1/auth/tokens/${id}`);
      expect([id, token.status, fieldsOf(token.body)]).toEqual([id, 400, ['id']]);
      const user = await send('PUT', `/api/v1/admin/users/${id}`, { role: 'analyst' });
      expect([id, user.status, fieldsOf(user.body)]).toEqual([id, 400, ['id']]);
    }
    // The largest id a database serial can hold is still a valid id: nobody has it.
    expect((await send('DELETE', '/api/v1/auth/tokens/2147483647')).status).toBe(404);
  });

  it('should answer 400 for an upload whose file name (filename*) holds a NUL', async () => {
    const boundary = 'x-junheng-boundary';
    const body = [
      `--${boundary}`,
      `Content-Disposition: form-data; name="files"; filename*=UTF-8''stats%00.csv`,
      'Content-Type: text/csv',
      '',
      'a,b',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await app.fetch(`${app.baseUrl}/api/v1/imports?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(await res.json()).error.code).toBe('ValidationFailed');
    // Nothing was written, not even an audit entry naming the file.
    const audits = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'import').execute();
    expect(audits).toEqual([]);
  });

  it('should answer 400 naming the change for what-if amounts and counts beyond any real school', async () => {
    const whatIf = (change: Record<string, unknown>) =>
      send('POST', '/api/v1/districts/330999/what-if?year=2024', { changes: [change] });
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'add_resource', school: SCHOOL, resource: 'equipmentValue', amount: 1e308 }, 'changes.0.amount'],
      [{ type: 'add_resource', school: SCHOOL, resource: 'books', amount: Number.MAX_VALUE }, 'changes.0.amount'],
      [{ type: 'add_students', school: SCHOOL, stage: 'primary', count: 2 ** 53 - 1 }, 'changes.0.count'],
      [{ type: 'add_students', school: SCHOOL, stage: 'primary', count: -(2 ** 53 - 1) }, 'changes.0.count'],
      [{ type: 'add_teachers', school: SCHOOL, stage: 'primary', count: 2 ** 53 - 1 }, 'changes.0.count'],
      [{ type: 'move_teachers', from: SCHOOL, to: '2133990102', count: 2 ** 53 - 1 }, 'changes.0.count'],
    ];
    for (const [change, field] of cases) {
      const res = await whatIf(change);
      expect([change, res.status, fieldsOf(res.body)]).toEqual([change, 400, [field]]);
    }
    // A large but real change is still simulated.
    const real = await whatIf({ type: 'add_resource', school: SCHOOL, resource: 'equipmentValue', amount: 5e7 });
    expect(real.status).toBe(200);
  });
});
