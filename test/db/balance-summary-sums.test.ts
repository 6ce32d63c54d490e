import type { Database } from '@junheng/db';
import {
  applyDataset,
  getBalance,
  getBalanceSummary,
  refreshCountyQualitySums,
  UNRESTRICTED_ACCESS,
} from '@junheng/server';
import {
  type AccessScope,
  BalanceSummaryQuerySchema,
  type BalanceSummaryResponse,
  type CountyDataset,
  CountyYearQuerySchema,
  QUALITY_INDICATOR_KEYS,
  type SchoolType,
  STAGES,
  type Stage,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
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

  /**
   * Compares the summary's row of every county-year (of `districts`, default all) with that county-year's own report:
   * counts, verdict and every CV equal to the last bit. Answers how many CVs were compared and how many were 0.
   */
  async function expectReportsEqualSummary(
    stage: Stage,
    includePrivate: boolean,
    access: AccessScope = UNRESTRICTED_ACCESS,
  ): Promise<{ compared: number; zeroCvs: number; rows: BalanceSummaryResponse['rows'] }> {
    const summary = await getBalanceSummary(
      database.db,
      BalanceSummaryQuerySchema.parse({ stage, includePrivate: String(includePrivate) }),
      access,
    );
    let compared = 0;
    let zeroCvs = 0;
    for (const row of summary.rows) {
      const report = await getBalance(
        database.db,
        row.districtCode,
        CountyYearQuerySchema.parse({ year: String(row.year), stage, includePrivate: String(includePrivate) }),
        access,
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
    return { compared, zeroCvs, rows: summary.rows };
  }

  /** The stored sums equal a recompute of every county-year from scratch (rolled back), double for double. */
  async function expectStoredEqualsRecomputed(): Promise<void> {
    const read = (db: Kysely<Database>) =>
      db
        .selectFrom('county_quality_sums')
        .selectAll()
        .orderBy('stage')
        .orderBy('include_private')
        .orderBy('year')
        .orderBy('district_code')
        .execute();
    const stored = await read(database.db);
    const recomputed = await database.db
      .transaction()
      .execute(async (trx) => {
        await refreshCountyQualitySums(trx, { districts: null, years: null });
        throw new RolledBack(await read(trx));
      })
      .catch((error: unknown) => {
        if (error instanceof RolledBack) return error.rows;
        throw error;
      });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(recomputed);
  }

  for (const stage of STAGES) {
    for (const includePrivate of [true, false]) {
      it(`should give every county-year the CVs, counts and verdict of its own report (${stage}, private ${includePrivate})`, async () => {
        const { compared, zeroCvs, rows } = await expectReportsEqualSummary(stage, includePrivate);
        expect(new Set(rows.map((r) => r.districtCode)).size).toBe(10);
        expect(compared).toBeGreaterThan(100);
        if (stage === 'primary') expect(zeroCvs).toBeGreaterThan(0);
      });
    }
  }

  it('should store for every county-year what a recompute from the school-years gives', async () => {
    await expectStoredEqualsRecomputed();
  });

  it('should give a user limited to some counties the very rows of those counties', async () => {
    const everyone = await getBalanceSummary(
      database.db,
      BalanceSummaryQuerySchema.parse({ stage: 'primary' }),
      UNRESTRICTED_ACCESS,
    );
    const counties = ['500007', '500020'];
    const scoped = await getBalanceSummary(database.db, BalanceSummaryQuerySchema.parse({ stage: 'primary' }), {
      districtCodes: counties,
      townships: null,
    });
    expect(scoped.rows.length).toBeGreaterThan(0);
    expect(scoped.rows).toEqual(everyone.rows.filter((r) => counties.includes(r.districtCode)));
  });

  it('should follow a re-import that changes one school (its values of one year and its ownership)', async () => {
    const publicOnly = () =>
      getBalanceSummary(
        database.db,
        BalanceSummaryQuerySchema.parse({ stage: 'primary', includePrivate: 'false' }),
        UNRESTRICTED_ACCESS,
      );
    const before = await getBalanceSummary(
      database.db,
      BalanceSummaryQuerySchema.parse({ stage: 'primary' }),
      UNRESTRICTED_ACCESS,
    );
    const publicBefore = await publicOnly();
    const county = generateCounty(7, 60, YEARS);
    // A public primary school.
    const school = county.schools[2] as CountyDataset['schools'][number];
    const stat = county.stats.find((s) => s.schoolCode === school.schoolCode && s.year === 2022);
    if (!stat) throw new Error('no statistics of the school in 2022');
    stat.sportsArea = stat.sportsArea * 3 + 1;
    stat.backboneTeachersPrimary = Math.max(0, stat.backboneTeachersPrimary - 3);
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(
          trx,
          { schools: [{ ...school, ownership: 'private' }], stats: [stat], rotations: [] },
          { source: 'cli', files: [], warnings: 0 },
        ),
      );
    const after = await getBalanceSummary(
      database.db,
      BalanceSummaryQuerySchema.parse({ stage: 'primary' }),
      UNRESTRICTED_ACCESS,
    );
    const of = (rows: BalanceSummaryResponse['rows'], year: number) =>
      rows.find((r) => r.districtCode === '500007' && r.year === year);
    expect(of(after.rows, 2022)?.cvs).not.toEqual(of(before.rows, 2022)?.cvs);
    for (const stage of STAGES) {
      for (const includePrivate of [true, false]) await expectReportsEqualSummary(stage, includePrivate);
    }
    // Without private schools, the school (now private) is gone from every year it has, not only the one re-imported.
    const counted = (rows: BalanceSummaryResponse['rows']) =>
      rows.filter((r) => r.districtCode === '500007').map((r) => r.schoolsCounted);
    expect(counted((await publicOnly()).rows)).toEqual(counted(publicBefore.rows).map((n) => n - 1));
    await expectStoredEqualsRecomputed();
  });

  it('should follow a school that moves to another county, in both counties', async () => {
    const before = await getBalanceSummary(
      database.db,
      BalanceSummaryQuerySchema.parse({ stage: 'primary' }),
      UNRESTRICTED_ACCESS,
    );
    const county = generateCounty(7, 60, YEARS);
    // A primary school (the summary's stage).
    const school = county.schools[8] as CountyDataset['schools'][number];
    const moved = { ...school, districtCode: '500008', districtName: '测试9县', townshipCode: '500008001' };
    await database.db
      .transaction()
      .execute((trx) =>
        applyDataset(trx, { schools: [moved], stats: [], rotations: [] }, { source: 'cli', files: [], warnings: 0 }),
      );
    const after = await getBalanceSummary(
      database.db,
      BalanceSummaryQuerySchema.parse({ stage: 'primary' }),
      UNRESTRICTED_ACCESS,
    );
    const counted = (rows: BalanceSummaryResponse['rows'], district: string) =>
      rows.filter((r) => r.districtCode === district).map((r) => r.schoolsCounted);
    expect(counted(after.rows, '500007')).toEqual(counted(before.rows, '500007').map((n) => n - 1));
    expect(counted(after.rows, '500008')).toEqual(counted(before.rows, '500008').map((n) => n + 1));
    for (const stage of STAGES) {
      for (const includePrivate of [true, false]) await expectReportsEqualSummary(stage, includePrivate);
    }
    await expectStoredEqualsRecomputed();
  });
});

class RolledBack extends Error {
  constructor(readonly rows: unknown[]) {
    super('rolled back');
  }
}
