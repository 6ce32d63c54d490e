import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type DistanceToPassQuery,
  type DistanceToPassResponse,
  type QualityReport,
  STAGES,
  type Stage,
  type WhatIfRequest,
  type WhatIfResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { loadCountyYear, WHOLE_COUNTY } from '../county/county.service.ts';
import {
  computeCvPlanOutcomes,
  computeDistanceToPass,
  computeStageUnits,
  computeWhatIf,
  isCvChanged,
} from '../engine/index.ts';

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
  return { ...data.context, ...report, ...computeCvPlanOutcomes(stageUnits, query.stage, report.cvPlans) };
}

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
      .map((row) => ({ ...row, changed: isCvChanged(row, result.valid) })),
    verdicts: result.verdicts.filter((verdict) => keep.has(verdict.stage)),
    schoolChanges: result.schoolChanges.filter((row) => keep.has(row.stage)),
  };
}
