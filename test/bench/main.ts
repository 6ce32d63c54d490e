/**
 * `pnpm bench [import|workbooks|start|province|client|uploads|national]`: the performance figures the issues ask for, measured on this machine.
 * Not a test: it prints numbers and the budgets they are held to.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, migrateToLatest } from '@junheng/db';
import {
  applyDataset,
  findSchools,
  findStats,
  getBalance,
  getBalanceSummary,
  toScope,
  UNRESTRICTED_ACCESS,
} from '@junheng/server';
import { BalanceSummaryQuerySchema, CountyYearQuerySchema } from '@junheng/shared';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { measureClient } from './client-perf.ts';
import { generateCounty } from './generate-province.ts';
import { benchHostileUploads } from './hostile-uploads.ts';
import { benchNational } from './national.ts';
import { fmt, percentile } from './stats.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const serverUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const sections = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const wants = (name: string) => sections.size === 0 || sections.has(name);
const results: string[] = [];
const report = (line: string) => {
  console.log(line);
  results.push(line);
};

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function benchImport(): Promise<void> {
  const script = path.join(import.meta.dirname, 'import-3000.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-bench-import-'));
  try {
    execFileSync(tsx, [script, 'prepare', dataDir], { cwd: root, stdio: 'inherit' });
    for (const args of [['pglite', dataDir], ['postgres']]) {
      const out = execFileSync(tsx, [script, ...args], { cwd: root, encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { rows: number; ms: number; maxRssMb: number };
      report(
        `import 3 000-school statistics CSV on ${args[0]}: ${fmt(r.ms / 1000, 2)} s, peak RSS ${fmt(r.maxRssMb, 0)} MB (${r.rows} rows; budget < 5 s, < 500 MB)`,
      );
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Issue #13: a county of 300 school workbooks (one zip) imported whole, on the embedded database and PostgreSQL. */
async function benchWorkbooks(): Promise<void> {
  const script = path.join(import.meta.dirname, 'import-workbooks.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-bench-workbooks-'));
  try {
    execFileSync(tsx, [script, 'prepare', dir], { cwd: root, stdio: 'inherit' });
    for (const mode of ['pglite', 'postgres']) {
      const out = execFileSync(tsx, [script, mode, dir], { cwd: root, encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        ms: number;
        workbooks: number;
        stats: number;
        bytes: number;
        maxRssMb: number;
      };
      report(
        `import ${r.workbooks} school workbooks (one ${fmt(r.bytes / 1024 / 1024, 1)} MB zip, ${r.stats} school-years) on ${mode}: ${fmt(r.ms / 1000, 2)} s, peak RSS ${fmt(r.maxRssMb, 0)} MB (budget < 20 s)`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's own administrator: created by the server on the first start over the province database. */
const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/** Signs in as the administrator, as an analyst's browser does: the session cookie for later requests. */
async function signIn(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function startServer(env: Record<string, string>): { child: ChildProcess; ready: Promise<number>; port: number } {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  // BENCH_SERVER_ENTRY: another build of the server (e.g. the code before a change), for before/after figures.
  const entry = process.env.BENCH_SERVER_ENTRY ?? path.join(root, 'server/dist/main.mjs');
  // BENCH_SERVER_NODE_ARGS: Node options for the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where
  // its main thread spends a slow scenario (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ready = (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error('server exited');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {}
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return { child, ready, port };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

async function benchStart(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-bench-'));
  try {
    const first = startServer({ DATA_DIR: dataDir });
    const firstMs = await first.ready;
    await stopServer(first.child);
    report(`first start, embedded (initdb + migrations + demo county load): ${fmt(firstMs / 1000, 2)} s`);
    const cold = [];
    for (let i = 0; i < 3; i += 1) {
      const again = startServer({ DATA_DIR: dataDir });
      cold.push(await again.ready);
      await stopServer(again.child);
    }
    report(
      `cold start, embedded, demo county loaded (process spawn to /api/health ok): p50 ${fmt(percentile(cold, 0.5) / 1000, 2)} s over 3 (budget < 5 s)`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const PROVINCE = { counties: 100, schools: 300, years: Array.from({ length: 10 }, (_, i) => 2016 + i) };
const PROVINCE_DB = 'junheng_bench_province';

async function ensureProvince(): Promise<void> {
  const admin = await createDb({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    const exists = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_database where datname = ${PROVINCE_DB}`.execute(admin.db);
    if ((exists.rows[0]?.n ?? 0) > 0) {
      const handle = await createDb({ databaseUrl: databaseUrl(PROVINCE_DB), poolSize: 1 });
      const count = await sql<{ n: number }>`select count(*)::int as n from school_year_stat`
        .execute(handle.db)
        .catch(() => ({ rows: [{ n: 0 }] }));
      await handle.close();
      if (count.rows[0]?.n === PROVINCE.counties * PROVINCE.schools * PROVINCE.years.length) return;
      await sql`drop database ${sql.id(PROVINCE_DB)} with (force)`.execute(admin.db);
    }
    await sql`create database ${sql.id(PROVINCE_DB)}`.execute(admin.db);
  } finally {
    await admin.close();
  }
  const handle = await createDb({ databaseUrl: databaseUrl(PROVINCE_DB) });
  const start = performance.now();
  await migrateToLatest(handle.db);
  for (let c = 0; c < PROVINCE.counties; c += 1) {
    const county = generateCounty(c, PROVINCE.schools, PROVINCE.years);
    await handle.db
      .transaction()
      .execute((trx) => applyDataset(trx, county, { source: 'cli', files: [], warnings: 0 }));
  }
  await sql`analyze`.execute(handle.db);
  await handle.close();
  report(
    `generated province (100 counties × 300 schools × 10 years = 300 000 school-years) in ${fmt((performance.now() - start) / 1000, 1)} s`,
  );
}

async function benchProvince(): Promise<void> {
  await ensureProvince();
  const handle = await createDb({ databaseUrl: databaseUrl(PROVINCE_DB), poolSize: 10 });
  const districtCode = '500042';
  const query = CountyYearQuerySchema.parse({ year: '2021', stage: 'primary' });
  try {
    const service: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 220; i += 1) {
      let t = performance.now();
      await getBalance(handle.db, districtCode, query, UNRESTRICTED_ACCESS);
      service.push(performance.now() - t);
      t = performance.now();
      const scope = toScope(districtCode, query, UNRESTRICTED_ACCESS);
      await Promise.all([findSchools(handle.db, scope), findStats(handle.db, scope, { from: 2021, to: 2021 })]);
      bare.push(performance.now() - t);
    }
    const p50 = percentile(service.slice(20), 0.5);
    const bareP50 = percentile(bare.slice(20), 0.5);
    report(
      `one county-year balance report (300 schools): p50 ${fmt(p50, 2)} ms server time; bare SQL fetching its rows p50 ${fmt(bareP50, 2)} ms; ratio ${fmt(p50 / bareP50, 2)}× (budget ≤ 15 ms, ≤ 1.5×)`,
    );

    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const start = performance.now();
    const summary = await getBalanceSummary(
      handle.db,
      BalanceSummaryQuerySchema.parse({ stage: 'primary' }),
      UNRESTRICTED_ACCESS,
    );
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    report(
      `balance reports for every county and year (${summary.rows.length} county-years, primary, one summary request): ${fmt(seconds, 2)} s total, peak RSS ${fmt(peak / 1048576, 0)} MB (budget ≤ 3 s, ≤ 500 MB)`,
    );
  } finally {
    await handle.close();
  }

  const server = startServer({ DATABASE_URL: databaseUrl(PROVINCE_DB) });
  await server.ready;
  try {
    const cookie = await signIn(server.port);
    await benchCsvExport(server, cookie);
    await benchConcurrency(server.port, cookie);
  } finally {
    await stopServer(server.child);
  }
}

async function benchClient(): Promise<void> {
  await ensureProvince();
  if (!fs.existsSync(path.join(root, 'client/dist/index.html'))) {
    execFileSync('pnpm', ['--filter', '@junheng/client', 'run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  const server = startServer({ DATABASE_URL: databaseUrl(PROVINCE_DB) });
  await server.ready;
  try {
    await measureClient(`http://127.0.0.1:${server.port}`, '500042', report, await signIn(server.port));
  } finally {
    await stopServer(server.child);
  }
}

function readRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function benchCsvExport(server: { child: ChildProcess; port: number }, cookie: string): Promise<void> {
  const pid = server.child.pid as number;
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(readRssMb(pid)), 100);
  const start = performance.now();
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/school-stats?format=csv&bom=false`, {
    headers: { cookie },
  });
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const rows = lines - 1;
  const copyStart = performance.now();
  execFileSync('psql', [
    databaseUrl(PROVINCE_DB),
    '-qc',
    '\\copy (select s.*, sc.name, sc.district_code, sc.township_code from school_year_stat s join school sc on sc.code = s.school_code order by s.school_code, s.year) to /dev/null with csv header',
  ]);
  const copySeconds = (performance.now() - copyStart) / 1000;
  report(
    `CSV export of every school-year row (${rows} rows, ${fmt(bytes / 1048576, 0)} MB) over HTTP: ${fmt(rows / seconds / 1000, 0)}k rows/s; ` +
      `PostgreSQL COPY TO STDOUT of the same rows: ${fmt(rows / copySeconds / 1000, 0)}k rows/s; ratio ${fmt(copySeconds / seconds, 2)}; ` +
      `server RSS ${fmt(Math.min(...rss), 0)}–${fmt(Math.max(...rss), 0)} MB while streaming (budget ≥ 100k rows/s, flat memory)`,
  );
}

async function benchConcurrency(port: number, cookie: string): Promise<void> {
  const url = `http://127.0.0.1:${port}/api/v1/districts/500007/balance?year=2020&stage=primary`;
  await autocannon({ url, connections: 10, duration: 2, headers: { cookie } });
  // Browsers always ask for gzip and send their session cookie; so does the load, checked per request.
  const result = await autocannon({
    url,
    connections: 50,
    duration: 10,
    headers: { 'accept-encoding': 'gzip', cookie },
  });
  report(
    `balance endpoint, 50 concurrent connections, 10 s: ${fmt(result.requests.average, 0)} requests/s, p50 latency ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx} (budget ≥ 500 req/s, no errors)`,
  );
}

execFileSync('pnpm', ['--filter', '@junheng/server', 'run', 'build'], { cwd: root, stdio: 'inherit' });
if (wants('import')) await benchImport();
if (wants('workbooks')) await benchWorkbooks();
if (wants('start')) await benchStart();
if (wants('province')) await benchProvince();
if (wants('client')) await benchClient();
if (wants('uploads')) await benchHostileUploads({ startServer, stopServer, signIn, report });
if (wants('national')) await benchNational({ serverUrl, databaseUrl, report, startServer, stopServer, signIn });
console.log(
  `\nSummary (${os.cpus().length} cores, Node ${process.version}):\n${results.map((r) => `- ${r}`).join('\n')}`,
);
