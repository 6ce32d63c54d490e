import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';

/** The password of the `admin` the server creates on first start (shared with helpers.ts through `inject`). */
const ADMIN_PASSWORD = 'browser-admin-password';

declare module 'vitest' {
  export interface ProvidedContext {
    browserBaseUrl: string;
    chromiumPath: string;
    adminPassword: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the client if needed and starts the real server (embedded database, demo county) once for all browser
 * tests, as a user would run it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = findChromium();
  project.provide('chromiumPath', chromium ?? '');
  project.provide('browserBaseUrl', '');
  project.provide('adminPassword', ADMIN_PASSWORD);
  if (!chromium) {
    if (process.env.CI) throw new Error('Chromium is missing: CI must run the browser tests (.ci/run installs it).');
    console.warn('WARNING: no Chromium found (apt-get install chromium fonts-noto-cjk); browser tests skipped.');
    return async () => {};
  }
  if (!fs.existsSync(path.join(root, 'client/dist/index.html'))) {
    execFileSync('pnpm', ['--filter', '@junheng/client', 'run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  execFileSync('pnpm', ['--filter', '@junheng/server', 'run', 'build'], { cwd: root, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-browser-'));
  const port = 4100 + Math.floor(Math.random() * 800);
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'server/dist/main.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_PASSWORD,
      // Every test signs in (some several times): the per-address login limit is not what these tests are about.
      LOGIN_ATTEMPTS_PER_15_MIN: '10000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // The first start creates the embedded database and loads the demo city; on a shared, busy machine that can take
  // over a minute (it takes seconds on an idle one).
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error('the server exited during start-up');
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('the server did not start within 150 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  project.provide('browserBaseUrl', baseUrl);
  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
