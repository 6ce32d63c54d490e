import { applyDataset, getBalance, getBalanceSummary, UNRESTRICTED_ACCESS } from '@junheng/server';
import {
  BalanceSummaryQuerySchema,
  type CountyDataset,
  CountyYearQuerySchema,
  QUALITY_INDICATOR_KEYS,
  type SchoolType,
  STAGES,
} from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../bench/generate-province.ts';
import { loadSmallCounty } from '../fixtures/small-county.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const YEARS = [2021, 2022, 2023];

/**
 * A generated county whose schools take every shape the stage split knows: complete middle schools (junior : senior
 * 1 : 1.2), twelve-year schools, nine-year and complete middle schools with a stage their type does not cover (the
 * twelve-year weights), special schools, private schools, and two schools with the very same values (a CV of 0).
 */
function buildOddCounty(index: number): CountyDataset {
  const county = generateCounty(index, 40, YEARS);
  const shapes: SchoolType[] = ['complete_middle', 'twelve_year', 'nine_year', 'complete_middle', 'special'];
  county.schools.forEach((school, i) => {
    if (i % 6 === 1) school.schoolType = shapes[Math.floor(i / 6) % shapes.length] as SchoolType;
    if (i % 11 === 3) school.ownership = 'private';
  });
  const types = new Map(county.schools.map((s) => [s.schoolCode, s.schoolType]));
  for (const stat of county.stats) {
    const type = types.get(stat.schoolCode);
    const code = Number(stat.schoolCode.slice(-4));
    if (type === 'complete_middle' || type === 'twelve_year' || type === 'nine_year') {
      stat.studentsJunior = stat.studentsJunior || 350 + code;
      stat.teachersJunior = Math.max(stat.teachersJunior, 30);
      stat.studentsSenior = type === 'nine_year' && code % 4 !== 1 ? 0 : 200 + code;
    }
    // A complete middle school without primary pupils uses its own weights; with some, the twelve-year ones.
    if (type === 'complete_middle' && code % 4 !== 1) {
      stat.studentsPrimary = 0;
      stat.teachersPrimary = 0;
      stat.higherDegreeTeachersPrimary = 0;
      stat.backboneTeachersPrimary = 0;
      stat.peArtTeachersPrimary = 0;
      stat.seniorTitleTeachersPrimary = 0;
      stat.classesPrimary = 0;
    }
    stat.certifiedTeachers = Math.min(stat.certifiedTeachers, stat.teachersPrimary + stat.teachersJunior);
  }
  // A second county of two schools alike in every value: a CV of exactly 0.
  const twin = generateCounty(index + 1, 2, YEARS);
  const [first, second] = twin.schools;
  if (first && second) second.schoolType = first.schoolType = 'primary';
  for (const stat of twin.stats) {
    const source = twin.stats.find((s) => s.year === stat.year && s.schoolCode === first?.schoolCode);
    if (source && stat !== source) Object.assign(stat, { ...source, schoolCode: stat.schoolCode });
  }
  return { schools: [...county.schools, ...twin.schools], stats: [...county.stats, ...twin.stats], rotations: [] };
}

describe(`balance-summary sums in the database (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The demo city (澄川县 and its four peer counties, 2019–2025) and the hand-computed small county.
    await loadSmallCounty(database.db, { demo: true });
    const batch = { source: 'cli' as const, files: [], warnings: 0 };
    for (const index of [7, 8]) {
      const county = generateCounty(index, 60, YEARS);
      await database.db.transaction().execute((trx) => applyDataset(trx, county, batch));
    }
    const odd = buildOddCounty(20);
    await database.db.transaction().execute((trx) => applyDataset(trx, odd, batch));
  });
  afterAll(async () => {
    await database.close();
  });

  for (const stage of STAGES) {
    for (const includePrivate of [true, false]) {
      it(`should give every county-year the CVs, counts and verdict of its own report (${stage}, private ${includePrivate})`, async () => {
        const summary = await getBalanceSummary(
          database.db,
          BalanceSummaryQuerySchema.parse({ stage, includePrivate: String(includePrivate) }),
          UNRESTRICTED_ACCESS,
        );
        const districts = new Set(summary.rows.map((r) => r.districtCode));
        expect(districts.size).toBe(10);
        let compared = 0;
        let zeroCvs = 0;
        for (const row of summary.rows) {
          const report = await getBalance(
            database.db,
            row.districtCode,
            CountyYearQuerySchema.parse({ year: String(row.year), stage, includePrivate: String(includePrivate) }),
            UNRESTRICTED_ACCESS,
          );
          expect(row, `${row.districtCode}/${row.year}`).toMatchObject({
            schoolsCounted: report.schoolsCounted,
            studentsCounted: report.studentsCounted,
            schoolsPassing: report.verdict.schoolsPassing,
            cvPasses: report.verdict.cvPasses,
            passes: report.verdict.passes,
            blockingIndicators: report.verdict.blockingIndicators,
          });
          for (const indicator of report.indicators) {
            const cv = row.cvs[indicator.key] ?? null;
            if (indicator.cv === null) {
              expect(cv, `${row.districtCode}/${row.year} ${indicator.key}`).toBeNull();
              continue;
            }
            expect(cv, `${row.districtCode}/${row.year} ${indicator.key}`).not.toBeNull();
            expect(cv, `${row.districtCode}/${row.year} ${indicator.key}`).toBe(indicator.cv);
            if (indicator.cv === 0) zeroCvs += 1;
            compared += 1;
          }
          expect(Object.keys(row.cvs).sort()).toEqual([...QUALITY_INDICATOR_KEYS].sort());
        }
        expect(compared).toBeGreaterThan(100);
        if (stage === 'primary') expect(zeroCvs).toBeGreaterThan(0);
      });
    }
  }
});
