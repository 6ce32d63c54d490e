import { describe, expect, it } from 'vitest';
import { computeRotationYears } from './teacher-exchange.ts';
import { makeRotation, makeSchool, makeStat } from './test-fixtures.ts';

const schools = [
  makeSchool({ schoolCode: 'A', urbanRuralCode: '111' }),
  makeSchool({ schoolCode: 'B', urbanRuralCode: '220' }),
];
const stat = (schoolCode: string, year: number, eligible: number) =>
  makeStat({
    schoolCode,
    year,
    studentsPrimary: 200,
    teachersPrimary: 20,
    backboneTeachersPrimary: 4,
    rotationEligibleTeachers: eligible,
  });
const stats = [stat('A', 2023, 10), stat('B', 2023, 10), stat('A', 2024, 10), stat('B', 2024, 5)];
const rotations = [
  makeRotation({ year: 2023, teacherRef: 't1', fromSchoolCode: 'A', toSchoolCode: 'B', backbone: true }),
  makeRotation({ year: 2023, teacherRef: 't2', fromSchoolCode: 'A', toSchoolCode: 'B' }),
  makeRotation({ year: 2024, teacherRef: 't3', fromSchoolCode: 'B', toSchoolCode: 'A' }),
];

describe(computeRotationYears.name, () => {
  it('should give the report of the year and the series of every year from one set of rows', () => {
    const sut = computeRotationYears({ year: 2024, years: [2022, 2023, 2024], schools, stats, rotations });
    expect(sut.report).toMatchObject({ year: 2024, eligible: 15, rotated: 1, backboneRotated: 0 });
    expect(sut.series).toEqual([
      {
        year: 2022,
        eligible: 0,
        rotated: 0,
        ratio: null,
        ratioPasses: null,
        backboneRotated: 0,
        backboneShare: null,
        backbonePasses: null,
        netBackboneToRural: 0,
      },
      {
        year: 2023,
        eligible: 20,
        rotated: 2,
        ratio: 0.1,
        ratioPasses: true,
        backboneRotated: 1,
        backboneShare: 0.5,
        backbonePasses: true,
        netBackboneToRural: 1,
      },
      {
        year: 2024,
        eligible: 15,
        rotated: 1,
        ratio: 1 / 15,
        ratioPasses: false,
        backboneRotated: 0,
        backboneShare: 0,
        backbonePasses: false,
        netBackboneToRural: 0,
      },
    ]);
  });
});
