import type { RotationRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { parseRosterDate, type RosterDate } from './roster-dates.ts';
import {
  countEligible,
  deriveRotations,
  deriveSchoolYears,
  isCountyLevelBackbone,
  type RosterRotation,
  type RosterTeacher,
  rotationMonths,
  schoolYearOf,
  statisticsDateOf,
  summariseRotations,
  wholeYearsBetween,
} from './roster-derive.ts';

const d = (text: string): RosterDate => parseRosterDate(text) as RosterDate;

const teacher = (over: Partial<RosterTeacher>): RosterTeacher => ({
  year: 2024,
  teacherRef: 'T1',
  schoolCode: 'A',
  joined: d('2010-09-01'),
  backbone: 'none',
  outsideCompulsory: false,
  ...over,
});

describe('years at the school on the statistics date (1 September)', () => {
  it('should count the anniversary as a full year', () => {
    const on = statisticsDateOf(2021);
    expect(wholeYearsBetween(d('2015-09-01'), on)).toBe(6);
    expect(wholeYearsBetween(d('2015-09-02'), on)).toBe(5);
    expect(wholeYearsBetween(d('2015-08-31'), on)).toBe(6);
    expect(wholeYearsBetween(d('201509'), on)).toBe(6);
    expect(wholeYearsBetween(d('2021-10-01'), on)).toBe(0);
  });

  it('should count teachers at or above the threshold', () => {
    const counts = [1, 0, 2, 0, 0, 0, 3, 1];
    expect(countEligible(counts, 6)).toBe(4);
    expect(countEligible(counts, 7)).toBe(1);
    expect(countEligible(counts, 2)).toBe(6);
    expect(countEligible(counts, 9)).toBe(0);
  });
});

describe('deriveSchoolYears', () => {
  it('should count each teacher once per year, backbone at county level or above, and leave senior teachers out', () => {
    const facts = deriveSchoolYears([
      teacher({ teacherRef: 'T1', joined: d('2018-09-01'), backbone: 'county' }),
      teacher({ teacherRef: 'T1', joined: d('2018-09-01'), backbone: 'county' }),
      teacher({ teacherRef: 'T2', joined: d('2018-09-02'), backbone: 'school' }),
      teacher({ teacherRef: 'T3', joined: d('2023-03-01'), backbone: 'province' }),
      teacher({ teacherRef: 'H1', joined: d('2000-09-01'), backbone: 'province', outsideCompulsory: true }),
      teacher({ teacherRef: 'T4', schoolCode: 'B' }),
      teacher({ teacherRef: 'T1', year: 2025, joined: d('2018-09-01') }),
    ]);
    const a = facts.find((f) => f.schoolCode === 'A' && f.year === 2024);
    expect(a).toMatchObject({ teachers: 3, backboneTeachers: 2 });
    expect(countEligible(a?.tenureCounts ?? [], 6)).toBe(1);
    expect(countEligible(a?.tenureCounts ?? [], 5)).toBe(2);
    expect(facts.find((f) => f.schoolCode === 'B')).toMatchObject({ teachers: 1 });
    expect(facts.find((f) => f.year === 2025)).toMatchObject({ teachers: 1, tenureCounts: [0, 0, 0, 0, 0, 0, 0, 1] });
  });

  it('should count 国家级, 省级, 市级 and 县级 as backbone, not 校级', () => {
    expect(['national', 'province', 'city', 'county'].every((l) => isCountyLevelBackbone(l as 'county'))).toBe(true);
    expect(isCountyLevelBackbone('school')).toBe(false);
    expect(isCountyLevelBackbone('none')).toBe(false);
  });
});

describe('rotations of a roster year', () => {
  it('should place a rotation in the school year of its start month and count its months inclusively', () => {
    expect(schoolYearOf(d('2023-09'))).toBe(2023);
    expect(schoolYearOf(d('2024-02'))).toBe(2023);
    expect(schoolYearOf(d('2024-08-31'))).toBe(2023);
    expect(rotationMonths(d('2023-09'), d('2024-08'))).toBe(12);
    expect(rotationMonths(d('2024-02'), d('2026-01'))).toBe(24);
    expect(rotationMonths(d('2023-09'), null)).toBeNull();
    expect(rotationMonths(d('2023-09'), d('2023-08'))).toBeNull();
  });

  it('should keep the rotations starting in the roster year, backbone from the roster, and set the others aside', () => {
    const teachers = new Map([
      ['2023:T1', teacher({ year: 2023, teacherRef: 'T1', backbone: 'city' })],
      ['2023:T2', teacher({ year: 2023, teacherRef: 'T2', backbone: 'school' })],
      ['2023:H1', teacher({ year: 2023, teacherRef: 'H1', outsideCompulsory: true })],
    ]);
    const rotation = (over: Partial<RosterRotation>): RosterRotation => ({
      year: 2023,
      teacherRef: 'T1',
      fromSchoolCode: 'A',
      toSchoolCode: 'B',
      start: d('2023-09'),
      end: d('2024-08'),
      type: '交流轮岗',
      ...over,
    });
    const derived = deriveRotations(
      [
        rotation({}),
        rotation({ teacherRef: 'T2', start: d('2024-02'), end: null }),
        rotation({ teacherRef: 'T2', start: d('2020-09'), end: d('2021-08') }),
        rotation({ teacherRef: 'H1' }),
      ],
      (year, ref) => teachers.get(`${year}:${ref}`),
    );
    expect(derived.rows.map((r) => r.row)).toEqual([
      { year: 2023, teacherRef: 'T1', fromSchoolCode: 'A', toSchoolCode: 'B', backbone: true, months: 12 },
      { year: 2023, teacherRef: 'T2', fromSchoolCode: 'A', toSchoolCode: 'B', backbone: false, months: null },
    ]);
    expect(derived.otherYears).toHaveLength(1);
    expect(derived.outsideCompulsory).toHaveLength(1);
  });

  it('should count a teacher listed twice in a year once, backbone if any row says so', () => {
    const row = (teacherRef: string, backbone: boolean): RotationRow => ({
      year: 2024,
      teacherRef,
      fromSchoolCode: 'A',
      toSchoolCode: 'B',
      backbone,
      months: 12,
    });
    expect(summariseRotations([row('T1', false), row('T1', true), row('T2', false), row('T3', false)])).toEqual({
      teachers: 3,
      backbone: 1,
      backboneShare: 1 / 3,
    });
    expect(summariseRotations([])).toEqual({ teachers: 0, backbone: 0, backboneShare: null });
  });
});
