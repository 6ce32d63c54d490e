// One-off helper kept for merges (issue #11): rewrites comments citing the external SPEC to the repo's own docs.
// SPEC §2.1 → METHOD.md §2, §2.2 → §3, §2.3 → §4, §2.4 → §5, §2.5 → §6, §2.6 → §7; §3 → METHOD.md §9 (data);
// §4 → ARCHITECTURE.md (views and exports); §5 → ARCHITECTURE.md (stable API); §1 → README; bare §2 → METHOD.md.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const files = execFileSync('git', ['grep', '-l', '-E', 'SPEC ?§', '--', '*.ts', '*.tsx', '*.mjs'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.endsWith('spec-refs-to-docs.mjs'));
const method = { 1: 2, 2: 3, 3: 4, 4: 5, 5: 6, 6: 7 };
for (const file of files) {
  const before = readFileSync(file, 'utf8');
  const after = before
    .replace(/SPEC ?§ ?2\.([1-6])((?:, ?§ ?2\.[1-6])*)/g, (_m, first, rest) => {
      const more = [...rest.matchAll(/2\.([1-6])/g)].map((x) => `§${method[x[1]]}`);
      return `METHOD.md ${[`§${method[first]}`, ...more].join(', ')}`;
    })
    .replace(/SPEC ?§ ?1, ?§ ?2\.([1-6]), ?§ ?2\.([1-6])/g, (_m, a, b) => `METHOD.md §${method[a]}, §${method[b]}`)
    .replace(/SPEC ?§ ?2\b(?!\.)/g, 'METHOD.md')
    .replace(/SPEC ?§ ?3\b/g, 'METHOD.md §9')
    .replace(/SPEC ?§ ?4\b/g, 'ARCHITECTURE.md, views and exports')
    .replace(/SPEC ?§ ?5\b/g, 'ARCHITECTURE.md, stable API')
    .replace(/SPEC ?§ ?1\b/g, 'README');
  if (after !== before) writeFileSync(file, after);
}
