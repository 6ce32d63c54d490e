import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { findSchools, findStats, getBalance, runImport, toScope, UNRESTRICTED_ACCESS } from '@junheng/server';
import { CountyYearQuerySchema } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyWorkbooks } from '../fixtures/statistics-workbooks.ts';
import { makeZip } from '../fixtures/zip.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * Issue #13: the demo county imported once from the template files and once from its 教育事业统计 school workbooks
 * (2021 layout for 2021, in a zip; 2022 layout for 2022, loose files; the rotations, which no workbook holds, from the
 * template) must store exactly the same schools and statistics and give the same reports.
 */
const demo = generateDemoCounty();
const YEARS = [2021, 2022];
const DISTRICT = demo.district.code;
const dataset = {
  schools: demo.schools,
  stats: demo.stats.filter((s) => YEARS.includes(s.year)),
  rotations: demo.rotations.filter((r) => YEARS.includes(r.year)),
};

describe(`school workbooks import as the templates do (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let fromTemplates: TestDatabase;
  let fromWorkbooks: TestDatabase;
  let templateReport: Awaited<ReturnType<typeof runImport>>;
  let workbookReport: Awaited<ReturnType<typeof runImport>>;

  beforeAll(async () => {
    [fromTemplates, fromWorkbooks] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const csv = datasetToCsvFiles(dataset);
    const template = (name: keyof typeof csv) => ({ name, bytes: Buffer.from(csv[name]) });
    templateReport = await runImport(
      fromTemplates.db,
      [template('schools.csv'), template('school_stats.csv'), template('rotations.csv')],
      { dryRun: false, source: 'cli' },
    );
    const workbooks = await countyWorkbooks(demo, YEARS);
    const of2021 = workbooks.filter((w) => w.name.startsWith('2021/'));
    const of2022 = workbooks.filter((w) => w.name.startsWith('2022/'));
    workbookReport = await runImport(
      fromWorkbooks.db,
      [{ name: '澄川县2021.zip', bytes: makeZip(of2021) }, ...of2022, template('rotations.csv')],
      { dryRun: false, source: 'cli' },
    );
  });
  afterAll(async () => {
    await Promise.all([fromTemplates?.close(), fromWorkbooks?.close()]);
  });

  it('should apply both imports without errors, reading every workbook as one', () => {
    expect(templateReport.errors).toEqual([]);
    expect(workbookReport.errors).toEqual([]);
    expect(templateReport.applied).toBe(true);
    expect(workbookReport.applied).toBe(true);
    const workbooks = workbookReport.files.filter((f) => f.format === 'school_workbook');
    expect(workbooks).toHaveLength(dataset.stats.length);
    expect(workbooks[0]?.file).toMatch(/^澄川县2021\.zip\/2021\/.+\.xlsx$/);
    expect(workbookReport.counts).toEqual(templateReport.counts);
  });

  it('should store exactly the same schools and statistics', async () => {
    const query = CountyYearQuerySchema.parse({ year: '2022', stage: 'primary' });
    const read = async (db: TestDatabase) => {
      const scope = toScope(DISTRICT, query, UNRESTRICTED_ACCESS);
      return { schools: await findSchools(db.db, scope), stats: await findStats(db.db, scope) };
    };
    const a = await read(fromTemplates);
    const b = await read(fromWorkbooks);
    expect(b.schools).toHaveLength(demo.schools.length);
    expect(b.stats).toHaveLength(dataset.stats.length);
    expect(b.schools).toEqual(a.schools);
    expect(b.stats).toEqual(a.stats);
  });

  it('should compute the same balance report, every CV included', async () => {
    for (const year of YEARS) {
      for (const stage of ['primary', 'junior'] as const) {
        const query = CountyYearQuerySchema.parse({ year: String(year), stage });
        const a = await getBalance(fromTemplates.db, DISTRICT, query, UNRESTRICTED_ACCESS);
        const b = await getBalance(fromWorkbooks.db, DISTRICT, query, UNRESTRICTED_ACCESS);
        expect(b).toEqual(a);
        expect(JSON.stringify(a)).toMatch(/"cv":\s*0\.\d+/);
      }
    }
  });
});
