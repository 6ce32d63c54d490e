import { describe, expect, it } from 'vitest';
import { makeSchool, makeStat } from './test-fixtures.ts';
import { computeTrendRow } from './trends.ts';

const schools = [
  makeSchool({ schoolCode: 'U', urbanRuralCode: '111' }),
  makeSchool({ schoolCode: 'T', urbanRuralCode: '121' }),
  makeSchool({ schoolCode: 'R', urbanRuralCode: '220', ownership: 'private' }),
];

// Higher-degree teachers per 100 students: U 6/100 = 6, T 4/100 = 4, R 4/200 = 2 (P = 400).
//   X̄ = (600 + 400 + 400) / 400 = 3.5; S² = 0.25·6.25 + 0.25·0.25 + 0.5·2.25 = 2.75; CV = √2.75 / 3.5
const primary = (schoolCode: string, year: number, students: number, higher: number) =>
  makeStat({
    schoolCode,
    year,
    studentsPrimary: students,
    teachersPrimary: 10,
    higherDegreeTeachersPrimary: higher,
    books: students * 20,
  });
const stats = [
  primary('U', 2024, 100, 6),
  primary('T', 2024, 100, 4),
  primary('R', 2024, 200, 4),
  primary('U', 2023, 100, 1),
  primary('T', 2023, 100, 1),
  primary('R', 2023, 200, 1),
];

describe(computeTrendRow.name, () => {
  it('should give the weighted mean, CV, limit, schools meeting and urban–rural means of the year', () => {
    const sut = computeTrendRow({
      year: 2024,
      schools,
      stats,
      stage: 'primary',
      indicator: 'higher_degree_teachers_per100',
      includePrivate: true,
    });
    expect(sut).toMatchObject({
      year: 2024,
      n: 3,
      schoolsCounted: 3,
      studentsCounted: 400,
      mean: 3.5,
      cvLimit: 0.5,
      threshold: 4.2,
      cvPasses: true,
      schoolsMeeting: 1,
      means: { urban: 6, town: 4, rural: 2 },
      urbanToRural: 3,
    });
    expect(sut.cv).toBeCloseTo(Math.sqrt(2.75) / 3.5, 12);
  });

  it('should leave private schools out on request', () => {
    const sut = computeTrendRow({
      year: 2024,
      schools,
      stats,
      stage: 'primary',
      indicator: 'higher_degree_teachers_per100',
      includePrivate: false,
    });
    expect(sut).toMatchObject({ schoolsCounted: 2, mean: 5, means: { rural: null }, urbanToRural: null });
  });

  it('should give no threshold, limit or schools meeting for a 2012-only indicator', () => {
    const sut = computeTrendRow({
      year: 2023,
      schools,
      stats,
      stage: 'primary',
      indicator: 'books_per_student',
      includePrivate: true,
    });
    expect(sut).toMatchObject({
      mean: 20,
      cv: 0,
      threshold: null,
      cvLimit: null,
      cvPasses: null,
      schoolsMeeting: null,
    });
  });

  it('should answer an empty stage with nulls, not NaN', () => {
    const sut = computeTrendRow({
      year: 2024,
      schools,
      stats,
      stage: 'junior',
      indicator: 'higher_degree_teachers_per100',
      includePrivate: true,
    });
    expect(sut).toMatchObject({ n: 0, schoolsCounted: 0, mean: null, cv: null, cvPasses: null, schoolsMeeting: 0 });
  });
});
