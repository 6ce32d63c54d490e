import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type CvPlan,
  type CvPlanOutcome,
  type DistanceToPassQuery,
  type DistanceToPassResponse,
  type QualityReport,
  STAGES,
  type Stage,
  type StageUnitsResult,
  type WhatIfRequest,
  type WhatIfResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { loadCountyYear, WHOLE_COUNTY } from '../county/county.service.ts';
import {
  computeDistanceToPass,
  computeQualityReport,
  computeStageUnits,
  computeWhatIf,
  INDICATOR_FORMULAS,
} from '../engine/index.ts';

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
