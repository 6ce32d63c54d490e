import { generateDemoCounty } from '@junheng/db';
import type { SchoolRow, SchoolStatRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeBasicReport } from './basic.ts';
import { computeStageUnits } from './stage-parts.ts';

/**
 * The demo figures quoted in issue #9 point 1, recomputed by hand from the raw demo rows with nothing from the engine:
 * the 2012 junior rows of 2025 are the public junior parts that are neither teaching points nor special schools; the
 * shared assets of a multi-stage school go to the junior part by weighted student share (METHOD.md §5).
 */
function juniorAssetShare(school: SchoolRow, stat: SchoolStatRow): number {
  const { studentsPrimary: p, studentsJunior: j, studentsSenior: s } = stat;
  if (school.schoolType === 'nine_year') return (1.1 * j) / (p + 1.1 * j);
  if (school.schoolType === 'complete_middle') return j / (j + 1.2 * s);
  if (school.schoolType === 'twelve_year') return (1.1 * j) / (p + 1.1 * j + 1.32 * s);
  return 1;
}

function weightedCv(rows: { students: number; value: number }[]): number {
  const total = rows.reduce((sum, r) => sum + r.students, 0);
  const mean = rows.reduce((sum, r) => sum + r.students * r.value, 0) / total;
  const variance = rows.reduce((sum, r) => sum + (r.students / total) * (r.value - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
}

function handComposite(rows: { school: SchoolRow; stat: SchoolStatRow }[]): number {
  const numerators: ((school: SchoolRow, stat: SchoolStatRow) => number)[] = [
    (school, stat) => stat.teachingRoomArea * juniorAssetShare(school, stat),
    (school, stat) => stat.sportsArea * juniorAssetShare(school, stat),
    (school, stat) => stat.equipmentValue * juniorAssetShare(school, stat),
    (school, stat) => stat.computers * juniorAssetShare(school, stat),
    (school, stat) => stat.books * juniorAssetShare(school, stat),
    (_, stat) => stat.teachersJunior,
    (_, stat) => stat.higherDegreeTeachersJunior,
    (_, stat) => stat.seniorTitleTeachersJunior,
  ];
  const cvs = numerators.map((numerator) =>
    weightedCv(
      rows.map(({ school, stat }) => ({
        students: stat.studentsJunior,
        value: numerator(school, stat) / stat.studentsJunior,
      })),
    ),
  );
  return cvs.reduce((sum, cv) => sum + cv, 0) / cvs.length;
}

describe('2012 junior composite of the demo county, 2025 (#9.1)', () => {
  const demo = generateDemoCounty();
  const stats = demo.stats.filter((stat) => stat.year === 2025);
  const byCode = new Map(demo.schools.map((school) => [school.schoolCode, school]));
  const junior = stats.flatMap((stat) => {
    const school = byCode.get(stat.schoolCode);
    return school && stat.studentsJunior > 0 && school.schoolType !== 'special' ? [{ school, stat }] : [];
  });
  const rows2012 = junior.filter(
    ({ school }) => school.ownership === 'public' && school.schoolType !== 'teaching_point',
  );

  it('should be 0.1320 over 14 rows by the 2012 rules (hand computation)', () => {
    expect(rows2012).toHaveLength(14);
    expect(handComposite(rows2012).toFixed(4)).toBe('0.1320');
  });

  it('should differ from the 2017 rows (0.1406 over 17: private schools counted)', () => {
    expect(junior).toHaveLength(17);
    expect(handComposite(junior).toFixed(4)).toBe('0.1406');
  });

  it('should be what the engine reports, whether private schools are included in the 2017 view or not', () => {
    for (const includePrivate of [true, false]) {
      const sut = computeBasicReport(computeStageUnits(demo.schools, stats, { includePrivate }), 'junior');
      expect(sut.schoolsCounted).toBe(14);
      expect(sut.compositeCv).toBeCloseTo(handComposite(rows2012), 12);
    }
  });
});
