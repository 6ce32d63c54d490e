/**
 * Runs the database and API tests a second time against a real PostgreSQL server: creates a throwaway database,
 * points TEST_DATABASE_URL at it, runs the `test` Vitest project, and drops everything it created.
 * In CI an unreachable server is a failure, never a silent pass.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

const serverUrl = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const runName = `junheng_test_${process.pid}_${Date.now().toString(36)}`;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropRunDatabases(): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      `${runName}%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  });
}

async function main(): Promise<number> {
  try {
    const version = await withAdmin(
      async (c) => (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v,
    );
    console.log(`real PostgreSQL ${version} at ${new URL(serverUrl).host}: running the database tests on it`);
  } catch (error) {
    const message = `PostgreSQL is not reachable at ${serverUrl}: ${(error as Error).message}`;
    if (inCi) {
      console.error(`FAIL: ${message}. CI must exercise the real-PostgreSQL path.`);
      return 1;
    }
    console.warn(`WARNING: ${message}\nSkipped the real-PostgreSQL run (set TEST_POSTGRES_URL to run it).`);
    return 0;
  }
  await withAdmin((c) => c.query(`create database "${runName}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${runName}`;
  try {
    const root = path.resolve(import.meta.dirname, '../..');
    const result = spawnSync('pnpm', ['exec', 'vitest', 'run', '--project', 'test', ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: url.toString() },
    });
    return result.status ?? 1;
  } finally {
    await dropRunDatabases();
  }
}

process.exit(await main());
