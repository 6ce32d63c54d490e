import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingRealPostgres } from '../helpers/db.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'server/src/cli/main.ts');

/** The CLI and the server as processes, on the embedded database in a fresh data directory. */
// The embedded path only: the real-PostgreSQL run covers the same code through the API tests.
describe.skipIf(usingRealPostgres())('the CLI and the server process (embedded database)', () => {
  let work: string;
  const env = () => ({ ...process.env, DATA_DIR: path.join(work, 'data'), DATABASE_URL: '', LOG_LEVEL: 'warn' });

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-cli-'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('should export the demo county as three import files and import them (exit 0), rejecting bad files (exit 1)', async () => {
    const dir = path.join(work, 'demo');
    await run(tsx, [cli, 'demo', 'export', dir], { cwd: root, env: env() });
    expect(fs.readdirSync(dir).sort()).toEqual(['rotations.csv', 'school_stats.csv', 'schools.csv']);

    const files = ['schools.csv', 'school_stats.csv', 'rotations.csv'].map((f) => path.join(dir, f));
    const dry = await run(tsx, [cli, 'import', ...files, '--dry-run', '--json'], { cwd: root, env: env() });
    expect(JSON.parse(dry.stdout)).toMatchObject({
      applied: false,
      errors: [],
      counts: { schools: 100, school_stats: 700 },
    });

    const applied = await run(tsx, [cli, 'import', ...files], { cwd: root, env: env() });
    expect(applied.stdout).toContain('已导入');

    const bad = path.join(work, 'bad.csv');
    fs.writeFileSync(bad, '年度,学校标识码,小学在校生数\n2024,NOPE,-3\n');
    const rejected = (await run(tsx, [cli, 'import', bad], { cwd: root, env: env() }).catch((e: unknown) => e)) as {
      code?: number;
      stdout: string;
    };
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/bad\.csv/);
    expect(rejected.stdout).toContain('未导入任何数据');
  });

  it('should shut down cleanly on Ctrl-C and keep its data across restarts', async () => {
    const start = async () => {
      const port = 4900 + Math.floor(Math.random() * 90);
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
        cwd: root,
        env: { ...env(), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (d) => {
        output += String(d);
      });
      for (let i = 0; i < 600; i += 1) {
        if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
        const ok = await fetch(`http://127.0.0.1:${port}/api/v1/districts`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return { child, port, output: () => output };
    };
    const first = await start();
    const districts = await (await fetch(`http://127.0.0.1:${first.port}/api/v1/districts`)).json();
    expect(districts).toEqual([
      expect.objectContaining({ code: '330999', years: [2019, 2020, 2021, 2022, 2023, 2024, 2025] }),
    ]);
    const exit = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    first.child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(first.output()).toContain('database closed');
    expect(fs.existsSync(path.join(work, 'data/junheng.lock'))).toBe(false);

    const second = await start();
    expect(await (await fetch(`http://127.0.0.1:${second.port}/api/v1/districts`)).json()).toEqual(districts);
    const exit2 = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    await exit2;
  });
});
