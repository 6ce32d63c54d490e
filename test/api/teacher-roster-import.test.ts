import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import { ImportReportSchema } from '@junheng/shared';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRoster, rosterCsvGb18030, rosterXlsx } from '../fixtures/teacher-roster.ts';
import { postFiles, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

/**
 * Issue #13: the demo county's template files without rotations, plus teacher rosters generated from the same
 * county, must give exactly the teacher-exchange report of the template files with rotations: the rosters' eligible
 * teachers (years at the school on 1 September) and rotations are what the statistics and rotations files said.
 */
const demo = generateDemoCounty();
const files = datasetToCsvFiles(demo);
const roster = generateRoster(demo, 6);
const YEARS = [...new Set(demo.stats.map((s) => s.year))].sort((a, b) => a - b);
const ELIGIBLE_HEADER = '符合交流条件教师数';

/** The statistics CSV with every 符合交流条件教师数 cell replaced (blank: the roster is to fill it). */
function statsWithEligible(value: string): string {
  const lines = files['school_stats.csv'].split('\r\n');
  const header = (lines[0] as string).replace('\uFEFF', '').split(',');
  const column = header.indexOf(ELIGIBLE_HEADER);
  expect(column).toBeGreaterThan(0);
  return lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      cells[column] = value;
      return cells.join(',');
    })
    .join('\r\n');
}

interface Site {
  database: TestDatabase;
  app: RunningApp;
}

async function open(): Promise<Site> {
  const database = await createTestDatabase();
  return { database, app: await startTestApp(database.db) };
}

async function exchangeReports(site: Site): Promise<unknown[]> {
  const reports: unknown[] = [];
  for (const year of YEARS) {
    for (const multiYear of ['first_year', 'every_year']) {
      const res = await site.app.fetch(
        `${site.app.baseUrl}/api/v1/districts/${demo.district.code}/teacher-exchange?year=${year}&multiYear=${multiYear}`,
      );
      expect(res.status).toBe(200);
      reports.push(await res.json());
    }
  }
  return reports;
}

describe(`teacher rosters give the rotation report of the template files (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let reference: Site;
  let fromXlsx: Site;
  let fromCsv: Site;
  let expected: unknown[];

  beforeAll(async () => {
    [reference, fromXlsx, fromCsv] = await Promise.all([open(), open(), open()]);
    const res = await postFiles(reference.app, [
      { name: 'schools.csv', bytes: files['schools.csv'] },
      { name: 'school_stats.csv', bytes: files['school_stats.csv'] },
      { name: 'rotations.csv', bytes: files['rotations.csv'] },
    ]);
    expect(res.status).toBe(200);
    expected = await exchangeReports(reference);
  }, 400_000);
  afterAll(async () => {
    for (const site of [reference, fromXlsx, fromCsv]) {
      await site?.app.close();
      await site?.database.close();
    }
  });

  it('should fill the blank 符合交流条件教师数 of the statistics from one XLSX roster per year', async () => {
    const rosters = await Promise.all(
      YEARS.map(async (year) => ({
        name: `${demo.district.name}教师名册_${year}.xlsx`,
        bytes: await rosterXlsx(roster, year, demo.district.name),
      })),
    );
    const res = await postFiles(fromXlsx.app, [
      { name: 'schools.csv', bytes: files['schools.csv'] },
      { name: 'school_stats.csv', bytes: statsWithEligible('') },
      ...rosters,
    ]);
    expect(res.body.errors).toEqual([]);
    expect(res.status).toBe(200);
    const report = ImportReportSchema.parse(res.body);
    expect(report.files.filter((f) => f.format === 'teacher_roster')).toHaveLength(YEARS.length);
    expect(report.counts.rotations).toBe(demo.rotations.length);
    // What was counted, year by year, as the report shows it.
    expect(report.rosters?.map((r) => r.year)).toEqual(YEARS);
    for (const summary of report.rosters ?? []) {
      const stats = demo.stats.filter((s) => s.year === summary.year);
      const rotations = demo.rotations.filter((r) => r.year === summary.year);
      expect(summary).toMatchObject({
        statisticsDate: `${summary.year}-09-01`,
        eligibleYears: [6],
        schools: stats.length,
        teachers: stats.reduce((sum, s) => sum + s.teachersPrimary + s.teachersJunior, 0),
        eligibleTeachers: stats.reduce((sum, s) => sum + s.rotationEligibleTeachers, 0),
        rotatedTeachers: rotations.length,
        backboneRotated: rotations.filter((r) => r.backbone).length,
        statsInImport: stats.length,
        storedStatsUpdated: 0,
      });
    }
    expect(await exchangeReports(fromXlsx)).toEqual(expected);
  }, 400_000);

  it('should update the stored statistics from a GB18030 CSV roster of all years imported on its own', async () => {
    const first = await postFiles(fromCsv.app, [
      { name: 'schools.csv', bytes: files['schools.csv'] },
      { name: 'school_stats.csv', bytes: statsWithEligible('0') },
    ]);
    expect(first.status).toBe(200);
    const csv = rosterCsvGb18030(roster);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(csv)).toThrow();
    expect(iconv.decode(Buffer.from(csv), 'gb18030')).toContain('进入本校时间');
    const res = await postFiles(fromCsv.app, [{ name: '教师名册.csv', bytes: csv }]);
    expect(res.body.errors).toEqual([]);
    expect(res.status).toBe(200);
    const report = ImportReportSchema.parse(res.body);
    expect(report.files[0]).toMatchObject({ format: 'teacher_roster', encoding: 'gb18030' });
    expect(report.rosters?.reduce((sum, r) => sum + r.storedStatsUpdated, 0)).toBe(demo.stats.length);
    expect(await exchangeReports(fromCsv)).toEqual(expected);

    // A roster year with no statistics, stored or imported, is a located error and changes nothing.
    const lonely = `年度,工号,学校标识码,进入本校日期,骨干教师\r\n2031,X1,${demo.schools[0]?.schoolCode},2010-09-01,无\r\n`;
    const rejected = await postFiles(fromCsv.app, [{ name: '名册2031.csv', bytes: lonely }]);
    expect(rejected.status).toBe(422);
    expect(rejected.body.errors).toEqual([
      expect.objectContaining({
        file: '名册2031.csv',
        row: 2,
        cell: 'C2',
        message: expect.stringContaining('2031 年的统计数据'),
      }),
    ]);
    expect(await exchangeReports(fromCsv)).toEqual(expected);

    // An identity-card number in the roster: refused at its cell, masked, and never echoed back.
    const id = '11010519491231002X';
    const withId = `年度,工号,学校标识码,进入本校日期,骨干教师\r\n2024,${id},${demo.schools[0]?.schoolCode},2010-09-01,无\r\n`;
    const refused = await postFiles(fromCsv.app, [{ name: '名册2024.csv', bytes: withId }]);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ file: '名册2024.csv', row: 2, cell: 'B2', value: '1101************2X' }),
    ]);
    expect(JSON.stringify(refused.body)).not.toContain(id);
    expect(await exchangeReports(fromCsv)).toEqual(expected);
  }, 400_000);
});
