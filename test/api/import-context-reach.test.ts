import {
  applyDataset,
  type ImportContext,
  type ImportValidator,
  runImport,
  validateOnThisThread,
} from '@junheng/server';
import type { SchoolStatRow } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf } from '../../server/src/imports/test-support.ts';
import { generateCounty } from '../bench/generate-province.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * Issue #10: validation reads what is stored of the counties an import reaches (those its school rows give and those
 * of the stored schools it names), not the whole database, which on a province's server was read on the main thread
 * for every file. Verdicts stay as they were: a school of another county is still known, and a scoped importer still
 * gets a located error for it.
 */
const HOME = generateCounty(0, 40, [2023, 2024]);
const OTHER = generateCounty(1, 30, [2023, 2024]);

function nextYear(rows: readonly SchoolStatRow[], codes: readonly string[]): SchoolStatRow[] {
  return rows.filter((s) => s.year === 2024 && codes.includes(s.schoolCode)).map((s) => ({ ...s, year: 2025 }));
}

describe(`an import reads the counties it reaches (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const county of [HOME, OTHER]) {
      await database.db
        .transaction()
        .execute((trx) => applyDataset(trx, county, { source: 'cli', files: [], warnings: 0 }));
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  async function importCapturing(rows: SchoolStatRow[], allowedDistricts?: string[]) {
    const contexts: ImportContext[] = [];
    const validate: ImportValidator = (files, loadContext, options) =>
      validateOnThisThread(
        files,
        async (request) => {
          const context = await loadContext(request);
          contexts.push(context);
          return context;
        },
        options,
      );
    const report = await runImport(database.db, [{ name: 'school_stats.csv', bytes: csvOf('school_stats', rows) }], {
      dryRun: true,
      source: 'api',
      validate,
      ...(allowedDistricts ? { allowedDistricts } : {}),
    });
    expect(contexts).toHaveLength(1);
    return { report, context: contexts[0] as ImportContext };
  }

  it('should read only its own county for a file of three of its schools', async () => {
    const codes = HOME.schools.slice(0, 3).map((s) => s.schoolCode);
    const { report, context } = await importCapturing(nextYear(HOME.stats, codes));
    expect(report.errors).toEqual([]);
    const home = HOME.schools.map((s) => s.schoolCode).sort();
    expect([...context.knownSchoolCodes].sort()).toEqual(home);
    expect([...(context.schoolDistricts?.values() ?? [])].every((d) => d === '500000')).toBe(true);
    expect([...(context.storedSchools?.keys() ?? [])].sort()).toEqual(home);
    // The year before of the three schools only (the year-on-year checks); the closure warnings read storedSchools.
    expect([...context.previousStats.keys()].sort()).toEqual(codes.map((c) => `${c}:2024`).sort());
    expect(context.storedSchools?.get(codes[0] as string)?.statYears).toEqual([2023, 2024]);
  });

  it('should know a school of another county that the file names, with its county', async () => {
    const home = HOME.schools[0]?.schoolCode as string;
    const other = OTHER.schools[0]?.schoolCode as string;
    const { report, context } = await importCapturing([
      ...nextYear(HOME.stats, [home]),
      ...nextYear(OTHER.stats, [other]),
    ]);
    expect(report.errors).toEqual([]);
    expect(context.knownSchoolCodes.has(other)).toBe(true);
    expect(context.schoolDistricts?.get(other)).toBe('500001');
    expect(context.knownSchoolCodes.size).toBe(HOME.schools.length + OTHER.schools.length);
  });

  it("should still refuse another county's school to an importer of one county, at its row", async () => {
    const other = OTHER.schools[1]?.schoolCode as string;
    const { report } = await importCapturing(nextYear(OTHER.stats, [other]), ['500000']);
    expect(report.errorCount).toBeGreaterThan(0);
    expect(report.errors.some((e) => e.value === other && e.row !== null && e.file === 'school_stats.csv')).toBe(true);
  });

  it('should call a code no county holds unknown, as before', async () => {
    const stray = { ...(nextYear(HOME.stats, [HOME.schools[2]?.schoolCode as string])[0] as SchoolStatRow) };
    stray.schoolCode = '5000099999';
    const { report, context } = await importCapturing([stray]);
    expect(context.knownSchoolCodes.size).toBe(0);
    expect(report.errors.some((e) => e.value === '5000099999' && e.row !== null)).toBe(true);
  });
});
