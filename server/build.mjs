// Bundles the server's own TypeScript (and the workspace packages it uses) into one ES module for production:
// start-up skips transpiling, and node_modules dependencies stay external, resolved from server/node_modules.
import fs from 'node:fs';
import { build } from 'esbuild';

const manifest = (p) => JSON.parse(fs.readFileSync(new URL(p, import.meta.url), 'utf8'));
const external = [manifest('./package.json'), manifest('../db/package.json'), manifest('../shared/package.json')]
  .flatMap((m) => Object.keys(m.dependencies ?? {}))
  .filter((name) => !name.startsWith('@junheng/'));

await build({
  // Worker threads get bundles of their own next to main.mjs (see src/workers/start-worker.ts).
  entryPoints: {
    main: 'src/main.ts',
    'cli/main': 'src/cli/main.ts',
    'import-worker': 'src/imports/import-worker.ts',
    'xlsx-worker': 'src/export/xlsx-worker.ts',
  },
  // The release script builds into its own folder (SERVER_BUILD_OUTDIR), leaving the working copy's dist alone.
  outdir: process.env.SERVER_BUILD_OUTDIR ?? 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...new Set(external)],
  // The bundle defaults to production mode when NODE_ENV is unset (see config.ts).
  define: { JUNHENG_BUNDLED: 'true' },
  logLevel: 'warning',
});
