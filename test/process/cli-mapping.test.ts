import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officePreset, officeStatsWorkbook } from '../../server/src/imports/sources/mapped-fixture.ts';
import { csvOf, school, stat } from '../../server/src/imports/test-support.ts';
import { usingRealPostgres } from '../helpers/db.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'server/src/cli/main.ts');
const A = '3301100001';
const B = '3301100002';

/** `pnpm cli import --mapping FILE` (issue #13 point 3): a preset downloaded as JSON reads a table not in our template. */
describe.skipIf(usingRealPostgres())('pnpm cli import --mapping (embedded database)', () => {
  let work: string;
  const env = () => ({
    ...process.env,
    DATA_DIR: path.join(work, 'data'),
    DATABASE_URL: '',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
  });
  const cliRun = (args: string[]) =>
    run(tsx, [cli, ...args], { cwd: root, env: env() }).catch(
      (e: { code?: number; stdout: string; stderr: string }) => e,
    ) as Promise<{ code?: number; stdout: string; stderr: string }>;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-cli-mapping-'));
    fs.writeFileSync(
      path.join(work, 'schools.csv'),
      csvOf('schools', [school({ schoolCode: A }), school({ schoolCode: B, schoolName: '新河镇中心小学' })]),
    );
    const rows = [stat({ schoolCode: A, equipmentValue: 250_000 }), stat({ schoolCode: B, studentsPrimary: 432 })];
    fs.writeFileSync(path.join(work, 'office.xlsx'), await officeStatsWorkbook(rows));
    fs.writeFileSync(path.join(work, 'preset.json'), JSON.stringify({ id: 3, ...officePreset('县统计表') }, null, 2));
    const broken = officePreset('坏');
    fs.writeFileSync(
      path.join(work, 'broken.json'),
      JSON.stringify({ ...broken, columns: { ...broken.columns, year: undefined } }),
    );
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('should refuse the table without a mapping, read it with --mapping, and refuse a bad mapping file naming the field', {
    timeout: 400_000,
  }, async () => {
    const file = (name: string) => path.join(work, name);
    const without = await cliRun(['import', file('schools.csv'), file('office.xlsx'), '--dry-run']);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('office.xlsx');

    const bad = await cliRun(['import', file('office.xlsx'), '--mapping', file('broken.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('broken.json.columns.year');

    const applied = await cliRun([
      'import',
      file('schools.csv'),
      file('office.xlsx'),
      '--mapping',
      file('preset.json'),
      '--json',
    ]);
    expect(applied.code ?? 0).toBe(0);
    const report = JSON.parse(applied.stdout);
    expect(report).toMatchObject({ applied: true, errors: [], counts: { schools: 2, school_stats: 2 } });
    expect(report.files.map((f: { kind: string; format?: string }) => [f.kind, f.format ?? 'template'])).toEqual([
      ['schools', 'template'],
      ['school_stats', 'mapped'],
    ]);
  });
});
