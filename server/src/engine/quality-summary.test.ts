import { generateDemoCounty } from '@junheng/db';
import {
  OWNERSHIPS,
  QUALITY_INDICATOR_KEYS,
  type QualityReport,
  SCHOOL_TYPES,
  type SchoolRow,
  type SchoolStatRow,
  STAGES,
  type Stage,
} from '@junheng/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeQualityReport } from './quality.ts';
import {
  computeQualitySummary,
  computeQualitySummaryFromSums,
  type QualitySummary,
  type QualitySummarySums,
  toQualitySummaryRow,
} from './quality-summary.ts';
import { computeStageUnits } from './stage-parts.ts';
import { makeSchool, makeStat } from './test-fixtures.ts';

/** What the summary must equal: the fields of the full report it stands for. */
function summaryOfReport(report: QualityReport): QualitySummary {
  return {
    schoolsCounted: report.schoolsCounted,
    studentsCounted: report.studentsCounted,
    cvs: Object.fromEntries(report.indicators.map((i) => [i.key, i.cv])) as QualitySummary['cvs'],
    cvPasses: report.verdict.cvPasses,
    blockingIndicators: report.verdict.blockingIndicators,
    schoolsPassing: report.verdict.schoolsPassing,
    passes: report.verdict.passes,
  };
}

function summarise(schools: SchoolRow[], stats: SchoolStatRow[], stage: Stage, includePrivate: boolean) {
  const byCode = new Map(schools.map((s) => [s.schoolCode, s]));
  const rows = stats.flatMap((stat) => {
    const school = byCode.get(stat.schoolCode);
    return school ? [toQualitySummaryRow(school, stat, stage)] : [];
  });
  return computeQualitySummary(rows, stage, { includePrivate });
}

function report(schools: SchoolRow[], stats: SchoolStatRow[], stage: Stage, includePrivate: boolean) {
  return summaryOfReport(computeQualityReport(computeStageUnits(schools, stats, { includePrivate }), stage));
}

describe(computeQualitySummary.name, () => {
  it('should give exactly the CVs and verdict of the full report for every year and stage of the demo county', () => {
    const demo = generateDemoCounty();
    const years = [...new Set(demo.stats.map((s) => s.year))];
    expect(years.length).toBeGreaterThan(1);
    for (const year of years) {
      const stats = demo.stats.filter((s) => s.year === year);
      for (const stage of STAGES) {
        for (const includePrivate of [true, false]) {
          const expected = report(demo.schools, stats, stage, includePrivate);
          expect(expected.schoolsCounted).toBeGreaterThan(0);
          // toStrictEqual on doubles: the same value to the last bit, not merely close.
          expect(summarise(demo.schools, stats, stage, includePrivate)).toStrictEqual(expected);
        }
      }
    }
  });

  it('should not depend on the order of the rows', () => {
    const demo = generateDemoCounty();
    const stats = demo.stats.filter((s) => s.year === demo.stats[0]?.year).reverse();
    expect(summarise(demo.schools, stats, 'primary', true)).toStrictEqual(report(demo.schools, stats, 'primary', true));
  });

  it('should give exactly the full report for any county (property)', () => {
    const count = (max: number) => fc.integer({ min: 0, max });
    const area = fc.double({ min: 0, max: 50_000, noNaN: true });
    const schoolArb = fc.record({
      schoolType: fc.constantFrom(...SCHOOL_TYPES),
      ownership: fc.constantFrom(...OWNERSHIPS),
      studentsPrimary: fc.oneof(fc.constant(0), count(60), count(2500)),
      studentsJunior: fc.oneof(fc.constant(0), count(60), count(2000)),
      studentsSenior: fc.oneof(fc.constant(0), count(1500)),
      teachers: count(150),
      higherDegree: count(150),
      backbone: count(30),
      peArt: count(20),
      teachingRoomArea: area,
      sportsArea: area,
      equipmentValue: fc.double({ min: 0, max: 1e8, noNaN: true }),
      multimediaRooms: count(120),
    });
    fc.assert(
      fc.property(
        fc.array(schoolArb, { minLength: 0, maxLength: 25 }),
        fc.constantFrom(...STAGES),
        fc.boolean(),
        (specs, stage, includePrivate) => {
          const schools = specs.map((spec, i) =>
            makeSchool({
              schoolCode: `S${String((i * 7919) % 1000).padStart(3, '0')}${i}`,
              schoolType: spec.schoolType,
              ownership: spec.ownership,
            }),
          );
          const stats = specs.map((spec, i) =>
            makeStat({
              schoolCode: (schools[i] as SchoolRow).schoolCode,
              studentsPrimary: spec.studentsPrimary,
              studentsJunior: spec.studentsJunior,
              studentsSenior: spec.studentsSenior,
              teachersPrimary: spec.teachers,
              teachersJunior: spec.teachers,
              higherDegreeTeachersPrimary: spec.higherDegree,
              higherDegreeTeachersJunior: Math.max(0, spec.higherDegree - 3),
              backboneTeachersPrimary: spec.backbone,
              backboneTeachersJunior: Math.floor(spec.backbone / 2),
              peArtTeachersPrimary: spec.peArt,
              peArtTeachersJunior: spec.peArt + 1,
              teachingRoomArea: spec.teachingRoomArea,
              sportsArea: spec.sportsArea,
              equipmentValue: spec.equipmentValue,
              multimediaRooms: spec.multimediaRooms,
            }),
          );
          expect(summarise(schools, stats, stage, includePrivate)).toStrictEqual(
            report(schools, stats, stage, includePrivate),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should give no CV verdict without counted schools, as the report does', () => {
    const summary = computeQualitySummary([], 'primary');
    expect(summary).toStrictEqual(report([], [], 'primary', true));
    expect(summary.blockingIndicators).toEqual([]);
    expect(summary.passes).toBeNull();
  });

  it('should give no CVs and no verdict for a single school, as the report does (#15.6)', () => {
    const school = makeSchool({ schoolCode: 'A' });
    const stat = makeStat({ schoolCode: 'A', studentsPrimary: 100, teachingRoomArea: 500, sportsArea: 800 });
    const summary = computeQualitySummary([toQualitySummaryRow(school, stat, 'primary')], 'primary');
    expect(summary).toStrictEqual(report([school], [stat], 'primary', true));
    expect(Object.values(summary.cvs).every((cv) => cv === null)).toBe(true);
    expect(summary).toMatchObject({ schoolsCounted: 1, cvPasses: null, passes: null });
  });

  it('should reject two rows for one school, as computeStageUnits does', () => {
    const school = makeSchool({ schoolCode: 'A' });
    const row = toQualitySummaryRow(school, makeStat({ schoolCode: 'A', studentsPrimary: 100 }), 'primary');
    expect(() => computeQualitySummary([row, { ...row }], 'primary')).toThrow(/Two statistics rows/);
  });
});

describe(computeQualitySummaryFromSums.name, () => {
  // METHOD.md §4 golden example: students 45, 37, 89, 76, 55; books 279, 137, 935, 160, 402.
  const students = [45, 37, 89, 76, 55];
  const books = [279, 137, 935, 160, 402];
  const total = students.reduce((a, b) => a + b, 0);
  const mean = books.reduce((a, b) => a + b, 0) / total;
  const variance = students.reduce((sum, p, i) => sum + (p / total) * ((books[i] as number) / p - mean) ** 2, 0);
  const sums = (overrides: Partial<QualitySummarySums> = {}): QualitySummarySums => ({
    schoolsCounted: 5,
    studentsCounted: total,
    schoolsPassing: 5,
    means: QUALITY_INDICATOR_KEYS.map(() => mean),
    variances: QUALITY_INDICATOR_KEYS.map(() => variance),
    ...overrides,
  });

  it('should give CV = sqrt(variance) / mean and fail the primary limit of 0.50 at 0.515', () => {
    const sut = computeQualitySummaryFromSums(sums(), 'primary');
    expect(sut.cvs.equipment_value_per_student).toBeCloseTo(0.515257, 6);
    expect(sut).toMatchObject({ cvPasses: false, passes: false, schoolsCounted: 5, schoolsPassing: 5 });
    expect(sut.blockingIndicators).toEqual([...QUALITY_INDICATOR_KEYS]);
  });

  it('should pass when every CV is within the limit and every school passes', () => {
    const sut = computeQualitySummaryFromSums(sums({ variances: QUALITY_INDICATOR_KEYS.map(() => 0) }), 'junior');
    expect(sut).toMatchObject({ cvPasses: true, passes: true, blockingIndicators: [] });
    expect(sut.cvs.backbone_teachers_per100).toBe(0);
    const failing = computeQualitySummaryFromSums(
      sums({ variances: QUALITY_INDICATOR_KEYS.map(() => 0), schoolsPassing: 4 }),
      'junior',
    );
    expect(failing).toMatchObject({ cvPasses: true, passes: false });
  });

  it('should give no CV and no verdict for fewer than 2 schools, and block on a zero mean', () => {
    expect(computeQualitySummaryFromSums(sums({ schoolsCounted: 1 }), 'primary')).toMatchObject({
      cvPasses: null,
      passes: null,
      blockingIndicators: [],
      cvs: expect.objectContaining({ equipment_value_per_student: null }),
    });
    const empty = computeQualitySummaryFromSums(
      sums({
        schoolsCounted: 0,
        studentsCounted: 0,
        schoolsPassing: 0,
        means: QUALITY_INDICATOR_KEYS.map(() => null),
        variances: QUALITY_INDICATOR_KEYS.map(() => null),
      }),
      'primary',
    );
    expect(empty).toMatchObject({ cvPasses: null, passes: null, schoolsCounted: 0 });
    const zero = computeQualitySummaryFromSums(
      sums({ means: QUALITY_INDICATOR_KEYS.map((key) => (key === 'backbone_teachers_per100' ? 0 : mean)) }),
      'primary',
    );
    expect(zero.cvs.backbone_teachers_per100).toBeNull();
    expect(zero.blockingIndicators).toContain('backbone_teachers_per100');
  });
});
