import { applyDataset } from '@junheng/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../bench/generate-province.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * Issue #10: a cached report must stay fast while an import holds the database. On PGlite a transaction holds the
 * one connection, so any query waits for its end; the cached report (principal and data version remembered in
 * memory) must need none. On PostgreSQL the pool has other connections, so the second half only shows the hold.
 */
describe.skipIf(usingRealPostgres())('a cached report while the embedded database is held', () => {
  let database: TestDatabase;
  let app: RunningApp;
  const REPORT = '/api/v1/districts/500000/balance?year=2025&stage=primary';
  beforeAll(async () => {
    database = await createTestDatabase();
    const county = generateCounty(0, 40, [2024, 2025]);
    await database.db
      .transaction()
      .execute((trx) => applyDataset(trx, county, { source: 'cli', files: [], warnings: 0 }));
    // The production settings (the other API tests read the version on every request).
    app = await startTestApp(database.db, { REPORT_CACHE_VERSION_TTL_MS: '1000', AUTH_CACHE_TTL_MS: '5000' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should answer the cached report without a query, while an uncached request waits for the database', async () => {
    const first = await (await app.fetch(`${app.baseUrl}${REPORT}`)).text();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await gate;
    });
    try {
      // Let the transaction take the connection.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const uncached = app.fetch(`${app.baseUrl}/api/v1/districts`);
      let uncachedDone = false;
      void uncached.then(() => {
        uncachedDone = true;
      });
      // Past the version TTL, so a version read is due (and hangs): the last answer stands meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const started = performance.now();
      const cached = await app.fetch(`${app.baseUrl}${REPORT}`, { signal: AbortSignal.timeout(3000) });
      expect(cached.status).toBe(200);
      expect(await cached.text()).toBe(first);
      expect(performance.now() - started).toBeLessThan(1000);
      // The hold is real: a request that needs the database is still waiting.
      expect(uncachedDone).toBe(false);
      release();
      expect((await uncached).status).toBe(200);
    } finally {
      release();
      await held;
    }
  });
});
