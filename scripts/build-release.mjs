// `pnpm release` (or `npm run release`): builds the offline release archive for machines with only Node.js, such as
// those on 政务内网. On the connected machine it builds the client and the server bundle, then lays out
//
//   junheng-<date>-<commit>/
//     start.sh, start.cmd       the one command that starts the server (Linux/macOS, Windows)
//     package.json              `npm start` does the same; no dependencies to install
//     server/dist/              the server and CLI bundles (our TypeScript, the migrations included)
//     server/node_modules/      production dependencies only (PGlite and its WASM, Express, ExcelJS, pg …)
//     client/dist/              the built client
//     migrations/               the migration sources, for review (they run from the bundle)
//     README.md
//
// and packs it as release/junheng-<date>-<commit>.tar.gz (Windows 10+ unpacks it with its built-in `tar -xf`).
// Options: --out DIR (where the archive goes, default ./release).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'release') } } });
const outDir = path.resolve(values.out);

const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...options });

function releaseName() {
  const date = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    return `junheng-${date}-${commit}`;
  } catch {
    return `junheng-${date}`;
  }
}

const name = releaseName();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-release-'));
const stage = path.join(work, name);

try {
  console.log('1/4 Building the client and the server bundle…');
  // Built straight into the release folder, never over the working copy's client/dist and server/dist: a server
  // running from them (the browser tests' own) would meet a half-emptied client while Vite rebuilds it.
  run('pnpm', [
    '--filter',
    '@junheng/client',
    'exec',
    'vite',
    'build',
    '--outDir',
    path.join(stage, 'client/dist'),
    '--emptyOutDir',
  ]);
  run('pnpm', ['--filter', '@junheng/server', 'run', 'build'], {
    env: { ...process.env, SERVER_BUILD_OUTDIR: path.join(stage, 'server/dist') },
  });

  console.log('2/4 Collecting the production dependencies (pnpm deploy --prod)…');
  // A flat node_modules (hoisted) without symlinks, so the archive unpacks the same on Windows. --prefer-offline:
  // the packages already in the local store are used without asking the registry.
  const deployed = path.join(work, 'deploy');
  run('pnpm', [
    '--filter',
    '@junheng/server',
    'deploy',
    '--prod',
    '--prefer-offline',
    '--config.node-linker=hoisted',
    deployed,
  ]);
  fs.mkdirSync(path.join(stage, 'server'), { recursive: true });
  fs.renameSync(path.join(deployed, 'node_modules'), path.join(stage, 'server/node_modules'));
  // The workspace packages are compiled into the bundle; .bin holds symlinks to tools the server does not run.
  for (const unused of ['@junheng', '.bin', '.pnpm', '.modules.yaml']) {
    fs.rmSync(path.join(stage, 'server/node_modules', unused), { recursive: true, force: true });
  }

  console.log('3/4 Copying the migrations and the README…');
  fs.cpSync(path.join(root, 'db/src/migrations'), path.join(stage, 'migrations'), { recursive: true });
  fs.copyFileSync(path.join(root, 'README.md'), path.join(stage, 'README.md'));
  const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines;
  fs.writeFileSync(
    path.join(stage, 'package.json'),
    `${JSON.stringify(
      {
        name: 'junheng-release',
        private: true,
        description: '均衡 Junheng — offline release: start with ./start.sh, start.cmd or npm start',
        type: 'module',
        engines,
        scripts: { start: 'node server/dist/main.mjs', cli: 'node server/dist/cli/main.mjs' },
      },
      null,
      2,
    )}\n`,
  );
  fs.writeFileSync(
    path.join(stage, 'start.sh'),
    [
      '#!/bin/sh',
      '# 均衡 Junheng: starts the server from this folder (data in ./.data unless DATA_DIR or DATABASE_URL is set).',
      'cd "$(dirname "$0")" || exit 1',
      '[ -n "$NODE_ENV" ] || NODE_ENV=production',
      'export NODE_ENV',
      'exec node server/dist/main.mjs "$@"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  fs.writeFileSync(
    path.join(stage, 'start.cmd'),
    [
      '@echo off',
      'rem 均衡 Junheng: starts the server from this folder (data in .data unless DATA_DIR or DATABASE_URL is set).',
      'cd /d "%~dp0"',
      'if not defined NODE_ENV set NODE_ENV=production',
      'node server\\dist\\main.mjs %*',
      '',
    ].join('\r\n'),
  );

  console.log('4/4 Packing…');
  fs.mkdirSync(outDir, { recursive: true });
  const archive = path.join(outDir, `${name}.tar.gz`);
  run('tar', ['-czf', archive, '-C', work, name]);
  const megabytes = (fs.statSync(archive).size / 1024 / 1024).toFixed(1);
  console.log(`\nRelease archive: ${archive} (${megabytes} MB)`);
  console.log(`On the offline machine (Node.js ${engines.node}): tar -xzf ${name}.tar.gz && ${name}/start.sh`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
