import { COUNTY_INPUT_ITEMS, COUNTY_INPUT_KEYS, CountyInputsSchema, ScorecardSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeGuaranteeReport } from './guarantee.ts';
import { computeQualityReport } from './quality.ts';
import { computeScorecard, evaluateCountyInput } from './scorecard.ts';
import { computeStageUnits } from './stage-parts.ts';
import { computeRotationReport } from './teacher-exchange.ts';
import { makeRotation, makeSchool, makeStat } from './test-fixtures.ts';

function findItem(key: string) {
  return COUNTY_INPUT_ITEMS.find((item) => item.key === key) ?? COUNTY_INPUT_ITEMS[0];
}

describe(evaluateCountyInput.name, () => {
  it('should pass a ratio at its minimum and fail below it', () => {
    const item = findItem('consolidation_rate');
    expect(item && evaluateCountyInput(item, 0.95)).toBe('pass');
    expect(item && evaluateCountyInput(item, 0.949)).toBe('fail');
  });

  it('should read booleans and treat missing or mistyped values as not entered', () => {
    const item = findItem('teacher_pay_vs_civil_servants');
    expect(item && evaluateCountyInput(item, true)).toBe('pass');
    expect(item && evaluateCountyInput(item, false)).toBe('fail');
    expect(item && evaluateCountyInput(item, undefined)).toBe('not_entered');
    expect(item && evaluateCountyInput(item, 1)).toBe('not_entered');
  });

  it('should apply a maximum', () => {
    const item = findItem('quality_monitoring_gap');
    expect(item && evaluateCountyInput(item, 0.12)).toBe('pass');
    expect(item && evaluateCountyInput(item, 0.2)).toBe('fail');
  });
});

describe('CountyInputsSchema', () => {
  it('should define one item per key, in key order', () => {
    expect(COUNTY_INPUT_ITEMS.map((item) => item.key)).toEqual([...COUNTY_INPUT_KEYS]);
  });

  it('should accept partial inputs of the right kinds', () => {
    expect(
      CountyInputsSchema.safeParse({ consolidation_rate: 0.97, training_hours_360: true, social_recognition: null })
        .success,
    ).toBe(true);
  });

  it('should reject unknown keys, wrong kinds and percentages given as whole numbers', () => {
    expect(CountyInputsSchema.safeParse({ unknown_item: 1 }).success).toBe(false);
    expect(CountyInputsSchema.safeParse({ training_hours_360: 1 }).success).toBe(false);
    expect(CountyInputsSchema.safeParse({ consolidation_rate: 97 }).success).toBe(false);
  });
});

describe('music and art rooms on the scorecard', () => {
  it('should judge the schools only and name the teaching points apart', () => {
    // A (12 classes, 1 + 1 rooms) passes, B (13 classes → 2 of each, has 1 + 2) is short; the 教学点 T (2 classes,
    // no rooms) is short too but is not a school: 1 of 2 schools short → 0.5, and T is named apart.
    const schools = [
      makeSchool({ schoolCode: 'A' }),
      makeSchool({ schoolCode: 'B' }),
      makeSchool({ schoolCode: 'T', schoolName: '石桥教学点', schoolType: 'teaching_point' }),
    ];
    const stats = [
      makeStat({ schoolCode: 'A', studentsPrimary: 500, classesPrimary: 12, musicRooms: 1, artRooms: 1 }),
      makeStat({ schoolCode: 'B', studentsPrimary: 550, classesPrimary: 13, musicRooms: 1, artRooms: 2 }),
      makeStat({ schoolCode: 'T', studentsPrimary: 30, classesPrimary: 2 }),
    ];
    const sut = computeScorecard({
      quality: {},
      guarantee: computeGuaranteeReport(schools, stats),
      rotation: null,
      inputs: {},
    });
    expect(sut.items.find((item) => item.key === 'music_art_rooms')).toMatchObject({
      value: 0.5,
      status: 'fail',
      detailZh: '1 所学校不足；另列教学点 1 个（不计入学校），其中 1 个不足：石桥教学点',
    });
  });
});

describe('music and art rooms of many teaching points', () => {
  it('should name three teaching points short of rooms and count the rest, in both languages', () => {
    const points = ['甲', '乙', '丙', '丁', '戊'].map((name, i) =>
      makeSchool({ schoolCode: `T${i}`, schoolName: `${name}教学点`, schoolType: 'teaching_point' }),
    );
    const schools = [makeSchool({ schoolCode: 'A' }), ...points];
    const stats = [
      makeStat({ schoolCode: 'A', studentsPrimary: 500, classesPrimary: 12, musicRooms: 1, artRooms: 1 }),
      ...points.map((p) => makeStat({ schoolCode: p.schoolCode, studentsPrimary: 30, classesPrimary: 2 })),
    ];
    const sut = computeScorecard({
      quality: {},
      guarantee: computeGuaranteeReport(schools, stats),
      rotation: null,
      inputs: {},
    });
    expect(sut.items.find((item) => item.key === 'music_art_rooms')).toMatchObject({
      status: 'pass',
      detailZh: '另列教学点 5 个（不计入学校），其中 5 个不足：甲教学点、乙教学点、丙教学点 等',
      detailEn: '5 teaching points listed apart (not counted as schools), 5 short: 甲教学点, 乙教学点, 丙教学点, …',
      schools: [],
    });
  });
});

describe(computeScorecard.name, () => {
  const schools = [makeSchool({ schoolCode: 'A' }), makeSchool({ schoolCode: 'B' })];
  const stats = [
    makeStat({
      schoolCode: 'A',
      rotationEligibleTeachers: 20,
      studentsPrimary: 100,
      classesPrimary: 4,
      teachersPrimary: 6,
      certifiedTeachers: 6,
      higherDegreeTeachersPrimary: 5,
      backboneTeachersPrimary: 1,
      peArtTeachersPrimary: 1,
      teachingRoomArea: 450,
      sportsArea: 750,
      equipmentValue: 200_000,
      multimediaRooms: 3,
      musicRooms: 1,
      artRooms: 1,
      maxClassSize: 30,
    }),
    // B mirrors A so that every CV is 0.
    makeStat({
      schoolCode: 'B',
      studentsPrimary: 100,
      classesPrimary: 4,
      teachersPrimary: 6,
      certifiedTeachers: 6,
      higherDegreeTeachersPrimary: 5,
      backboneTeachersPrimary: 1,
      peArtTeachersPrimary: 1,
      teachingRoomArea: 450,
      sportsArea: 750,
      equipmentValue: 200_000,
      multimediaRooms: 3,
      musicRooms: 1,
      artRooms: 1,
      maxClassSize: 30,
    }),
  ];
  const quality = computeQualityReport(computeStageUnits(schools, stats), 'primary');
  // 1 of 20 eligible teachers rotated (5%, fails); the one rotated is backbone (100%, passes).
  const rotation = computeRotationReport({
    year: 2024,
    schools,
    stats,
    rotations: [makeRotation({ teacherRef: 't1', fromSchoolCode: 'A', toSchoolCode: 'B', backbone: true })],
  });

  it('should combine resource, school-data, rotation and entered items with statuses', () => {
    const sut = computeScorecard({
      quality: { primary: quality },
      guarantee: computeGuaranteeReport(schools, stats),
      rotation,
      inputs: { consolidation_rate: 0.96, social_recognition: 0.8 },
    });
    const statusOf = (key: string) => sut.items.find((item) => item.key === key)?.status;
    expect(statusOf('resource_cv_primary')).toBe('pass');
    expect(statusOf('resource_schools_primary')).toBe('pass');
    expect(statusOf('resource_cv_junior')).toBe('not_entered');
    expect(statusOf('school_size')).toBe('pass');
    expect(statusOf('teacher_certificate_rate')).toBe('pass');
    expect(statusOf('rotation_ratio')).toBe('fail');
    expect(statusOf('rotation_backbone_share')).toBe('pass');
    expect(statusOf('consolidation_rate')).toBe('pass');
    expect(statusOf('social_recognition')).toBe('fail');
    expect(statusOf('training_hours_360')).toBe('not_entered');
    expect(sut.passes).toBe(false);
    expect(sut.summary.total).toBe(sut.items.length);
    expect(sut.summary.pass + sut.summary.fail + sut.summary.notEntered).toBe(sut.summary.total);
    expect(() => ScorecardSchema.parse(sut)).not.toThrow();
  });

  it('should say where each value comes from: the explaining view, the stage, what it counts, who entered it', () => {
    const sut = computeScorecard({
      quality: { primary: quality },
      guarantee: computeGuaranteeReport(schools, stats),
      rotation,
      inputs: { consolidation_rate: 0.96 },
      entries: {
        consolidation_rate: { note: '统计公报', updatedAt: '2025-03-01T08:00:00.000Z', updatedBy: 'zhang' },
      },
    });
    const item = (key: string) => sut.items.find((i) => i.key === key);
    expect(item('resource_cv_primary')).toMatchObject({
      source: 'computed',
      view: 'balance',
      stage: 'primary',
      tally: { part: 7, whole: 7, unit: 'indicators' },
      enteredBy: null,
      enteredAt: null,
    });
    expect(item('resource_schools_primary')).toMatchObject({
      view: 'compliance',
      stage: 'primary',
      tally: { part: 2, whole: 2, unit: 'schools' },
    });
    expect(item('resource_cv_junior')).toMatchObject({ view: 'balance', stage: 'junior', tally: null });
    expect(item('school_size')).toMatchObject({ view: 'class_size', stage: null, tally: { part: 2, whole: 2 } });
    expect(item('class_size')).toMatchObject({ view: 'class_size', tally: { part: 2, whole: 2, unit: 'schools' } });
    expect(item('teacher_certificate_rate')).toMatchObject({
      view: 'scorecard',
      tally: { part: 12, whole: 12, unit: 'teachers' },
      schools: [],
    });
    expect(item('rotation_ratio')).toMatchObject({
      view: 'rotation',
      tally: { part: 1, whole: 20, unit: 'teachers' },
      detailEn: '1 of 20 eligible teachers',
    });
    expect(item('rotation_backbone_share')).toMatchObject({ view: 'rotation', tally: { part: 1, whole: 1 } });
    expect(item('consolidation_rate')).toMatchObject({
      source: 'entered',
      view: 'county_inputs',
      stage: 'junior',
      tally: null,
      note: '统计公报',
      enteredBy: 'zhang',
      enteredAt: '2025-03-01T08:00:00.000Z',
    });
    expect(item('social_recognition')).toMatchObject({ status: 'not_entered', enteredBy: null, enteredAt: null });
  });

  it('should list the schools short of music and art rooms or with uncertified teachers, in Chinese and English', () => {
    const shortStats = stats.map((stat) =>
      stat.schoolCode === 'B' ? { ...stat, classesPrimary: 13, certifiedTeachers: 5 } : stat,
    );
    const sut = computeScorecard({
      quality: {},
      guarantee: computeGuaranteeReport(schools, shortStats),
      rotation: null,
      inputs: {},
    });
    const rooms = sut.items.find((i) => i.key === 'music_art_rooms');
    expect(rooms).toMatchObject({ status: 'fail', tally: { part: 1, whole: 2, unit: 'schools' } });
    expect(rooms?.schools).toEqual([
      {
        code: 'B',
        name: expect.any(String),
        detailZh: '13 个班，需音乐、美术专用教室各 2 间；现有音乐 1 间、美术 1 间',
        detailEn: '13 classes need 2 music and 2 art rooms; has 1 music, 1 art',
      },
    ]);
    expect(rooms?.detailEn).toBe('1 school short of rooms');
    const certificate = sut.items.find((i) => i.key === 'teacher_certificate_rate');
    expect(certificate).toMatchObject({
      status: 'fail',
      tally: { part: 11, whole: 12, unit: 'teachers' },
      detailZh: '1 所学校有未持证专任教师',
      detailEn: '1 school with uncertified teachers',
    });
    expect(certificate?.schools).toEqual([
      {
        code: 'B',
        name: expect.any(String),
        detailZh: '专任教师 6 人，持证 5 人',
        detailEn: '5 of 6 teachers certified',
      },
    ]);
  });

  it('should order items by area', () => {
    const sut = computeScorecard({ quality: {}, guarantee: null, rotation: null, inputs: {} });
    const areas = sut.items.map((item) => item.area);
    expect(areas.indexOf('guarantee')).toBeGreaterThan(areas.lastIndexOf('resource'));
    expect(areas.at(-1)).toBe('recognition');
    expect(sut.summary.notEntered).toBe(sut.items.length);
  });
});
