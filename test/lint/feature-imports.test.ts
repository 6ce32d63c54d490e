import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The rule "a client feature imports no other feature, and shared client modules import no feature" is the
 * `noRestrictedImports` overrides of biome.json, run by `pnpm lint`. These tests run Biome with the repository's own
 * biome.json on a throw-away tree of fixture files, so a change to the config that lets a feature→feature import
 * through fails here.
 */
const root = path.resolve(import.meta.dirname, '../..');
const biome = path.join(root, 'node_modules/.bin/biome');

interface Diagnostic {
  category: string;
  location: { path: string };
}

function lint(cwd: string, paths: string[], only?: string): Diagnostic[] {
  const args = ['lint', '--reporter=json', '--max-diagnostics=none', ...(only ? [`--only=${only}`] : []), ...paths];
  const result = spawnSync(biome, args, { cwd, encoding: 'utf8' });
  const json = result.stdout.slice(result.stdout.indexOf('{'));
  return (JSON.parse(json) as { diagnostics: Diagnostic[] }).diagnostics;
}

const restricted = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports')
    .map((diagnostic) => diagnostic.location.path)
    .sort();

const FIXTURES: Record<string, string> = {
  // Allowed: a feature's own files, shared modules, the router importing features.
  'client/src/features/alpha/alpha-page.tsx': [
    "import { own } from './api/alpha.ts';",
    "import { deep } from './components/deep/panel.ts';",
    "import { query } from '../../county-view/county-query.ts';",
    "import { format } from '../../lib/format.ts';",
    'export const page = [own, deep, query, format];',
  ].join('\n'),
  'client/src/features/alpha/api/alpha.ts':
    "import { call } from '../../../lib/api-client.ts';\n\nexport const own = call;",
  'client/src/features/alpha/components/deep/panel.ts':
    "import { own } from '../../api/alpha.ts';\nimport { chart } from '../../../../components/echart.tsx';\n\nexport const deep = [own, chart];",
  'client/src/app/router.tsx':
    "import { page } from '../features/alpha/alpha-page.tsx';\n\nexport const routes = [page];",
  // Forbidden: a feature importing another one, at every depth; a shared module importing a feature.
  'client/src/features/beta/beta-page.tsx': "import { own } from '../alpha/api/alpha.ts';\n\nexport const beta = own;",
  'client/src/features/beta/components/beta-panel.tsx':
    "import { page } from '../../alpha/alpha-page.tsx';\n\nexport const panel = page;",
  'client/src/features/beta/components/deep/beta-chart.ts':
    "import '../../../alpha/alpha.css';\n\nexport const chart = await import('../../../alpha/api/alpha.ts');",
  'client/src/county-view/county-query.ts':
    "import { own } from '../features/alpha/api/alpha.ts';\n\nexport const query = own;",
};

describe('the feature import rule (biome.json)', () => {
  let dir = '';

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-lint-'));
    fs.copyFileSync(path.join(root, 'biome.json'), path.join(dir, 'biome.json'));
    for (const [file, text] of Object.entries(FIXTURES)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), `${text}\n`);
    }
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should report every import of one feature by another, and of a feature by a shared module', () => {
    const sut = restricted(lint(dir, ['client']));
    expect(sut).toEqual([
      'client/src/county-view/county-query.ts',
      'client/src/features/beta/beta-page.tsx',
      'client/src/features/beta/components/beta-panel.tsx',
      // The side-effect CSS import and the dynamic import().
      'client/src/features/beta/components/deep/beta-chart.ts',
      'client/src/features/beta/components/deep/beta-chart.ts',
    ]);
  });

  it('should find no such import in the client', () => {
    expect(restricted(lint(root, ['client/src'], 'style/noRestrictedImports'))).toEqual([]);
  });
});
