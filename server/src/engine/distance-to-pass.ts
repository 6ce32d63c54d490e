import type {
  CvPlan,
  CvPlanOutcome,
  DistanceToPassReport,
  QualityIndicatorKey,
  ShortfallRow,
  ShortfallTotals,
  Stage,
  StageUnit,
  StageUnitsResult,
} from '@junheng/shared';
import { computeWeightedCv, QUALITY_CV_LIMIT, QUALITY_INDICATOR_KEYS } from '@junheng/shared';
import {
  ceilWholeUnits,
  computeIndicatorValue,
  findQualityThreshold,
  INDICATOR_FORMULAS,
  meetsThreshold,
  type UnitResourceField,
} from './indicators.ts';
import { computeQualityReport } from './quality.ts';
import { type StageUnitFilter, selectStageUnits } from './stage-parts.ts';

/** Indicators whose resource is a campus asset shared by the school's stages (METHOD.md §5): rooms, area, equipment. */
const SHARED_ASSET_FIELDS: ReadonlySet<UnitResourceField> = new Set([
  'teachingRoomArea',
  'sportsArea',
  'equipmentValue',
  'multimediaRooms',
  'computers',
  'books',
]);

/**
 * The part of an addition to the school that reaches this stage unit: its asset share for a shared campus asset
 * (METHOD.md §5: the campus total is split by weighted student share), 1 for teachers (they are counted per stage).
 */
export function findAdditionShare(unit: Pick<StageUnit, 'assetShare'>, key: QualityIndicatorKey): number {
  if (!SHARED_ASSET_FIELDS.has(INDICATOR_FORMULAS[key].field)) return 1;
  return unit.assetShare > 0 ? unit.assetShare : 1;
}

/** What the stage part lacks, unrounded: threshold × students / per − current (≤ 0 when met). */
function computeStageGap(unit: StageUnit, key: QualityIndicatorKey): number {
  const value = computeIndicatorValue(unit, key);
  const threshold = findQualityThreshold(key, unit.stage);
  if (value === null || meetsThreshold(value, threshold)) return 0;
  const { field, per } = INDICATOR_FORMULAS[key];
  return (threshold * unit.students) / per - unit[field];
}

/**
 * What the stage part itself lacks to reach the indicator's threshold, in natural units rounded up to whole units:
 * teachers (higher-degree, backbone, PE/art) = ceil(threshold × students / 100 − current); multimedia rooms the same;
 * ㎡ of room or sports area and 元 of equipment = ceil(threshold × students − current). 0 when the threshold is met
 * or the unit has no students. For a shared asset of a multi-stage school this is not what the school must add:
 * see computeShortfall.
 */
export function computeStagePartShortfall(unit: StageUnit, key: QualityIndicatorKey): number {
  return ceilWholeUnits(computeStageGap(unit, key));
}

/**
 * What the school (the campus) must add so that this stage part reaches the threshold, in whole natural units
 * (METHOD.md §7): teachers are hired into the stage, so it is the stage part's shortfall; a shared asset added to the
 * campus is split by stage share, so it is ceil(stage gap ÷ asset share). Adding this amount to the school (what-if
 * `add_resource` or `add_teachers`) brings the stage part to the threshold.
 *
 * ### Examples
 * 九年一贯制, 166 primary + 210 junior students, 500 000 元 of equipment: the primary part holds 500 000 × 166 / 397
 * and lacks 2000 × 166 − that = 122 931.99 元; its share is 166 / 397, so the campus adds 294 000 元.
 */
export function computeShortfall(unit: StageUnit, key: QualityIndicatorKey): number {
  return ceilWholeUnits(computeStageGap(unit, key) / findAdditionShare(unit, key));
}

const TOTAL_FIELDS: Record<QualityIndicatorKey, keyof ShortfallTotals> = {
  higher_degree_teachers_per100: 'higherDegreeTeachers',
  backbone_teachers_per100: 'backboneTeachers',
  pe_art_teachers_per100: 'peArtTeachers',
  teaching_room_area_per_student: 'teachingRoomAreaM2',
  sports_area_per_student: 'sportsAreaM2',
  equipment_value_per_student: 'equipmentYuan',
  multimedia_rooms_per100: 'multimediaRooms',
};

function emptyTotals(): ShortfallTotals {
  return {
    higherDegreeTeachers: 0,
    backboneTeachers: 0,
    peArtTeachers: 0,
    teachingRoomAreaM2: 0,
    sportsAreaM2: 0,
    equipmentYuan: 0,
    multimediaRooms: 0,
  };
}

/**
 * 补短板 budget: the shortfalls summed per resource (teachers by kind, ㎡ of rooms and of sports area, 元 of
 * equipment, multimedia rooms), each shortfall being what the school adds (computeShortfall), so the totals are what
 * the county must add to the campuses. Teacher kinds overlap (one new teacher can be both higher-degree and PE), so the
 * teacher totals are per kind, not a head count.
 */
export function sumShortfallTotals(rows: readonly Pick<ShortfallRow, 'key' | 'shortfall'>[]): ShortfallTotals {
  const totals = emptyTotals();
  for (const row of rows) totals[TOTAL_FIELDS[row.key]] += row.shortfall;
  return totals;
}

interface PlanPoint {
  unit: StageUnit;
  value: number;
}

function evaluateFloor(points: readonly PlanPoint[], key: QualityIndicatorKey, floor: number) {
  const { field, per } = INDICATOR_FORMULAS[key];
  const additions = points.map(({ unit, value }) => {
    // The school adds `amount`; its stage part receives amount × share (a shared asset is split by stage share).
    const share = findAdditionShare(unit, key);
    const amount = value < floor ? ceilWholeUnits(((floor - value) * unit.students) / per / share) : 0;
    const valueAfter = (per * (unit[field] + amount * share)) / unit.students;
    return { unit, valueBefore: value, amount, share, valueAfter };
  });
  const cv = computeWeightedCv(additions.map((a) => ({ weight: a.unit.students, value: a.valueAfter })));
  return { additions, cv };
}

const MAX_BISECTIONS = 200;
const MAX_DOUBLINGS = 40;

/**
 * A plan that brings one indicator's CV to ≤ `cvLimit` by raising the lowest units to a common floor L
 * (water-filling: Xᵢ' = max(Xᵢ, L)), never lowering any unit. Raising the floor never increases the CV
 * (d CV² / dL ∝ q(L·X̄ − E[X'²]) ≤ 0 since every X' ≥ L) and the total addition grows with L, so the smallest L that
 * meets the limit is the cheapest floor-raising plan. L is found by bisection between the lowest and the highest
 * value. Additions are what each school adds, in whole natural units (teachers, rooms, ㎡, 元) rounded up per school
 * (for a shared asset of a multi-stage school: the stage part's need ÷ its asset share), and the CV is re-checked
 * with the rounded amounts: the bisection only accepts an L whose rounded plan meets the limit, so the plan's CV is
 * always ≤ cvLimit when `achievable`. Returns null when the CV already passes or cannot be computed.
 */
export function planCvReduction(
  units: readonly StageUnit[],
  key: QualityIndicatorKey,
  stage: Stage,
  cvLimit: number = QUALITY_CV_LIMIT[stage],
): CvPlan | null {
  const points: PlanPoint[] = units.flatMap((unit) => {
    const value = unit.stage === stage ? computeIndicatorValue(unit, key) : null;
    return value === null ? [] : [{ unit, value }];
  });
  const cvBefore = computeWeightedCv(points.map((p) => ({ weight: p.unit.students, value: p.value })));
  if (cvBefore === null || cvBefore <= cvLimit) return null;

  const values = points.map((p) => p.value);
  let low = Math.min(...values);
  let high = Math.max(...values);
  let best = evaluateFloor(points, key, high);
  for (let i = 0; i < MAX_DOUBLINGS && !(best.cv !== null && best.cv <= cvLimit); i += 1) {
    low = high;
    high *= 2;
    best = evaluateFloor(points, key, high);
  }
  const achievable = best.cv !== null && best.cv <= cvLimit;
  for (let i = 0; achievable && i < MAX_BISECTIONS && high - low > 1e-12 * high; i += 1) {
    const middle = (low + high) / 2;
    const trial = evaluateFloor(points, key, middle);
    if (trial.cv !== null && trial.cv <= cvLimit) {
      high = middle;
      best = trial;
    } else {
      low = middle;
    }
  }

  const threshold = findQualityThreshold(key, stage);
  const raised = best.additions.filter((a) => a.amount > 0).sort((a, b) => a.valueBefore - b.valueBefore);
  return {
    key,
    resourceUnit: INDICATOR_FORMULAS[key].resourceUnit,
    cvBefore,
    cvLimit,
    floorLevel: high,
    cvAfter: best.cv,
    totalAddition: raised.reduce((sum, a) => sum + a.amount, 0),
    additions: raised.map((a) => ({
      code: a.unit.code,
      name: a.unit.name,
      students: a.unit.students,
      valueBefore: a.valueBefore,
      valueAfter: a.valueAfter,
      amount: a.amount,
      assetShare: a.share,
    })),
    schoolsMeetingBefore: points.filter((p) => meetsThreshold(p.value, threshold)).length,
    schoolsMeetingAfter: best.additions.filter((a) => meetsThreshold(a.valueAfter, threshold)).length,
    achievable,
  };
}

/**
 * Distance to pass for one stage (METHOD.md §7): every unit's shortfall per indicator (rows for the unmet ones only),
 * the 补短板 totals, and for each indicator whose CV exceeds its limit a least-addition floor-raising plan
 * (planCvReduction). Indicators whose CV cannot be computed (all zero) get no plan: the shortfalls cover them.
 */
export function computeDistanceToPass(
  stageUnits: StageUnitsResult,
  stage: Stage,
  filter: StageUnitFilter = {},
): DistanceToPassReport {
  const { units } = selectStageUnits(stageUnits, stage, filter);
  const rows: ShortfallRow[] = units.flatMap((unit) =>
    QUALITY_INDICATOR_KEYS.flatMap((key) => {
      const shortfall = computeShortfall(unit, key);
      if (shortfall <= 0) return [];
      return [
        {
          code: unit.code,
          name: unit.name,
          townshipCode: unit.townshipCode,
          townshipName: unit.townshipName,
          locale: unit.locale,
          stage,
          students: unit.students,
          key,
          value: computeIndicatorValue(unit, key),
          threshold: findQualityThreshold(key, stage),
          shortfall,
          stagePartShortfall: computeStagePartShortfall(unit, key),
          assetShare: findAdditionShare(unit, key),
          resourceUnit: INDICATOR_FORMULAS[key].resourceUnit,
        },
      ];
    }),
  );
  return {
    stage,
    rows,
    unitsShort: new Set(rows.map((row) => row.code)).size,
    totals: sumShortfallTotals(rows),
    cvPlans: QUALITY_INDICATOR_KEYS.flatMap((key) => planCvReduction(units, key, stage) ?? []),
  };
}

/** The stage units with one plan's additions applied to the stage parts it raises (amount × the part's share). */
export function applyCvPlan(stageUnits: StageUnitsResult, plan: CvPlan, stage: Stage): StageUnitsResult {
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
 * Each CV plan with how many schools pass 资源配置 before and after it: the verdict recomputed on the stage parts the
 * plan raises (applyCvPlan), and the number of units the stage counts.
 */
export function computeCvPlanOutcomes(
  stageUnits: StageUnitsResult,
  stage: Stage,
  plans: readonly CvPlan[],
): { cvPlans: CvPlanOutcome[]; schoolsCounted: number } {
  const baseline = computeQualityReport(stageUnits, stage);
  const cvPlans = plans.map(
    (plan): CvPlanOutcome => ({
      ...plan,
      schoolsPassingBefore: baseline.verdict.schoolsPassing,
      schoolsPassingAfter: computeQualityReport(applyCvPlan(stageUnits, plan, stage), stage).verdict.schoolsPassing,
    }),
  );
  return { cvPlans, schoolsCounted: baseline.schoolsCounted };
}
