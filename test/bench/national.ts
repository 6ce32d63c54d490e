/**
 * `pnpm bench national`: a national data set (2 900 counties × 80 schools × 10 years ≈ 2.3 M school-years) in a
 * throwaway database on the real PostgreSQL, loaded with COPY; the balance summary of every county for one year and
 * for ten, against a bare SQL query computing the same weighted sums; and the plain statistics CSV (COPY through the
 * server) against psql's own \copy of the same SELECT. The database is dropped at the end (BENCH_KEEP_NATIONAL=1
 * keeps it for the next run).
 */
import { type ChildProcess, execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb, migrateToLatest } from '@junheng/db';
import { getBalanceSummary, refreshCountyQualitySums, UNRESTRICTED_ACCESS } from '@junheng/server';
import { BalanceSummaryQuerySchema, SCHOOL_STAT_COLUMNS } from '@junheng/shared';
import { sql } from 'kysely';
import pg from 'pg';
import { buildStatCopySelect, STAT_COPY_OPTIONS } from '../../server/src/records/records.repository.ts';
import { measureCountyComparisonPaint } from './client-perf.ts';
import { loadNationalDataset } from './generate-national.ts';
import { fmt, percentile } from './stats.ts';

export const NATIONAL = { counties: 2900, schools: 80, years: Array.from({ length: 10 }, (_, i) => 2016 + i) };
// BENCH_NATIONAL_DB names another database, so that two checkouts can bench side by side on one server.
const root = path.resolve(import.meta.dirname, '../..');
const NATIONAL_DB = process.env.BENCH_NATIONAL_DB ?? 'junheng_bench_national';

interface BenchContext {
  serverUrl: string;
  databaseUrl(name: string): string;
  report(line: string): void;
  startServer(env: Record<string, string>): { child: ChildProcess; ready: Promise<number>; port: number };
  stopServer(child: ChildProcess): Promise<void>;
  signIn(port: number): Promise<string>;
}

/**
 * The bare SQL: per county-year, Σ P and, for each of the seven indicators, Σ P·X and Σ P·X² over the counted
 * primary stage parts (the same exclusions and the same stage split of shared assets, in double precision), in one
 * pass with no ordering: the least work that yields each county's weighted means and CVs, read by psql-like code.
 */
function bareSummarySql(from: number, to: number): string {
  const share = `(s.students_primary::float8 / (s.students_primary::float8
      + (case when sc.school_type = 'complete_middle' and s.students_primary = 0 then 1 else 1.1 end)::float8 * s.students_junior
      + (case when sc.school_type = 'complete_middle' and s.students_primary = 0 then 1.2 else 1.32 end)::float8 * s.students_senior))`;
  const x = [
    '100 * s.higher_degree_teachers_primary::float8 / p',
    '100 * s.backbone_teachers_primary::float8 / p',
    '100 * s.pe_art_teachers_primary::float8 / p',
    `s.teaching_room_area::float8 * ${share} / p`,
    `s.sports_area::float8 * ${share} / p`,
    `s.equipment_value::float8 * ${share} / p`,
    `100 * s.multimedia_rooms::float8 * ${share} / p`,
  ];
  return `select district_code, year, count(*) as n, sum(p) as p,
      ${x.map((_, k) => `sum(p * x${k}) as px${k}, sum(p * x${k} * x${k}) as pxx${k}`).join(', ')}
    from (select sc.district_code, s.year, p, ${x.map((e, k) => `${e} as x${k}`).join(', ')}
      from school_year_stat s join school sc on sc.code = s.school_code
      cross join lateral (select s.students_primary::float8 as p) w
      where s.year between ${from} and ${to} and s.students_primary > 0 and sc.school_type <> 'special'
        and not (sc.school_type = 'teaching_point' and s.students_primary < 50)) u
    group by district_code, year`;
}

function readRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's RSS every 20 ms while `run` runs; answers its result, seconds and the peak RSS in MB. */
async function measure<T>(pid: number, run: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  let peak = readRssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, readRssMb(pid));
  }, 20);
  const start = performance.now();
  try {
    const result = await run();
    return { result, seconds: (performance.now() - start) / 1000, peakMb: Math.max(peak, readRssMb(pid)) };
  } finally {
    clearInterval(sampler);
  }
}

async function ensureNational(context: BenchContext): Promise<void> {
  const url = context.databaseUrl(NATIONAL_DB);
  const expected = NATIONAL.counties * NATIONAL.schools * NATIONAL.years.length;
  const admin = new pg.Client({ connectionString: context.serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [NATIONAL_DB]);
    if (exists.rowCount) {
      const probe = new pg.Client({ connectionString: url });
      await probe.connect();
      const count = await probe.query<{ n: number }>('select count(*)::int as n from school_year_stat').catch(() => ({
        rows: [{ n: 0 }],
      }));
      await probe.end();
      if (count.rows[0]?.n === expected) return;
      await admin.query(`drop database ${NATIONAL_DB} with (force)`);
    }
    await admin.query(`create database ${NATIONAL_DB}`);
  } finally {
    await admin.end();
  }
  const handle = await createDb({ databaseUrl: url, poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
    const start = performance.now();
    const rows = await loadNationalDataset(url, NATIONAL);
    context.report(
      `generated the national data set (${NATIONAL.counties} counties × ${NATIONAL.schools} schools × ${NATIONAL.years.length} years = ${rows} school-years) with COPY in ${fmt((performance.now() - start) / 1000, 0)} s`,
    );
    // COPY bypasses the import, so the stored county-year sums are computed here, as the migration's backfill does.
    const refreshStart = performance.now();
    await handle.db.transaction().execute((trx) => refreshCountyQualitySums(trx, { districts: null, years: null }));
    await sql`analyze county_quality_sums`.execute(handle.db);
    context.report(
      `stored county-year sums of every county, year, stage and private-school option (the migration's backfill): ${fmt((performance.now() - refreshStart) / 1000, 1)} s`,
    );
    // What an import adds: the refresh of one county's ten years inside its transaction (rolled back here).
    const one: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const oneStart = performance.now();
      await handle.db
        .transaction()
        .execute(async (trx) => {
          await refreshCountyQualitySums(trx, { districts: ['501234'], years: NATIONAL.years });
          throw new Error('rollback');
        })
        .catch(() => {});
      one.push((performance.now() - oneStart) / 1000);
    }
    context.report(
      `refresh of one county's stored sums (10 years × 2 stages × 2 options, what an import of one county adds to its transaction): median ${fmt((percentile(one, 0.5) as number) * 1000, 0)} ms`,
    );
  } finally {
    await handle.close();
  }
}

/**
 * The bare read of the stored sums: the same rows the app reads (county_quality_sums, one stage and option, the
 * years asked), with nothing computed from them. What the app adds on top: CVs and verdicts in Node, names, JSON.
 */
function bareStoredSql(from: number, to: number): string {
  return `select * from county_quality_sums where stage = 'primary' and include_private and year between ${from} and ${to}`;
}

async function benchSummary(context: BenchContext): Promise<void> {
  const url = context.databaseUrl(NATIONAL_DB);
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  // The same planner settings the app's summary query runs with (no JIT, hash tables in memory).
  await bare.query(`set jit = off; set work_mem = '64MB'`);
  const handle = await createDb({ databaseUrl: url, poolSize: 4 });
  const server = context.startServer({ DATABASE_URL: url });
  await server.ready;
  try {
    const cookie = await context.signIn(server.port);
    const [first, last] = [NATIONAL.years[0] as number, NATIONAL.years.at(-1) as number];
    // BENCH_NATIONAL_ONLY=export | summary | paint measures that part alone (each takes minutes on a busy machine).
    const only = process.env.BENCH_NATIONAL_ONLY;
    const summaries =
      only === 'export' || only === 'paint'
        ? []
        : ([
            ['one year', 2020, 2020],
            ['all ten years', first, last],
          ] as const);
    for (const [label, from, to] of summaries) {
      const bareSeconds: number[] = [];
      const storedSeconds: number[] = [];
      const serviceSeconds: number[] = [];
      const httpSeconds: number[] = [];
      let servicePeak = 0;
      let httpPeak = 0;
      let countyYears = 0;
      for (let round = 0; round < 3; round += 1) {
        const b = await measure(process.pid, () => bare.query(bareSummarySql(from, to)));
        bareSeconds.push(b.seconds);
        const st = await measure(process.pid, () => bare.query(bareStoredSql(from, to)));
        storedSeconds.push(st.seconds);
        const s = await measure(process.pid, () =>
          getBalanceSummary(
            handle.db,
            BalanceSummaryQuerySchema.parse({ stage: 'primary', from: String(from), to: String(to) }),
            UNRESTRICTED_ACCESS,
          ),
        );
        serviceSeconds.push(s.seconds);
        servicePeak = Math.max(servicePeak, s.peakMb);
        countyYears = s.result.rows.length;
        const h = await measure(server.child.pid as number, async () => {
          const res = await fetch(
            `http://127.0.0.1:${server.port}/api/v1/balance-summary?stage=primary&from=${from}&to=${to}`,
            { headers: { cookie, 'accept-encoding': 'gzip' } },
          );
          if (!res.ok) throw new Error(`balance-summary ${res.status}`);
          return (await res.json()) as { rows: unknown[] };
        });
        httpSeconds.push(h.seconds);
        httpPeak = Math.max(httpPeak, h.peakMb);
      }
      const [bareP50, storedP50, serviceP50, httpP50] = [
        percentile(bareSeconds, 0.5),
        percentile(storedSeconds, 0.5),
        percentile(serviceSeconds, 0.5),
        percentile(httpSeconds, 0.5),
      ];
      const budget = label === 'one year' ? 1 : 5;
      context.report(
        `balance summary of every county, ${label} (${countyYears} county-years, primary), median of 3: HTTP ${fmt(httpP50, 3)} s (server peak RSS ${fmt(httpPeak, 0)} MB), ` +
          `service in-process ${fmt(serviceP50, 3)} s (bench process peak RSS ${fmt(servicePeak, 0)} MB); ` +
          `bare SQL of the same weighted sums from the school-years ${fmt(bareP50, 3)} s: ratio HTTP / bare ${fmt(httpP50 / bareP50, 2)}×; ` +
          `bare read of the same stored sums ${fmt(storedP50, 3)} s: ratio HTTP / stored read ${fmt(httpP50 / storedP50, 1)}×, service / stored read ${fmt(serviceP50 / storedP50, 1)}× ` +
          `(budget ≤ ${budget} s, ≤ 500 MB, ≤ 1.5×)`,
      );
    }
    if (only !== 'export' && only !== 'summary') {
      // The built app, as the client bench uses it.
      if (!fs.existsSync(path.join(root, 'client/dist/index.html'))) {
        execFileSync('pnpm', ['--filter', '@junheng/client', 'run', 'build'], { cwd: root, stdio: 'inherit' });
      }
      // Every county of the country, then one city of 100 counties (the city filter, as a provincial inspector uses it).
      for (const city of [null, '5000']) {
        await measureCountyComparisonPaint(`http://127.0.0.1:${server.port}`, 2020, city, context.report, cookie);
      }
    }
    if (only !== 'summary' && only !== 'paint') await benchCopyExport(context, server, cookie);
  } finally {
    await context.stopServer(server.child);
    await handle.close();
    await bare.end();
  }
}

async function benchCopyExport(
  context: BenchContext,
  server: { child: ChildProcess; port: number },
  cookie: string,
): Promise<void> {
  const url = context.databaseUrl(NATIONAL_DB);
  const handle = await createDb({ databaseUrl: url, poolSize: 1 });
  const select = buildStatCopySelect(
    handle.db,
    { access: UNRESTRICTED_ACCESS },
    SCHOOL_STAT_COLUMNS.map((c) => c.key),
  );
  await handle.close();
  const psqlRuns: number[] = [];
  const httpRuns: number[] = [];
  let rows = 0;
  let bytes = 0;
  const rss: number[] = [];
  for (let round = 0; round < 2; round += 1) {
    const copyStart = performance.now();
    // Not execFileSync: a blocked event loop misses the server closing an idle keep-alive socket, and the next fetch
    // would be sent on it.
    await promisify(execFile)('psql', [url, '-qc', `\\copy (${select}) to '/dev/null' with (${STAT_COPY_OPTIONS})`]);
    psqlRuns.push((performance.now() - copyStart) / 1000);

    const pid = server.child.pid as number;
    const sampler = setInterval(() => rss.push(readRssMb(pid)), 100);
    const start = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/school-stats?format=csv&bom=false`, {
      headers: { cookie },
    });
    let lines = 0;
    bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    }
    httpRuns.push((performance.now() - start) / 1000);
    clearInterval(sampler);
    rows = lines - 1;
  }
  const [psqlBest, httpBest] = [Math.min(...psqlRuns), Math.min(...httpRuns)];
  context.report(
    `plain CSV of every school-year (${rows} rows, ${fmt(bytes / 1048576, 0)} MB) over HTTP by COPY: ${fmt(rows / httpBest / 1000, 0)}k rows/s; ` +
      `psql \\copy of the same SELECT: ${fmt(rows / psqlBest / 1000, 0)}k rows/s; ratio ${fmt(psqlBest / httpBest, 2)} (best of 2 each; ` +
      `server RSS ${fmt(Math.min(...rss), 0)}–${fmt(Math.max(...rss), 0)} MB while streaming; budget ≥ 0.8, flat memory)`,
  );
}

export async function benchNational(context: BenchContext): Promise<void> {
  await ensureNational(context);
  try {
    await benchSummary(context);
  } finally {
    if (!process.env.BENCH_KEEP_NATIONAL) {
      const admin = await createDb({ databaseUrl: context.serverUrl, poolSize: 1 });
      await sql`drop database if exists ${sql.id(NATIONAL_DB)} with (force)`.execute(admin.db);
      await admin.close();
    }
  }
}
