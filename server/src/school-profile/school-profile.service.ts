import type { Database } from '@junheng/db';
import {
  type AccessScope,
  localeOfUrbanRuralCode,
  SCHOOL_TYPE_LABELS,
  type SchoolProfileQuery,
  type SchoolProfileResponse,
  STAGES,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { ANY_YEAR, findRotations, findSchoolByCode, findSchools, findStats } from '../county/county.repository.ts';
import { describeSchoolEvents, findSchoolEvents, formerNames } from '../county/school-events.ts';
import { buildProfileParts, summariseSchoolRotations } from '../engine/index.ts';
import { HttpError } from '../http/errors.ts';

/**
 * School profile (ARCHITECTURE.md, stable API): the school, and for every year with data and each stage part its seven indicators with
 * the county mean and threshold, met flags, verdict and rank; plus its rotations by year. The district's schools,
 * statistics (all years) and rotations come in one query each. Unknown school → 404 SchoolNotFound.
 */
export async function getSchoolProfile(
  db: Kysely<Database>,
  code: string,
  query: SchoolProfileQuery,
  access: AccessScope,
): Promise<SchoolProfileResponse> {
  // Outside the user's scope the school is not found: the same 404 as a code that does not exist.
  const school = await findSchoolByCode(db, code, access);
  if (!school) throw new HttpError(404, 'SchoolNotFound', `没有学校 ${code} / No school ${code}`);
  const scope = { districtCode: school.districtCode, access };
  const [countySchools, stats, rotations, recorded] = await Promise.all([
    findSchools(db, scope),
    findStats(db, scope),
    findRotations(db, scope, ANY_YEAR),
    findSchoolEvents(db, scope),
  ]);
  const ownRenames = recorded.events.filter((e) => e.schoolCode === school.schoolCode && e.kind === 'renamed');
  const events = describeSchoolEvents(recorded.events, countySchools, recorded.townshipNames).filter(
    (e) => e.schoolCode === school.schoolCode || e.targetSchoolCode === school.schoolCode,
  );
  const years = [...new Set(stats.filter((s) => s.schoolCode === school.schoolCode).map((s) => s.year))].sort(
    (a, b) => a - b,
  );
  const parts = years.flatMap((year) =>
    buildProfileParts({
      school,
      year,
      countySchools,
      yearStats: stats.filter((s) => s.year === year),
      includePrivate: query.includePrivate,
    }),
  );
  const rotationYears = [
    ...new Set([
      ...years,
      ...rotations
        .filter((r) => r.fromSchoolCode === school.schoolCode || r.toSchoolCode === school.schoolCode)
        .map((r) => r.year),
    ]),
  ].sort((a, b) => a - b);
  return {
    school: {
      code: school.schoolCode,
      name: school.schoolName,
      schoolType: school.schoolType,
      schoolTypeZh: SCHOOL_TYPE_LABELS[school.schoolType].zh,
      townshipCode: school.townshipCode,
      townshipName: school.townshipName,
      urbanRuralCode: school.urbanRuralCode,
      locale: localeOfUrbanRuralCode(school.urbanRuralCode),
      ownership: school.ownership,
      boarding: school.boarding,
      groupName: school.groupName,
      parentSchoolCode: school.parentSchoolCode,
    },
    district: { code: school.districtCode, name: school.districtName },
    includePrivate: query.includePrivate,
    years,
    stages: STAGES.filter((stage) => parts.some((part) => part.stage === stage)),
    parts,
    ...summariseSchoolRotations({ code: school.schoolCode, years: rotationYears, countySchools, stats, rotations }),
    events,
    formerNames: formerNames(school.schoolName, ownRenames),
  };
}
