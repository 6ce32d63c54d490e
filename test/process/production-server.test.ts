import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, stat } from '../../server/src/imports/test-support.ts';
import { usingRealPostgres } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const ADMIN_PASSWORD = 'production-test-password';

/**
 * The production bundle (server/dist/main.mjs, what `npm start` and the Docker image run) as a process: production
 * mode without NODE_ENV, imports validated and XLSX exports written in bundled worker threads, and SIGTERM heard during an import (issue #10).
 */
describe.skipIf(usingRealPostgres())('the production server bundle', () => {
  let work: string;

  beforeAll(() => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: path.join(root, 'server') });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-prod-'));
  }, 120_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const start = async () => {
    const port = 5900 + Math.floor(Math.random() * 90);
    const { NODE_ENV: _unset, ...env } = process.env;
    const child: ChildProcess = spawn(process.execPath, [path.join(root, 'server/dist/main.mjs')], {
      cwd: root,
      env: {
        ...env,
        DATA_DIR: path.join(work, 'data'),
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ADMIN_PASSWORD,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += String(d);
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 1200; i += 1) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = (await (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
    const upload = (name: string, bytes: Uint8Array, query = '') => {
      const form = new FormData();
      form.append('files', new Blob([bytes as BlobPart]), name);
      return fetch(`${base}/api/v1/imports${query}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': me.csrfToken },
        body: form,
      });
    };
    return { child, base, cookie, output: () => output, upload };
  };

  it('should run in production mode without NODE_ENV, validate imports in its worker and stop within 10 s of SIGTERM during an import', async () => {
    const server = await start();
    expect(server.output()).toMatch(/"env":"production"/);

    // The demo county's school 330999001… exists: a one-row dry run is validated by the bundled import worker.
    const ok = await server.upload(
      'one.csv',
      csvOf('school_stats', [stat({ schoolCode: '3309990001', year: 2025 })]),
      '?dryRun=true',
    );
    const report = (await ok.json()) as { errors: { message: string }[]; files: { kind: string }[] };
    expect(report.files[0]?.kind).toBe('school_stats');

    // XLSX exports are written by their own bundled worker, which ships next to main.mjs.
    expect(fs.existsSync(path.join(root, 'server/dist/xlsx-worker.mjs'))).toBe(true);
    const xlsx = await fetch(`${server.base}/api/v1/districts/330999/school-stats?format=xlsx&from=2025&to=2025`, {
      headers: { cookie: server.cookie },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['学校年度统计', '说明']);
    const exported: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row, n) => {
      if (n > 1) exported.push([row.getCell(1).value]);
    });
    // Every row is a 2025 row, and the 说明 sheet counts them.
    expect(exported.length).toBeGreaterThan(10);
    expect(new Set(exported.map((r) => r.join()))).toEqual(new Set(['2025']));
    const about = workbook.worksheets[1]?.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 3) : r));
    expect(about).toContainEqual(['行数', String(exported.length)]);

    // A file that takes seconds to validate, then SIGTERM while it does.
    const rows = Array.from({ length: 40_000 }, (_, i) => stat({ schoolCode: `S${i % 20_000}`, year: 2025 }));
    const pending = server.upload('big.csv', csvOf('school_stats', rows)).then(
      (r) => r.status,
      () => 0,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000, 'hung'))]);
    const seconds = (performance.now() - signalled) / 1000;
    if (code === 'hung') server.child.kill('SIGKILL');
    expect(code).not.toBe('hung');
    expect(seconds).toBeLessThan(10);
    // The cancelled import was answered (503) or its connection closed; never left hanging.
    expect([503, 0]).toContain(await pending);
  }, 180_000);
});
