import {
  type ProfileIndicator,
  type ProfilePart,
  type ProfileRotationYear,
  QUALITY_INDICATOR_KEYS,
  type RotationRow,
  type SchoolProfileResponse,
  type SchoolRow,
  type SchoolStatRow,
  STAGES,
  type Stage,
  type StageUnit,
} from '@junheng/shared';
import { computeIndicatorValue } from './indicators.ts';
import { computeQualityIndicatorResult, computeQualitySchoolResult } from './quality.ts';
import { rankRows } from './rank.ts';
import { computeRelativeToMean } from './ratios.ts';
import { buildStageUnit, computeStageAssetShares, computeStageUnits } from './stage-parts.ts';
import { computeRotationReport } from './teacher-exchange.ts';

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
