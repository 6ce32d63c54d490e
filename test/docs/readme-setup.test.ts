import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');
const englishAt = readme.indexOf('\n## English');
// Line breaks of the wrapped text count as spaces.
const flow = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const parts = { zh: flow(readme.slice(0, englishAt)), en: flow(readme.slice(englishAt)) };

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10));
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** One comparator of a node-semver range, for the forms engines fields use: >=, >, <=, <, ^, ~, x-ranges, *. */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|\^|~|=)?\s*v?([\dx*.]+)$/.exec(comparator);
  if (!match) throw new Error(`unsupported range part: ${comparator}`);
  const [, op = '', text = ''] = match;
  if (text === '*' || text === 'x') return true;
  const given = text.split('.').filter((p) => p !== 'x' && p !== '*').length;
  const bound = parseVersion(text);
  const c = compare(version, bound);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '^':
      return c >= 0 && (bound[0] > 0 ? version[0] === bound[0] : version[1] === bound[1]);
    case '~':
      return c >= 0 && version[0] === bound[0] && (given < 2 || version[1] === bound[1]);
    default:
      // A partial version is an x-range: `20` is 20.x.x, `20.19` is 20.19.x.
      return bound.slice(0, given).every((n, i) => version[i] === n);
  }
}

function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => satisfiesComparator(v, comparator)),
  );
}

/** Every package of the lockfile with the Node.js range its `engines` field declares. */
function lockfileEngines(): { name: string; range: string }[] {
  const found: { name: string; range: string }[] = [];
  let current: string | null = null;
  let inPackages = false;
  for (const line of read('pnpm-lock.yaml').split('\n')) {
    if (/^\S/.test(line)) inPackages = line === 'packages:';
    if (!inPackages) continue;
    const key = /^ {2}'?((?:@[^/]+\/)?[^@\s']+)@[^:]+'?:$/.exec(line);
    if (key) current = key[1] ?? null;
    const engines = /^ {4}engines: \{node: '?([^'}]+)'?\}/.exec(line);
    if (engines && current) found.push({ name: current, range: (engines[1] ?? '').trim() });
  }
  return found;
}

describe(satisfies.name, () => {
  it('should read the range forms the lockfile uses', () => {
    expect(satisfies('20.19.0', '>=20.19')).toBe(true);
    expect(satisfies('20.18.9', '>=20.19')).toBe(false);
    expect(satisfies('20.19.0', '>=22.0.0')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || ^22.12.0 || >=24.0.0')).toBe(true);
    expect(satisfies('22.11.0', '^20.19.0 || ^22.12.0 || >=24.0.0')).toBe(false);
    expect(satisfies('21.0.0', '20 || >=22')).toBe(false);
    expect(satisfies('20.19.0', '^10 || ^12 || >=14')).toBe(true);
    expect(satisfies('20.19.0', '*')).toBe(true);
    expect(satisfies('20.19.0', '>= 8.0.0')).toBe(true);
  });
});

/** Issue #15 point 3: what a new user meets when setting up, stated in the README in both languages. */
describe('the README on setting up', () => {
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
  const lowest = /^>=\s*([\d.]+)$/.exec(engines)?.[1];

  it('should state the supported Node.js range exactly as package.json engines does', () => {
    expect(lowest).toBeDefined();
    for (const part of Object.values(parts)) expect(part).toContain(`\`${engines}\``);
  });

  it('should name, with its declared range, every dependency that wants a newer Node.js than the lowest supported', () => {
    const wantNewer = lockfileEngines().filter((p) => !satisfies(lowest as string, p.range));
    expect(wantNewer.length).toBeGreaterThan(0);
    for (const { name, range } of wantNewer) {
      expect(parts.zh, `${name} ${range}`).toContain(`\`${name}\`（\`${range}\`）`);
      expect(parts.en, `${name} ${range}`).toContain(`\`${name}\` (\`${range}\`)`);
    }
  });

  it('should only promise newer Node.js versions that every dependency accepts', () => {
    for (const { name, range } of lockfileEngines()) {
      expect(satisfies('22.22.0', range), `${name} ${range}`).toBe(true);
      expect(satisfies('24.0.0', range), `${name} ${range}`).toBe(true);
    }
  });

  it('should quote the pnpm notice as pnpm prints it, and explain it by the setting that causes it', () => {
    const shim = read('node_modules/pnpm/pnpm');
    const notice = /echo "(pnpm is running through Node\.js[^"]*)"/.exec(shim)?.[1];
    expect(notice).toBeDefined();
    expect(read('pnpm-workspace.yaml')).toMatch(/allowBuilds:[\s\S]*\n\s+pnpm: false/);
    for (const part of Object.values(parts)) {
      expect(part).toContain(notice);
      expect(part).toContain('allowBuilds: pnpm: false');
    }
  });

  it('should say what npm test needs (Chromium with CJK fonts, PostgreSQL) and quote the warnings printed without them', () => {
    const chromiumWarning = 'WARNING: no Chromium found';
    const postgresWarning = 'WARNING: PostgreSQL is not reachable';
    expect(read('test/browser/global-setup.ts')).toContain(chromiumWarning);
    expect(read('test/scripts/run-real-postgres.ts')).toMatch(/WARNING: \$\{message\}/);
    expect(read('test/scripts/run-real-postgres.ts')).toContain('`PostgreSQL is not reachable at');
    for (const part of Object.values(parts)) {
      for (const text of ['fonts-noto-cjk', chromiumWarning, postgresWarning, 'TEST_POSTGRES_URL', 'CHROMIUM_PATH']) {
        expect(part).toContain(text);
      }
    }
  });

  it('should tell how to recover a lost admin password, from the repository and from the offline release', () => {
    expect(read('server/src/cli/main.ts')).toContain('reset-password');
    expect(read('server/build.mjs')).toContain("'src/cli/main.ts'");
    for (const part of Object.values(parts)) {
      expect(part).toContain('| pnpm cli user reset-password admin');
      expect(part).toContain('| node server/dist/cli/main.mjs user reset-password admin');
    }
  });

  it('should document the offline release: the command that builds it and the one that starts it', () => {
    expect((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.release).toContain(
      'scripts/build-release.mjs',
    );
    for (const part of Object.values(parts)) {
      for (const text of ['npm run release', 'start.sh', 'start.cmd', 'server/node_modules']) {
        expect(part).toContain(text);
      }
    }
  });
});
