import http from 'node:http';
import { loadDemoCountyIfEmpty } from '@junheng/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenUser, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const DEMO = '330999';

interface Entry {
  id: number;
  action: string;
  username: string | null;
  target: string | null;
  details: Record<string, unknown>;
}

/** Exports are audited when they start, and again when the response closes: completed, or incomplete with its rows. */
describe(`export audit (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let user: Awaited<ReturnType<typeof createTokenUser>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
    user = await createTokenUser(database.db, 'analyst');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const entriesOf = async (username: string): Promise<Entry[]> =>
    (await database.db
      .selectFrom('audit_log')
      .select(['id', 'action', 'username', 'target', 'details'])
      .where('username', '=', username)
      .where('action', 'in', ['export_started', 'export'])
      .orderBy('id')
      .execute()) as unknown as Entry[];

  const waitFor = async <T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 100; i += 1) {
      const value = await probe();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return probe();
  };

  /** Starts a download, waits for the response head (the export has begun), then hangs up without reading it. */
  const abandonDownload = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(`${app.baseUrl}${path}`, { headers: { Authorization: `Bearer ${user.token}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        req.destroy();
        resolve();
      });
      req.on('error', reject);
    });

  it('should write the audit entry before the first byte, and one per download even when 30 downloads are abandoned', async () => {
    const path = '/api/v1/school-stats?format=csv&bom=false';
    // At the moment the response head arrives, the start is already in the log.
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${app.baseUrl}${path}`, { headers: { Authorization: `Bearer ${user.token}` } }, (res) => {
        entriesOf(user.username)
          .then((entries) => {
            // (A small file may already be complete: its end entry then follows the start.)
            expect(entries[0]?.action).toBe('export_started');
            expect(entries[0]).toMatchObject({ target: '/api/v1/school-stats', details: { format: 'csv' } });
            res.resume();
            res.on('end', () => resolve());
          })
          .catch(reject);
      });
      req.on('error', reject);
    });

    await Promise.all(Array.from({ length: 30 }, () => abandonDownload(path)));
    const entries = await waitFor(
      () => entriesOf(user.username),
      (list) => list.filter((e) => e.action === 'export').length >= 31,
    );
    const started = entries.filter((e) => e.action === 'export_started');
    const ended = entries.filter((e) => e.action === 'export');
    expect(started).toHaveLength(31);
    expect(ended).toHaveLength(31);
    // Every end names its start, once.
    expect(new Set(ended.map((e) => e.details.startedId))).toEqual(new Set(started.map((e) => e.id)));
    for (const e of ended) expect(['completed', 'incomplete']).toContain(e.details.status);
    const statuses = ended.map((e) => e.details.status);
    console.info(
      `[export-audit] 30 abandoned downloads: ${statuses.filter((s) => s === 'incomplete').length} incomplete, ${statuses.filter((s) => s === 'completed').length - 1} completed before the hang-up`,
    );
  });

  it('should mark a download that ran to the end completed, with its rows', async () => {
    const other = await createTokenUser(database.db, 'analyst');
    const res = await fetch(
      `${app.baseUrl}/api/v1/districts/${DEMO}/school-stats?format=csv&bom=false&from=2024&to=2024`,
      {
        headers: { Authorization: `Bearer ${other.token}` },
      },
    );
    const lines = (await res.text()).trim().split('\r\n');
    const stored = await database.db
      .selectFrom('school_year_stat as s')
      .innerJoin('school', 'school.code', 's.school_code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school.district_code', '=', DEMO)
      .where('s.year', '=', 2024)
      .executeTakeFirstOrThrow();
    const entries = await waitFor(
      () => entriesOf(other.username),
      (list) => list.some((e) => e.action === 'export'),
    );
    expect(entries.map((e) => e.action)).toEqual(['export_started', 'export']);
    expect(entries[1]?.details).toMatchObject({
      format: 'csv',
      status: 'completed',
      rows: Number(stored.n),
      startedId: Number(entries[0]?.id),
      filters: { from: '2024', to: '2024' },
    });
    expect(lines).toHaveLength(Number(stored.n) + 1);
  });
});
