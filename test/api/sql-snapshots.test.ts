import { type KyselyPlugin, PostgresQueryCompiler } from 'kysely';
import { format } from 'sql-formatter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCounty, SMALL_DISTRICT } from '../fixtures/small-county.ts';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

/**
 * The SQL each report runs, checked in under `sql-snapshots/` (issue #11): a change to a report's queries shows up in
 * review as a diff of plain SQL, and a change nobody meant fails here. Statements of sign-in, the audit log and the
 * report cache's data version are left out: they are the same for every report. Statements are sorted (queries run in
 * parallel may start in either order) and formatted one clause per line. To accept an intended change, run
 * `pnpm exec vitest run test/api/sql-snapshots.test.ts -u` and review the diff.
 */
const REPORTS: Record<string, string> = {
  balance: `/api/v1/districts/${SMALL_DISTRICT.code}/balance?year=2024&stage=primary`,
  'basic-balance': `/api/v1/districts/${SMALL_DISTRICT.code}/basic-balance?year=2024&stage=primary`,
  rankings: `/api/v1/districts/${SMALL_DISTRICT.code}/rankings?year=2024&stage=primary&indicator=books_per_student`,
  'urban-rural': `/api/v1/districts/${SMALL_DISTRICT.code}/urban-rural?year=2024&stage=primary`,
  'teacher-exchange': `/api/v1/districts/${SMALL_DISTRICT.code}/teacher-exchange?year=2024`,
  trends: `/api/v1/districts/${SMALL_DISTRICT.code}/trends?stage=primary&indicator=higher_degree_teachers_per100`,
  'class-size': `/api/v1/districts/${SMALL_DISTRICT.code}/class-size?year=2024&stage=primary`,
  scorecard: `/api/v1/districts/${SMALL_DISTRICT.code}/scorecard?year=2024&stage=primary`,
  'balance-summary': `/api/v1/balance-summary?year=2024&stage=primary`,
  'county-comparison': `/api/v1/county-comparison?year=2024&stage=primary&city=${SMALL_DISTRICT.code.slice(0, 4)}`,
  'school-profile': '/api/v1/schools/A',
  districts: '/api/v1/districts',
};

const NOT_REPORT_SQL =
  /"(api_token|user_session|app_user|audit_log|login_throttle)"|max\("import_batch"|"import_batch"/;

describe('SQL of the reports', () => {
  let database: TestDatabase;
  let app: RunningApp;
  let recording: string[] | null = null;
  const compiler = new PostgresQueryCompiler();
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (recording) {
        const { sql } = compiler.compileQuery(node, { queryId: 'snapshot' } as never);
        if (!NOT_REPORT_SQL.test(sql)) recording.push(sql);
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db);
    app = await startTestApp(database.db.withPlugin(recorder));
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  for (const [name, path] of Object.entries(REPORTS)) {
    it(`should run the checked-in SQL for ${name}`, async () => {
      recording = [];
      const response = await app.fetch(`${app.baseUrl}${path}`);
      const statements = recording;
      recording = null;
      expect(response.status, await response.text()).toBe(200);
      expect(statements.length).toBeGreaterThan(0);
      const formatted = statements.map((s) => `${format(s, { language: 'postgresql' })};`).sort();
      await expect(`${formatted.join('\n\n')}\n`).toMatchFileSnapshot(`sql-snapshots/${name}.sql`);
    });
  }
});
