import type { RotationRow } from '@junheng/shared';
import type { RosterDate } from './roster-dates.ts';

/**
 * What analysts count by hand from a teacher roster (issue #13), as pure functions: years at the school on the
 * statistics date, teachers eligible to rotate, the rotations that start in a statistics year, their backbone share.
 *
 * Conventions (docs/IMPORT-SOURCES.md):
 * - Statistics year Y is the school year Y–Y+1 (the 教育事业统计 is a 学年初 count); its statistics date is 1 September
 *   of Y. A teacher's years at the school are the whole years from 进入本校日期 to that date (the anniversary counts:
 *   joined 2015-09-01 → 6 years on 2021-09-01); a month-only date is read as the 1st of the month.
 * - Eligible: at least N whole years, N = the county's `rotation_eligible_years` (default 6).
 * - A rotation belongs to the school year of its 开始年月 (September–December of Y and January–August of Y+1 → Y);
 *   its duration in months counts both the start and the end month (2023-09 … 2024-08 = 12); no 结束年月 → unknown.
 * - Backbone: 县级 or above (县/区级, 市级, 省级, 国家级) on the roster of that year.
 */

export type BackboneLevel = 'national' | 'province' | 'city' | 'county' | 'school' | 'none';

export const BACKBONE_LEVEL_ZH: Record<BackboneLevel, string> = {
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
  school: '校级',
  none: '无',
};

/** 县级骨干 or above: what the statistics count as 县级以上骨干教师 and the rotation rules as backbone. */
export function isCountyLevelBackbone(level: BackboneLevel): boolean {
  return level === 'national' || level === 'province' || level === 'city' || level === 'county';
}

/** One teacher as one year's roster lists them. */
export interface RosterTeacher {
  /** Statistics year of the roster. */
  year: number;
  teacherRef: string;
  schoolCode: string;
  joined: RosterDate;
  backbone: BackboneLevel;
  /** Teaches 高中 or 学前 only (任教学段): not a compulsory-education teacher, left out of every count. */
  outsideCompulsory: boolean;
}

/** One rotation (交流) as a roster lists it, under the roster year of its teacher. */
export interface RosterRotation {
  year: number;
  teacherRef: string;
  fromSchoolCode: string;
  toSchoolCode: string;
  start: RosterDate;
  end: RosterDate | null;
  type: string | null;
}

/** 1 September of the statistics year (学年初). */
export function statisticsDateOf(year: number): RosterDate {
  return { year, month: 9, day: 1, monthOnly: false };
}

/** Whole years from `from` to `to` (the anniversary day counts as a full year); never below 0. */
export function wholeYearsBetween(from: RosterDate, to: RosterDate): number {
  let years = to.year - from.year;
  if (to.month < from.month || (to.month === from.month && to.day < from.day)) years--;
  return Math.max(0, years);
}

/** The statistics (school) year a month falls in: September–December of Y and January–August of Y+1 → Y. */
export function schoolYearOf(date: RosterDate): number {
  return date.month >= 9 ? date.year : date.year - 1;
}

/** Months of a rotation counting its start and end month; null when the end is unknown or before the start. */
export function rotationMonths(start: RosterDate, end: RosterDate | null): number | null {
  if (end === null) return null;
  const months = end.year * 12 + end.month - (start.year * 12 + start.month) + 1;
  return months >= 1 ? months : null;
}

/** What one school's roster of one year gives, before the county's eligibility threshold is applied. */
export interface RosterSchoolYear {
  schoolCode: string;
  year: number;
  /** Compulsory-education teachers listed (each once). */
  teachers: number;
  backboneTeachers: number;
  /** Teachers by whole years at the school on the statistics date: index = years, value = teachers. */
  tenureCounts: number[];
}

/** Teachers with at least `minYears` whole years at the school. */
export function countEligible(tenureCounts: readonly number[], minYears: number): number {
  let n = 0;
  for (let years = Math.max(0, minYears); years < tenureCounts.length; years++) n += tenureCounts[years] ?? 0;
  return n;
}

/** Per school and year: teachers, backbone teachers and years at the school (a teacher listed twice counts once). */
export function deriveSchoolYears(teachers: readonly RosterTeacher[]): RosterSchoolYear[] {
  const seen = new Set<string>();
  const bySchoolYear = new Map<string, RosterSchoolYear>();
  for (const t of teachers) {
    if (t.outsideCompulsory) continue;
    const teacherKey = `${t.year}\u0000${t.teacherRef}`;
    if (seen.has(teacherKey)) continue;
    seen.add(teacherKey);
    const key = `${t.schoolCode}\u0000${t.year}`;
    let entry = bySchoolYear.get(key);
    if (!entry) {
      entry = { schoolCode: t.schoolCode, year: t.year, teachers: 0, backboneTeachers: 0, tenureCounts: [] };
      bySchoolYear.set(key, entry);
    }
    entry.teachers++;
    if (isCountyLevelBackbone(t.backbone)) entry.backboneTeachers++;
    const years = wholeYearsBetween(t.joined, statisticsDateOf(t.year));
    while (entry.tenureCounts.length <= years) entry.tenureCounts.push(0);
    entry.tenureCounts[years] = (entry.tenureCounts[years] ?? 0) + 1;
  }
  return [...bySchoolYear.values()];
}

export interface DerivedRotations {
  /** Rotations starting in their roster's statistics year, as canonical rows. */
  rows: { rotation: RosterRotation; row: RotationRow }[];
  /** Rotations listed in a roster year's history that started in another school year (not counted by that roster). */
  otherYears: RosterRotation[];
  /** Rotations of teachers outside compulsory education (高中, 学前). */
  outsideCompulsory: RosterRotation[];
}

/**
 * The rotations a roster year counts: those whose 开始年月 falls in the roster's statistics year, backbone when the
 * teacher is 县级 or above on that year's roster. Earlier rotations still listed (the roster keeps a teacher's
 * history) belong to the roster of their own year.
 */
export function deriveRotations(
  rotations: readonly RosterRotation[],
  teacherOf: (year: number, teacherRef: string) => RosterTeacher | undefined,
): DerivedRotations {
  const result: DerivedRotations = { rows: [], otherYears: [], outsideCompulsory: [] };
  for (const rotation of rotations) {
    const teacher = teacherOf(rotation.year, rotation.teacherRef);
    if (teacher?.outsideCompulsory) {
      result.outsideCompulsory.push(rotation);
      continue;
    }
    if (schoolYearOf(rotation.start) !== rotation.year) {
      result.otherYears.push(rotation);
      continue;
    }
    result.rows.push({
      rotation,
      row: {
        year: rotation.year,
        teacherRef: rotation.teacherRef,
        fromSchoolCode: rotation.fromSchoolCode,
        toSchoolCode: rotation.toSchoolCode,
        backbone: teacher !== undefined && isCountyLevelBackbone(teacher.backbone),
        months: rotationMonths(rotation.start, rotation.end),
      },
    });
  }
  return result;
}

/** Rotated teachers of one year (a teacher listed twice counts once, backbone if any row says so) and their share. */
export function summariseRotations(rows: readonly RotationRow[]): {
  teachers: number;
  backbone: number;
  backboneShare: number | null;
} {
  const backboneOf = new Map<string, boolean>();
  for (const r of rows) backboneOf.set(r.teacherRef, (backboneOf.get(r.teacherRef) ?? false) || r.backbone);
  const teachers = backboneOf.size;
  const backbone = [...backboneOf.values()].filter(Boolean).length;
  return { teachers, backbone, backboneShare: teachers === 0 ? null : backbone / teachers };
}
