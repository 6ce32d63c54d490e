import { loadDemoCountyIfEmpty } from '@junheng/server';
import { ApiErrorSchema, routes } from '@junheng/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const GET_PATHS = Object.values(routes)
  .filter((r) => r.method === 'GET')
  .map((r) => r.path);

const NASTY = [
  "' or 1=1 --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  '2024; drop table school',
  '-1',
  '1e309',
  '９９',
  '',
  ',,,',
  '330999001,330999002',
  'primary',
  'junior',
  '2025',
  'csv',
  'xlsx',
  'true',
];

describe('any query string, on every GET endpoint', () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should never answer 5xx nor leak a stack trace or SQL', async () => {
    const value = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 }));
    const param = fc.constantFrom(
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
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...GET_PATHS),
        fc.oneof(fc.constant('330999'), fc.constant('2133990101'), value),
        fc.dictionary(param, value, { maxKeys: 6 }),
        async (path, code, query) => {
          const url = new URL(app.baseUrl + path.replace(':code', encodeURIComponent(code)));
          for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
          const res = await app.fetch(url.toString());
          const text = await res.text();
          expect(res.status, `${url} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(ApiErrorSchema.safeParse(JSON.parse(text)).success).toBe(true);
            expect(text).not.toMatch(/at .*\.ts:\d+|select |postgres|kysely/i);
          }
        },
      ),
      { numRuns: 400, seed: 20261124 },
    );
  });
});
