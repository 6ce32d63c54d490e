import { describe, expect, it } from 'vitest';
import { buildProfileParts, summariseSchoolRotations } from './school-profile.ts';
import { makeRotation, makeSchool, makeStat } from './test-fixtures.ts';

const schools = [
  makeSchool({ schoolCode: 'N', schoolType: 'nine_year' }),
  makeSchool({ schoolCode: 'P', schoolType: 'primary' }),
  makeSchool({ schoolCode: 'Q', schoolType: 'primary' }),
  makeSchool({ schoolCode: 'J', schoolType: 'junior' }),
  makeSchool({ schoolCode: 'S', schoolType: 'special' }),
];
// Higher-degree teachers per 100 students, primary: N 6/200 = 3, P 3/100 = 3, Q 5/100 = 5; junior: N 8/100, J 6/100.
const stats = [
  makeStat({
    schoolCode: 'N',
    studentsPrimary: 200,
    studentsJunior: 100,
    teachersPrimary: 12,
    teachersJunior: 10,
    higherDegreeTeachersPrimary: 6,
    higherDegreeTeachersJunior: 8,
    rotationEligibleTeachers: 10,
  }),
  makeStat({ schoolCode: 'P', studentsPrimary: 100, teachersPrimary: 6, higherDegreeTeachersPrimary: 3 }),
  makeStat({ schoolCode: 'Q', studentsPrimary: 100, teachersPrimary: 6, higherDegreeTeachersPrimary: 5 }),
  makeStat({ schoolCode: 'J', studentsJunior: 100, teachersJunior: 8, higherDegreeTeachersJunior: 6 }),
  makeStat({ schoolCode: 'S', studentsPrimary: 20, teachersPrimary: 5, higherDegreeTeachersPrimary: 5 }),
];
const schoolOf = (code: string) => schools.find((s) => s.schoolCode === code) ?? makeSchool({ schoolCode: code });
const partsOf = (code: string, includePrivate = true) =>
  buildProfileParts({ school: schoolOf(code), year: 2024, countySchools: schools, yearStats: stats, includePrivate });

describe(buildProfileParts.name, () => {
  it('should give one part per stage of a nine-year school, each against its own stage', () => {
    const sut = partsOf('N');
    expect(sut.map((p) => [p.stage, p.students, p.counted])).toEqual([
      ['primary', 200, true],
      ['junior', 100, true],
    ]);
    const primary = sut[0]?.indicators.find((i) => i.key === 'higher_degree_teachers_per100');
    // County primary mean = (600 + 300 + 500) / 400 = 3.5; N ties with P at 3 behind Q at 5: rank 2 of 3.
    expect(primary).toMatchObject({ value: 3, threshold: 4.2, met: false, countyMean: 3.5, rank: 2, n: 3 });
    const junior = sut[1]?.indicators.find((i) => i.key === 'higher_degree_teachers_per100');
    expect(junior).toMatchObject({ value: 8, threshold: 5.3, met: true, countyMean: 7, rank: 1, n: 2 });
  });

  it('should show an excluded school with its values and reason but no rank', () => {
    const [sut] = partsOf('S');
    expect(sut).toMatchObject({ counted: false, exclusionReason: 'special', students: 20 });
    expect(sut?.indicators.find((i) => i.key === 'higher_degree_teachers_per100')).toMatchObject({
      value: 25,
      rank: null,
      n: 3,
    });
  });

  it('should give nothing for a year without the school', () => {
    expect(
      buildProfileParts({
        school: makeSchool({ schoolCode: 'X' }),
        year: 2024,
        countySchools: schools,
        yearStats: stats,
        includePrivate: true,
      }),
    ).toEqual([]);
  });
});

describe(summariseSchoolRotations.name, () => {
  it('should count the school’s teachers out and in per year and list its flows', () => {
    const rotations = [
      makeRotation({ year: 2024, teacherRef: 't1', fromSchoolCode: 'N', toSchoolCode: 'P', backbone: true }),
      makeRotation({ year: 2024, teacherRef: 't2', fromSchoolCode: 'Q', toSchoolCode: 'N' }),
      makeRotation({ year: 2024, teacherRef: 't3', fromSchoolCode: 'Q', toSchoolCode: 'P' }),
    ];
    const sut = summariseSchoolRotations({ code: 'N', years: [2024], countySchools: schools, stats, rotations });
    expect(sut.rotations).toEqual([{ year: 2024, eligible: 10, out: 1, in: 1, backboneOut: 1, backboneIn: 0 }]);
    expect(sut.flows.map((f) => [f.year, f.from, f.to, f.count, f.backbone])).toEqual([
      [2024, 'N', 'P', 1, 1],
      [2024, 'Q', 'N', 1, 0],
    ]);
  });
});
