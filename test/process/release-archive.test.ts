import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingRealPostgres } from '../helpers/db.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** A fresh network namespace (only loopback) when this machine allows one: root and util-linux `unshare`. */
function canIsolateNetwork(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs inside the offline machine: waits for the server, signs in, reads a report and the client's page, then
 * prints what it saw as one JSON line. Plain Node, no dependencies, like the machine it stands for.
 */
const CHECK = `
const base = 'http://127.0.0.1:' + process.env.PORT;
const seen = { health: 0, index: '', login: 0, districts: null, registry: '' };
const deadline = Date.now() + 240000;
while (Date.now() < deadline) {
  seen.health = await fetch(base + '/api/health').then((r) => r.status, () => 0);
  if (seen.health === 200) break;
  await new Promise((r) => setTimeout(r, 250));
}
seen.index = await fetch(base + '/').then((r) => r.text(), () => '');
const login = await fetch(base + '/api/v1/auth/login', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: process.env.ADMIN_PASSWORD }),
}).catch(() => null);
seen.login = login ? login.status : 0;
const cookie = (login?.headers.get('set-cookie') ?? '').split(';')[0];
seen.districts = await fetch(base + '/api/v1/districts', { headers: { cookie } }).then((r) => r.json(), () => null);
// The proof that the machine is offline: the npm registry cannot be reached from here.
seen.registry = await fetch('https://registry.npmjs.org/', { signal: AbortSignal.timeout(5000) }).then(
  (r) => 'reached ' + r.status,
  (e) => 'unreachable ' + (e.cause?.code ?? e.name),
);
console.log(JSON.stringify(seen));
`;

/** Starts the unpacked release with its one command beside the check, then stops the server with SIGTERM. */
const SCRIPT = `
set -u
ip link set lo up 2>/dev/null || true
cd "$APP_DIR"
./start.sh > "$SERVER_LOG" 2>&1 &
server=$!
node "$CHECK_FILE"
kill -TERM "$server"
wait "$server"
echo "server exit $?" >> "$SERVER_LOG"
`;

/**
 * Issue #15 point 2: one command on a connected machine builds the release archive; unpacked in an empty folder on a
 * machine with only Node.js and no network, it starts with one command, migrates a new database and serves the
 * client and the API.
 */
describe.skipIf(usingRealPostgres())('the offline release archive', () => {
  let work: string;
  let archive: string;
  let app: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-release-test-'));
    await run(process.execPath, [path.join(root, 'scripts/build-release.mjs'), '--out', path.join(work, 'out')], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const [name] = fs.readdirSync(path.join(work, 'out')).filter((f) => f.endsWith('.tar.gz'));
    archive = path.join(work, 'out', name as string);
    const empty = path.join(work, 'offline');
    fs.mkdirSync(empty);
    await run('tar', ['-xzf', archive, '-C', empty]);
    const [folder] = fs.readdirSync(empty);
    app = path.join(empty, folder as string);
  }, 300_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('should hold the server bundle, the built client, the production dependencies, the migrations and the README', () => {
    expect(path.basename(archive)).toMatch(/^junheng-\d{8}(-[0-9a-f]+)?\.tar\.gz$/);
    for (const file of [
      'start.sh',
      'start.cmd',
      'package.json',
      'README.md',
      'server/dist/main.mjs',
      'server/dist/cli/main.mjs',
      'client/dist/index.html',
      'migrations/2026_11_24_0700_create_core_tables.ts',
      'server/node_modules/@electric-sql/pglite/package.json',
      'server/node_modules/express/package.json',
      'server/node_modules/exceljs/package.json',
      'server/node_modules/pg/package.json',
    ]) {
      expect(fs.existsSync(path.join(app, file)), file).toBe(true);
    }
    const pgliteFiles = fs.readdirSync(path.join(app, 'server/node_modules/@electric-sql/pglite/dist'));
    expect(pgliteFiles.some((f) => f.endsWith('.wasm'))).toBe(true);
    // Production dependencies only: no test runner, no transpiler with its platform-specific binary.
    for (const devOnly of ['vitest', 'tsx', 'esbuild', '@esbuild', 'typescript', 'vite']) {
      expect(fs.existsSync(path.join(app, 'server/node_modules', devOnly)), devOnly).toBe(false);
    }
    expect(fs.statSync(path.join(app, 'start.sh')).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(path.join(app, 'start.cmd'), 'utf8')).toContain('node server\\dist\\main.mjs');
  });

  it('should start with ./start.sh in an empty folder without network or registry, and stop on SIGTERM', async () => {
    const checkFile = path.join(work, 'check.mjs');
    fs.writeFileSync(checkFile, CHECK);
    const serverLog = path.join(work, 'server.log');
    const isolated = canIsolateNetwork();
    const command = isolated ? 'unshare' : 'sh';
    const args = isolated ? ['-n', 'sh', '-c', SCRIPT] : ['-c', SCRIPT];
    const { stdout } = await run(command, args, {
      cwd: app,
      timeout: 280_000,
      // Only Node on the PATH: no pnpm, no npx, nothing of the workspace; no registry even if something asked one.
      env: {
        PATH: `${path.dirname(process.execPath)}:/usr/sbin:/usr/bin:/sbin:/bin`,
        HOME: work,
        APP_DIR: app,
        CHECK_FILE: checkFile,
        SERVER_LOG: serverLog,
        PORT: String(4700 + Math.floor(Math.random() * 90)),
        HOST: '127.0.0.1',
        ADMIN_PASSWORD: 'offline-admin-password',
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_offline: 'true',
      },
    });
    const seen = JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
      health: number;
      index: string;
      login: number;
      districts: { code: string; years: number[] }[] | null;
      registry: string;
    };
    const log = fs.readFileSync(serverLog, 'utf8');
    if (isolated) expect(seen.registry).toMatch(/^unreachable/);
    expect(seen.health, log).toBe(200);
    expect(seen.index).toContain('<div id="root"');
    expect(seen.login).toBe(200);
    // A new database was created and migrated from the bundle, and the demo city (澄川县 and four peers) loaded into it.
    expect(seen.districts).toHaveLength(5);
    expect(seen.districts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '330999', years: [2019, 2020, 2021, 2022, 2023, 2024, 2025] }),
      ]),
    );
    expect(fs.existsSync(path.join(app, '.data'))).toBe(true);
    expect(log).toContain('database closed');
    expect(log).toContain('server exit 0');
    expect(log).not.toMatch(/npm (ERR|error)|ERR_PNPM|Cannot find (module|package)/);
  });
});
