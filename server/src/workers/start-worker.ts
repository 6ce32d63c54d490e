import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Defined (true) by server/build.mjs in the bundle. */
declare const JUNHENG_BUNDLED: boolean | undefined;
const bundled = typeof JUNHENG_BUNDLED !== 'undefined' && JUNHENG_BUNDLED;

/**
 * Starts a worker thread on one of the server's worker modules: `source` is its TypeScript file (give it as
 * `new URL('./x-worker.ts', import.meta.url)`), `bundle` the name of its production bundle without extension.
 *
 * In the production bundle the worker is its own bundle next to `main.mjs` (server/build.mjs makes one per worker).
 * From the TypeScript sources (`pnpm dev`, the CLI, tests under vitest) the worker loads its module through tsx's
 * API, so it runs whatever loader (or none) the main thread was started with.
 */
export function startWorker(entry: { source: URL; bundle: string }, options: WorkerOptions): Worker {
  const name = entry.bundle;
  if (bundled) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    // main.mjs sits in dist/, the CLI in dist/cli/.
    const file = [path.join(here, `${name}.mjs`), path.join(here, '..', `${name}.mjs`)].find((f) => fs.existsSync(f));
    if (!file) throw new Error(`worker bundle ${name}.mjs not found next to ${here}`);
    return new Worker(pathToFileURL(file), options);
  }
  const source = entry.source.href;
  // The ESM build of tsx's API (require.resolve finds its CommonJS twin, index.cjs, beside it).
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}
