import { GuaranteeReportSchema, type SchoolStatRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import {
  computeClassSizeCheck,
  computeGuaranteeReport,
  computeMusicArtRoomCheck,
  computeSchoolSizeCheck,
} from './guarantee.ts';
import { makeSchool, makeStat } from './test-fixtures.ts';

describe(computeSchoolSizeCheck.name, () => {
  it('should hold single-stage schools to 2000 students of their stage', () => {
    const primary = computeSchoolSizeCheck(
      makeSchool({ schoolCode: 'P' }),
      makeStat({ schoolCode: 'P', studentsPrimary: 2001 }),
    );
    expect(primary).toMatchObject({ students: 2001, limit: 2000, passes: false });
    const junior = computeSchoolSizeCheck(
      makeSchool({ schoolCode: 'J', schoolType: 'junior' }),
      makeStat({ schoolCode: 'J', studentsJunior: 2000 }),
    );
    expect(junior).toMatchObject({ limit: 2000, passes: true });
  });

  it('should hold nine- and twelve-year schools to 2500 in the compulsory part', () => {
    const sut = computeSchoolSizeCheck(
      makeSchool({ schoolCode: 'T', schoolType: 'twelve_year' }),
      makeStat({ schoolCode: 'T', studentsPrimary: 1500, studentsJunior: 1000, studentsSenior: 900 }),
    );
    expect(sut).toMatchObject({ students: 2500, limit: 2500, passes: true });
  });

  it('should count only the junior part of a complete middle school against 2000', () => {
    const sut = computeSchoolSizeCheck(
      makeSchool({ schoolCode: 'C', schoolType: 'complete_middle' }),
      makeStat({ schoolCode: 'C', studentsJunior: 1800, studentsSenior: 1500 }),
    );
    expect(sut).toMatchObject({ students: 1800, limit: 2000, passes: true });
  });
});

describe(computeClassSizeCheck.name, () => {
  const nineYear = makeSchool({ schoolCode: 'N', schoolType: 'nine_year' });
  const nineStat = (overrides: Partial<SchoolStatRow>) =>
    makeStat({ schoolCode: 'N', classesPrimary: 6, classesJunior: 3, ...overrides });

  it('should use 45 for primary and 50 for junior-only schools from the school-wide maximum', () => {
    const primary = computeClassSizeCheck(
      makeSchool({ schoolCode: 'P' }),
      makeStat({ schoolCode: 'P', classesPrimary: 6, maxClassSize: 46 }),
    );
    const junior = computeClassSizeCheck(
      makeSchool({ schoolCode: 'J', schoolType: 'junior' }),
      makeStat({ schoolCode: 'J', classesJunior: 6, maxClassSize: 50 }),
    );
    expect([primary.limit, primary.passes]).toEqual([45, false]);
    expect([junior.limit, junior.passes]).toEqual([50, true]);
  });

  it('should judge each stage of a nine-year school against its own limit (issue #9)', () => {
    // Primary classes at most 44 (≤ 45), junior at most 48 (≤ 50): the school passes, although 48 > 45.
    const sut = computeClassSizeCheck(nineYear, nineStat({ maxClassSizePrimary: 44, maxClassSizeJunior: 48 }));
    expect(sut.passes).toBe(true);
    expect(sut.maxClassSize).toBe(48);
    expect(sut.stages).toEqual([
      { stage: 'primary', maxClassSize: 44, maxBound: null, limit: 45, passes: true, basis: 'stage' },
      { stage: 'junior', maxClassSize: 48, maxBound: null, limit: 50, passes: true, basis: 'stage' },
    ]);
    const primaryOver = computeClassSizeCheck(nineYear, nineStat({ maxClassSizePrimary: 46, maxClassSizeJunior: 40 }));
    expect(primaryOver.passes).toBe(false);
  });

  it('should decide a nine-year school from its school-wide maximum only when the limits agree', () => {
    // ≤ 45 keeps both limits; > 50 breaks whichever stage holds that class; 46–50 cannot be attributed.
    expect(computeClassSizeCheck(nineYear, nineStat({ maxClassSize: 45 })).passes).toBe(true);
    expect(computeClassSizeCheck(nineYear, nineStat({ maxClassSize: 51 })).passes).toBe(false);
    const between = computeClassSizeCheck(nineYear, nineStat({ maxClassSize: 48 }));
    expect(between.passes).toBeNull();
    expect(between.stages.map((s) => [s.stage, s.maxClassSize, s.maxBound, s.passes])).toEqual([
      ['primary', null, 48, null],
      ['junior', null, 48, true],
    ]);
    // The junior maximum is known and smaller than 48: the 48 class is a primary one, over 45.
    const attributed = computeClassSizeCheck(nineYear, nineStat({ maxClassSize: 48, maxClassSizeJunior: 40 }));
    expect(attributed.stages[0]).toMatchObject({ stage: 'primary', maxClassSize: 48, basis: 'school', passes: false });
    expect(attributed.passes).toBe(false);
  });

  it('should never pass a school whose class size is blank (unknown)', () => {
    const sut = computeClassSizeCheck(
      makeSchool({ schoolCode: 'P' }),
      makeStat({ schoolCode: 'P', classesPrimary: 6 }),
    );
    expect(sut.maxClassSize).toBeNull();
    expect(sut.passes).toBeNull();
  });
});

describe(computeMusicArtRoomCheck.name, () => {
  it('should require ceil(classes / 12) music and art rooms', () => {
    const school = makeSchool({ schoolCode: 'N', schoolType: 'nine_year' });
    const sut = computeMusicArtRoomCheck(
      school,
      makeStat({ schoolCode: 'N', classesPrimary: 18, classesJunior: 7, musicRooms: 3, artRooms: 2 }),
    );
    expect(sut).toMatchObject({ classes: 25, required: 3, passes: false });
    const exact = computeMusicArtRoomCheck(
      school,
      makeStat({ schoolCode: 'N', classesPrimary: 12, musicRooms: 1, artRooms: 1 }),
    );
    expect(exact).toMatchObject({ required: 1, passes: true });
  });
});

describe(computeGuaranteeReport.name, () => {
  const schools = [
    makeSchool({ schoolCode: 'A' }),
    makeSchool({ schoolCode: 'B', schoolType: 'junior' }),
    makeSchool({ schoolCode: 'S', schoolType: 'special' }),
  ];
  const stats = [
    makeStat({
      schoolCode: 'A',
      studentsPrimary: 900,
      classesPrimary: 20,
      teachersPrimary: 50,
      certifiedTeachers: 50,
      maxClassSize: 58,
      classes56To65: 4,
      musicRooms: 2,
      artRooms: 2,
    }),
    makeStat({
      schoolCode: 'B',
      studentsJunior: 600,
      classesJunior: 10,
      teachersJunior: 40,
      certifiedTeachers: 39,
      maxClassSize: 67,
      classes56To65: 3,
      classes66Plus: 2,
      musicRooms: 1,
      artRooms: 0,
    }),
    makeStat({ schoolCode: 'S', studentsPrimary: 40, teachersPrimary: 10 }),
  ];

  it('should total large and huge classes with their shares of all classes', () => {
    const sut = computeGuaranteeReport(schools, stats);
    expect(sut.classSize).toMatchObject({
      totalClasses: 30,
      largeClasses: 7,
      hugeClasses: 2,
      overLimit: 2,
      unknown: 0,
      passes: false,
    });
    expect(sut.classSize.largeClassShare).toBeCloseTo(7 / 30, 12);
    expect(sut.classSize.hugeClassShare).toBeCloseTo(2 / 30, 12);
  });

  it('should compute the certificate rate over primary + junior teachers', () => {
    const sut = computeGuaranteeReport(schools, stats);
    expect(sut.teacherCertificate).toMatchObject({ teachers: 90, certified: 89, passes: false });
    expect(sut.teacherCertificate.rate).toBeCloseTo(89 / 90, 12);
  });

  it('should leave special schools out and say so', () => {
    const sut = computeGuaranteeReport(schools, stats);
    expect(sut.schoolsChecked).toBe(2);
    expect(sut.excluded).toEqual([{ code: 'S', name: '学校S', reason: 'special' }]);
    expect(sut.musicArtRooms.short).toBe(1);
    expect(() => GuaranteeReportSchema.parse(sut)).not.toThrow();
  });

  it('should list teaching points apart for music and art rooms, never among the schools short of rooms', () => {
    // A: 20 classes → ceil(20 / 12) = 2 of each, has 2 and 2: passes. T (教学点): 3 classes → 1 of each, has none.
    // T is not a school in the statistics: the schools all pass (1 of 1), and T is listed apart as short.
    const withPoint = [makeSchool({ schoolCode: 'A' }), makeSchool({ schoolCode: 'T', schoolType: 'teaching_point' })];
    const sut = computeGuaranteeReport(withPoint, [
      makeStat({ schoolCode: 'A', studentsPrimary: 900, classesPrimary: 20, musicRooms: 2, artRooms: 2 }),
      makeStat({ schoolCode: 'T', studentsPrimary: 60, classesPrimary: 3 }),
    ]);
    expect(sut.musicArtRooms).toMatchObject({ short: 0, passes: true, teachingPointsShort: 1 });
    expect(sut.musicArtRooms.schools.map((r) => r.code)).toEqual(['A']);
    expect(sut.musicArtRooms.teachingPoints).toEqual([
      {
        code: 'T',
        name: '学校T',
        schoolType: 'teaching_point',
        classes: 3,
        required: 1,
        musicRooms: 0,
        artRooms: 0,
        passes: false,
      },
    ]);
    expect(() => GuaranteeReportSchema.parse(sut)).not.toThrow();
  });

  it('should report null verdicts for an empty county', () => {
    const sut = computeGuaranteeReport([], []);
    expect(sut.schoolSize.passes).toBeNull();
    expect(sut.teacherCertificate).toMatchObject({ rate: null, passes: null });
  });
});
