import type { Database } from '@junheng/db';
import {
  type AccessScope,
  localeOfUrbanRuralCode,
  type ProfileIndicator,
  type ProfilePart,
  type ProfileRotationYear,
  QUALITY_INDICATOR_KEYS,
  type RotationRow,
  SCHOOL_TYPE_LABELS,
  type SchoolProfileQuery,
  type SchoolProfileResponse,
  type SchoolRow,
  type SchoolStatRow,
  STAGES,
  type Stage,
  type StageUnit,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { rankRows } from '../balance/rank.ts';
import { ANY_YEAR, findRotations, findSchoolByCode, findSchools, findStats } from '../county/county.repository.ts';
import { describeSchoolEvents, findSchoolEvents, formerNames } from '../county/school-events.ts';
import {
  buildStageUnit,
  computeIndicatorValue,
  computeQualityIndicatorResult,
  computeQualitySchoolResult,
  computeRelativeToMean,
  computeRotationReport,
  computeStageAssetShares,
  computeStageUnits,
} from '../engine/index.ts';
import { HttpError } from '../http/errors.ts';

const studentsOfStage = (stat: SchoolStatRow, stage: Stage) =>
  stage === 'primary' ? stat.studentsPrimary : stat.studentsJunior;

/**
 * The seven indicators of one stage part against the county: its value, the threshold and met flag, the county's
 * student-weighted mean and CV over the counted units of that stage-year, and its competition rank among them
 * (null when the part itself is not counted, e.g. a special-education school).
 */
export function compareWithCounty(unit: StageUnit, countyUnits: readonly StageUnit[], counted: boolean) {
  const result = computeQualitySchoolResult(unit);
  const indicators = QUALITY_INDICATOR_KEYS.map((key): ProfileIndicator => {
    const county = computeQualityIndicatorResult(countyUnits, key, unit.stage);
    const ranked = rankRows(countyUnits, (u) => computeIndicatorValue(u, key));
    const value = result.values[key] ?? null;
    const own = counted && value !== null ? ranked.find((r) => r.item.code === unit.code) : undefined;
    return {
      key,
      zh: county.zh,
      value,
      threshold: county.threshold,
      met: result.met[key] ?? null,
      countyMean: county.mean,
      countyCv: county.cv,
      cvLimit: county.cvLimit,
      rank: own?.rank ?? null,
      n: county.n,
      relativeToMean: computeRelativeToMean(value, county.mean),
    };
  });
  return { result, indicators };
}

/** The school's stage parts of one year, each compared with the county's counted units of that stage. */
export function buildProfileParts(input: {
  school: SchoolRow;
  year: number;
  countySchools: readonly SchoolRow[];
  yearStats: readonly SchoolStatRow[];
  includePrivate: boolean;
}): ProfilePart[] {
  const { school, year } = input;
  const stat = input.yearStats.find((s) => s.schoolCode === school.schoolCode);
  if (!stat) return [];
  const all = computeStageUnits(input.countySchools, input.yearStats, { includePrivate: input.includePrivate });
  const shares = computeStageAssetShares(school.schoolType, stat);
  return STAGES.flatMap((stage): ProfilePart[] => {
    const students = studentsOfStage(stat, stage);
    if (students <= 0) return [];
    const countyUnits = all.units.filter((u) => u.stage === stage);
    const countedUnit = countyUnits.find((u) => u.code === school.schoolCode);
    const exclusion = all.excluded.find((e) => e.code === school.schoolCode && e.stage === stage);
    const unit = countedUnit ?? buildStageUnit(school, stat, stage, shares[stage]);
    const { result, indicators } = compareWithCounty(unit, countyUnits, countedUnit !== undefined);
    return [
      {
        year,
        stage,
        students,
        counted: countedUnit !== undefined,
        exclusionReason: exclusion?.reason ?? null,
        exclusionReasonZh: exclusion?.reasonZh ?? null,
        metCount: result.metCount,
        passes: result.passes,
        missed: result.missed,
        indicators,
      },
    ];
  });
}

/** 交流轮岗 out of and into one school per year, and the school-to-school flows it takes part in. */
export function summariseSchoolRotations(input: {
  code: string;
  years: readonly number[];
  countySchools: readonly SchoolRow[];
  stats: readonly SchoolStatRow[];
  rotations: readonly RotationRow[];
}): Pick<SchoolProfileResponse, 'rotations' | 'flows'> {
  const rotations: ProfileRotationYear[] = [];
  const flows: SchoolProfileResponse['flows'] = [];
  for (const year of input.years) {
    const report = computeRotationReport({
      year,
      schools: input.countySchools,
      stats: input.stats,
      rotations: input.rotations,
    });
    const row = report.schools.find((s) => s.code === input.code);
    if (!row) continue;
    const { eligible, out, in: into, backboneOut, backboneIn } = row;
    rotations.push({ year, eligible, out, in: into, backboneOut, backboneIn });
    for (const { level, ...flow } of report.flows) {
      if (level === 'school' && (flow.from === input.code || flow.to === input.code)) flows.push({ year, ...flow });
    }
  }
  return { rotations, flows };
}

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
