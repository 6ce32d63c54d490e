import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type CountyInputsResponse,
  type CvPlan,
  type CvPlanOutcome,
  type DistanceToPassQuery,
  type DistanceToPassResponse,
  type QualityReport,
  type SchoolFilterQuery,
  type ScorecardQuery,
  type ScorecardResponse,
  STAGES,
  type Stage,
  type StageUnitsResult,
  type WhatIfRequest,
  type WhatIfResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import {
  type CountyInputAuthor,
  findCountyInputs,
  findDistrictYears,
  replaceCountyInputs,
} from '../county/county.repository.ts';
import { buildReportContext, loadCountyYear, requireDistrict } from '../county/county.service.ts';
import {
  computeDistanceToPass,
  computeGuaranteeReport,
  computeQualityReport,
  computeRotationReport,
  computeScorecard,
  computeStageUnits,
  computeWhatIf,
  INDICATOR_FORMULAS,
} from '../engine/index.ts';
import { buildCountyInputRows, parseCountyInputsUpdate, readCountyInputs } from './county-inputs.ts';

const WHOLE_COUNTY: SchoolFilterQuery = { township: [], locale: [], group: [], includePrivate: true };

/**
 * The full 优质均衡 scorecard of a county-year: 资源配置 items of both stages, 政府保障程度 items computed from school
 * data and rotations, and the entered county-year items (pass / fail / not_entered), with a summary per area.
 */
export async function getScorecard(
  db: Kysely<Database>,
  code: string,
  query: ScorecardQuery,
  access: AccessScope,
): Promise<ScorecardResponse> {
  const data = await loadCountyYear(db, {
    districtCode: code,
    year: query.year,
    filter: query,
    access,
    withRotations: true,
  });
  const stored = readCountyInputs(await findCountyInputs(db, data.context.district.code, query.year));
  const options = { includePrivate: query.includePrivate };
  const units = computeStageUnits(data.schools, data.stats, options);
  const scorecard = computeScorecard({
    quality: { primary: computeQualityReport(units, 'primary'), junior: computeQualityReport(units, 'junior') },
    guarantee: computeGuaranteeReport(data.schools, data.stats, options),
    rotation: computeRotationReport({
      year: query.year,
      schools: data.schools,
      stats: data.stats,
      rotations: data.rotations,
    }),
    inputs: stored.inputs,
    entries: stored.meta,
  });
  return { ...data.context, ...scorecard, inputsUpdatedAt: stored.updatedAt };
}

/** Every county-year input item with its stored value (or null), note, time of saving and status. */
export async function getCountyInputs(
  db: Kysely<Database>,
  code: string,
  year: number,
  access: AccessScope,
): Promise<CountyInputsResponse> {
  const district = await requireDistrict(db, code, access);
  const [years, records] = await Promise.all([
    findDistrictYears(db, district.code),
    findCountyInputs(db, district.code, year),
  ]);
  const stored = readCountyInputs(records);
  return {
    ...buildReportContext(district, year, years, WHOLE_COUNTY, [], access),
    items: stored.entries,
    values: stored.inputs,
    updatedAt: stored.updatedAt,
  };
}

/**
 * Replaces a county-year's inputs with the body (validated first: nothing is written on a 400) in one transaction,
 * and answers with what is now stored. New or changed items are recorded as saved by `author` now; unchanged ones keep
 * who entered them and when.
 */
export async function putCountyInputs(
  db: Kysely<Database>,
  code: string,
  year: number,
  body: unknown,
  access: AccessScope,
  author: CountyInputAuthor,
): Promise<CountyInputsResponse> {
  const { inputs, notes } = parseCountyInputsUpdate(body);
  const district = await requireDistrict(db, code, access);
  await replaceCountyInputs(db, district.code, year, buildCountyInputRows(inputs, notes), author);
  return getCountyInputs(db, district.code, year, access);
}

/** The stage units with one plan's additions applied to the stage parts it raises (amount × the part's share). */
function applyPlan(stageUnits: StageUnitsResult, plan: CvPlan, stage: Stage): StageUnitsResult {
  const field = INDICATOR_FORMULAS[plan.key].field;
  const additions = new Map(plan.additions.map((a) => [a.code, a]));
  return {
    ...stageUnits,
    units: stageUnits.units.map((unit) => {
      const addition = unit.stage === stage ? additions.get(unit.code) : undefined;
      return addition === undefined ? unit : { ...unit, [field]: unit[field] + addition.amount * addition.assetShare };
    }),
  };
}

/**
 * Distance to pass for a county-year and stage: shortfalls per school and indicator in natural units, the 补短板
 * totals, and per failing CV the engine's least-addition plan, with how many schools pass 资源配置 before and after
 * that plan (recomputed by the engine on the raised stage parts).
 */
export async function getDistanceToPass(
  db: Kysely<Database>,
  code: string,
  query: DistanceToPassQuery,
  access: AccessScope,
): Promise<DistanceToPassResponse> {
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const stageUnits = computeStageUnits(data.schools, data.stats, { includePrivate: query.includePrivate });
  const report = computeDistanceToPass(stageUnits, query.stage);
  const baseline = computeQualityReport(stageUnits, query.stage);
  const cvPlans = report.cvPlans.map(
    (plan): CvPlanOutcome => ({
      ...plan,
      schoolsPassingBefore: baseline.verdict.schoolsPassing,
      schoolsPassingAfter: computeQualityReport(applyPlan(stageUnits, plan, query.stage), query.stage).verdict
        .schoolsPassing,
    }),
  );
  return { ...data.context, ...report, cvPlans, schoolsCounted: baseline.schoolsCounted };
}

const CV_EPSILON = 1e-12;

function pickStages<T>(byStage: Record<Stage, T>, stages: readonly Stage[]): Partial<Record<Stage, T>> {
  return Object.fromEntries(stages.map((stage) => [stage, byStage[stage]]));
}

/**
 * What-if on a county-year: the changes are applied by the engine to a copy of the district's statistics (nothing
 * is written), and the before/after 资源配置 reports, CV changes and verdicts of the requested stage(s) returned.
 * Only the district's schools can be named; any other code is an UnknownSchool error of that change.
 */
export async function runWhatIf(
  db: Kysely<Database>,
  code: string,
  year: number,
  request: WhatIfRequest,
  access: AccessScope,
): Promise<WhatIfResponse> {
  const includePrivate = request.includePrivate ?? true;
  // A school outside the user's scope is not loaded, so naming it is the same UnknownSchool error as a wrong code.
  const data = await loadCountyYear(db, {
    districtCode: code,
    year,
    access,
    filter: { ...WHOLE_COUNTY, includePrivate },
  });
  const result = computeWhatIf(data, request.changes, { includePrivate });
  const stages = request.stage ? [request.stage] : STAGES;
  const keep = new Set<Stage>(stages);
  return {
    ...data.context,
    stage: request.stage ?? null,
    valid: result.valid,
    errors: result.errors,
    changes: request.changes.length,
    before: pickStages<QualityReport>(result.before, stages),
    after: result.after ? pickStages<QualityReport>(result.after, stages) : null,
    cvChanges: result.cvChanges
      .filter((row) => keep.has(row.stage))
      .map((row) => ({
        ...row,
        changed:
          result.valid &&
          (row.passesBefore !== row.passesAfter ||
            (row.before === null) !== (row.after === null) ||
            (row.delta !== null && Math.abs(row.delta) > CV_EPSILON)),
      })),
    verdicts: result.verdicts.filter((verdict) => keep.has(verdict.stage)),
    schoolChanges: result.schoolChanges.filter((row) => keep.has(row.stage)),
  };
}
