import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingRealPostgres } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * `npm start 2>&1 | tee log`, then Ctrl-C: the terminal's SIGINT reaches `tee` too, so the server's stdout becomes a
 * pipe with no reader. The server must still end (issue #15 point 1): before, the logger's final flush retried its
 * write to the broken pipe every 100 ms forever.
 */
describe.skipIf(usingRealPostgres())('the server process with its output piped to a reader that has gone', () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-pipe-'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const startAndLoseReader = async (dataDir: string) => {
    const port = 4800 + Math.floor(Math.random() * 90);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: path.join(work, dataDir),
        DATABASE_URL: '',
        DEMO_DATA: 'false',
        ADMIN_PASSWORD: 'pipe-test-password',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let listening = false;
    // Generous: a first start runs initdb, slow on a busy machine.
    const deadline = Date.now() + 100_000;
    while (!listening && Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error('the server exited before listening');
      listening = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!listening) await new Promise((r) => setTimeout(r, 100));
    }
    expect(listening).toBe(true);
    // The reader goes away (as `tee` does on Ctrl-C): both ends of the server's output now lead nowhere.
    child.stdout.destroy();
    child.stderr.destroy();
    // A request after that makes the server log into the broken pipe before the signal arrives.
    await fetch(`http://127.0.0.1:${port}/api/health`);
    return { child, exited };
  };

  /** Waits for the exit at most `ms`; a server still running after that is killed so the test run can end. */
  const exitWithin = async (
    run: Awaited<ReturnType<typeof startAndLoseReader>>,
    ms: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'still running'> => {
    const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms));
    const result = await Promise.race([run.exited, timeout]);
    if (result === 'still running') {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    return result;
  };

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'should exit within 5 s of %s and release the data directory',
    { timeout: 150_000 },
    async (signal) => {
      const run = await startAndLoseReader(signal);
      run.child.kill(signal);
      const result = await exitWithin(run, 5000);
      expect(result).not.toBe('still running');
      expect(fs.existsSync(path.join(work, signal, 'junheng.lock'))).toBe(false);
    },
  );
});
