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

  /** Runs the CLI with `input` on stdin (passwords are read from stdin, never from the command line). */
  const runCli = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(tsx, [cli, ...args], { cwd: root, env: { ...env(), ...options.env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += String(d);
      });
      child.stderr.on('data', (d) => {
        stderr += String(d);
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.input ?? '');
    });

  const start = async (extraEnv: Record<string, string> = {}) => {
    const port = 4900 + Math.floor(Math.random() * 90);
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
      cwd: root,
      env: { ...env(), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += String(d);
    });
    for (let i = 0; i < 600; i += 1) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const stop = async (signal: NodeJS.Signals) => {
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      return exit;
    };
    return { child, port, base: `http://127.0.0.1:${port}`, output: () => output, stop };
  };

  const loginCookie = async (base: string, username: string, password: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  it('should print a generated admin password once, shut down cleanly on Ctrl-C and keep data and accounts across restarts', async () => {
    const first = await start();
    expect((await fetch(`${first.base}/api/v1/districts`)).status).toBe(401);
    const password = /密码 \/ password:\s+(\S+)/.exec(first.output())?.[1] as string;
    expect(password).toMatch(/^[1-9A-Za-z]{20}$/);
    const cookie = await loginCookie(first.base, 'admin', password);
    const districts = await (await fetch(`${first.base}/api/v1/districts`, { headers: { cookie } })).json();
    expect(districts).toEqual([
      expect.objectContaining({ code: '330999', years: [2019, 2020, 2021, 2022, 2023, 2024, 2025] }),
    ]);
    expect(await first.stop('SIGINT')).toBe(0);
    expect(first.output()).toContain('database closed');
    expect(fs.existsSync(path.join(work, 'data/junheng.lock'))).toBe(false);

    const second = await start();
    expect(second.output()).not.toContain(password);
    // Sessions live in the database: the cookie from before the restart still works.
    expect(await (await fetch(`${second.base}/api/v1/districts`, { headers: { cookie } })).json()).toEqual(districts);
    await second.stop('SIGTERM');
  });

  it('should manage users and tokens from the CLI, directly and through the running server', async () => {
    const added = await runCli(['user', 'add', 'east', '--role', 'viewer', '--township', '330999001'], {
      input: 'viewer-password-1\n',
    });
    expect(added.stderr + added.stdout).toContain('已创建用户');
    const weak = await runCli(['user', 'add', 'weak', '--role', 'analyst'], { input: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码至少 10 位');
    const noTownship = await runCli(['user', 'add', 'nowhere', '--role', 'viewer'], { input: 'viewer-password-1\n' });
    expect(noTownship.code).toBe(1);
    // A city's analyst: a set of counties, then every county, then one.
    const city = await runCli(['user', 'add', 'city', '--role', 'analyst', '--district', '330999,330991'], {
      input: 'analyst-password-1\n',
    });
    expect(city.stdout).toContain('区县 330991、330999');
    expect((await runCli(['user', 'scope', 'city', '--district', 'all'])).stdout).toContain('全部区县');
    const narrowed = await runCli(['user', 'scope', 'city', '--district', '330991', '--json']);
    expect(JSON.parse(narrowed.stdout)).toMatchObject({ username: 'city', districtCodes: ['330991'] });

    const viewerToken = (await runCli(['token', 'create', 'east', '--name', 'script'])).stdout.trim();
    expect(viewerToken).toMatch(/^jh_[\w-]{40,}$/);
    const adminToken = (await runCli(['token', 'create', 'admin'])).stdout.trim();

    const server = await start();
    try {
      // The embedded database has one process: the CLI says so and points to --server.
      const locked = await runCli(['user', 'list']);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('请先停止服务器');

      const asViewer = { headers: { Authorization: `Bearer ${viewerToken}` } };
      const [district] = (await (await fetch(`${server.base}/api/v1/districts`, asViewer)).json()) as {
        townships: number;
      }[];
      expect(district?.townships).toBe(1);

      const remote = { env: { JUNHENG_TOKEN: adminToken } };
      const listed = await runCli(['user', 'list', '--json', '--server', server.base], remote);
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.stdout) as { username: string }[]).map((u) => u.username).sort()).toEqual([
        'admin',
        'city',
        'east',
      ]);
      const disabled = await runCli(['user', 'disable', 'east', '--server', server.base], remote);
      expect(disabled.stdout).toContain('已停用');
      expect((await fetch(`${server.base}/api/v1/districts`, asViewer)).status).toBe(401);
      const reset = await runCli(['user', 'reset-password', 'admin', '--server', server.base], {
        ...remote,
        input: 'new-admin-password\n',
      });
      expect(reset.code).toBe(0);
      await loginCookie(server.base, 'admin', 'new-admin-password');
    } finally {
      await server.stop('SIGTERM');
    }

    const tokens = await runCli(['token', 'list', '--json']);
    const listed = JSON.parse(tokens.stdout) as { id: number; username: string; lastUsedAt: string | null }[];
    expect(listed.find((t) => t.username === 'east')?.lastUsedAt).not.toBeNull();
    const revoked = await runCli(['token', 'revoke', String(listed.find((t) => t.username === 'admin')?.id)]);
    expect(revoked.stdout).toContain('已吊销');
  });
});
