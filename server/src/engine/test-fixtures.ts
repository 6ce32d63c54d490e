import type { RotationRow, SchoolRow, SchoolStatRow, StageUnit } from '@junheng/shared';
import { emptySchoolStat } from '@junheng/shared';

/** Test-only builders: every field has a neutral default so a test states just what it is about. */

export function makeSchool(overrides: Partial<SchoolRow> & Pick<SchoolRow, 'schoolCode'>): SchoolRow {
  return {
    schoolName: `学校${overrides.schoolCode}`,
    districtCode: '420101',
    districtName: '测试区',
    townshipCode: '420101100',
    townshipName: '一镇',
    urbanRuralCode: '111',
    schoolType: 'primary',
    ownership: 'public',
    boarding: false,
    parentSchoolCode: null,
    groupName: null,
    ...overrides,
  };
}

export function makeStat(overrides: Partial<SchoolStatRow> & Pick<SchoolStatRow, 'schoolCode'>): SchoolStatRow {
  return { ...emptySchoolStat(overrides.schoolCode, overrides.year ?? 2024), ...overrides };
}

export function makeUnit(overrides: Partial<StageUnit> & Pick<StageUnit, 'code' | 'students'>): StageUnit {
  return {
    name: `学校${overrides.code}`,
    townshipCode: '420101100',
    townshipName: '一镇',
    urbanRuralCode: '111',
    locale: 'urban',
    groupName: null,
    ownership: 'public',
    schoolType: 'primary',
    stage: 'primary',
    classes: 0,
    teachers: 0,
    higherDegreeTeachers: 0,
    backboneTeachers: 0,
    peArtTeachers: 0,
    seniorTitleTeachers: 0,
    assetShare: 1,
    teachingRoomArea: 0,
    sportsArea: 0,
    equipmentValue: 0,
    multimediaRooms: 0,
    computers: 0,
    books: 0,
    ...overrides,
  };
}

export function makeRotation(overrides: Partial<RotationRow> & Pick<RotationRow, 'teacherRef'>): RotationRow {
  return { year: 2024, fromSchoolCode: 'A', toSchoolCode: 'B', backbone: false, months: 12, ...overrides };
}

/**
 * A primary unit that meets every 2017 primary threshold exactly at 100 students: 4.2 → 5 higher-degree teachers
 * (5.0), 1 backbone, 1 PE/art, 450 ㎡ rooms, 750 ㎡ sports, 200 000 元, 3 multimedia rooms.
 */
export function makeCompliantPrimaryUnit(code: string, students = 100): StageUnit {
  const scale = students / 100;
  return makeUnit({
    code,
    students,
    teachers: Math.ceil(6 * scale),
    higherDegreeTeachers: Math.ceil(5 * scale),
    backboneTeachers: Math.ceil(1 * scale),
    peArtTeachers: Math.ceil(1 * scale),
    teachingRoomArea: 450 * scale,
    sportsArea: 750 * scale,
    equipmentValue: 200_000 * scale,
    multimediaRooms: Math.ceil(3 * scale),
  });
}
