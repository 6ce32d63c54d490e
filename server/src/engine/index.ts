/**
 * The gap engine: pure, deterministic computations of METHOD.md (no database, HTTP, clock or environment).
 * Inputs are the canonical rows of @junheng/shared; results are the engine schemas of shared/src/schemas/engine.ts.
 */

export {
  computeEquityMeasures,
  computeMcLooneIndex,
  computeTheilT,
  computeWeightedCv,
  computeWeightedCvOfColumns,
  computeWeightedGini,
  computeWeightedMean,
  computeWeightedPercentile,
  computeWeightedSd,
  computeWeightedStats,
  type GroupedPoint,
  type WeightedPoint,
} from '@junheng/shared';
export {
  computeBasicIndicatorResult,
  computeBasicReport,
  computeBasicValue,
  computeBasicValues,
  findBasicExclusionReason,
  selectBasicUnits,
} from './basic.ts';
export {
  computeClassSizeSchoolRow,
  computeClassSizeYear,
  judgeSchoolClassSize,
  judgeStageClassSize,
  listClassStages,
  readStageClassSize,
  selectClassSizeSchools,
} from './class-size.ts';
export {
  type ComparableCountyCandidate,
  type ComparableSchoolCandidate,
  computeComparatorStanding,
  computeCountyDistance,
  computeSchoolDistance,
  localeSteps,
  quantileSorted,
  selectComparableCounties,
  selectComparableSchools,
} from './comparable.ts';
export {
  buildGroupLabeller,
  computeCvDecomposition,
  type DecompositionPoint,
  decomposeIndicatorCv,
  findGroupKey,
} from './decomposition.ts';
export {
  applyCvPlan,
  computeCvPlanOutcomes,
  computeDistanceToPass,
  computeShortfall,
  computeStagePartShortfall,
  findAdditionShare,
  planCvReduction,
  sumShortfallTotals,
} from './distance-to-pass.ts';
export { computeEquityReport } from './equity.ts';
export {
  computeClassSizeCheck,
  computeGuaranteeReport,
  computeMusicArtRoomCheck,
  computeSchoolSizeCheck,
} from './guarantee.ts';
export {
  ceilWholeUnits,
  computeIndicatorValue,
  findLowestMeetingValue,
  findQualityDefinition,
  findQualityThreshold,
  findStandard,
  INDICATOR_FORMULAS,
  type IndicatorFormula,
  meetsThreshold,
  type UnitResourceField,
} from './indicators.ts';
export {
  collectIndicatorPoints,
  computeInformationalCompositeCv,
  computeQualityIndicatorResult,
  computeQualityReport,
  computeQualitySchoolResult,
  computeQualityValues,
  computeQualityVerdict,
  computeReportedCv,
} from './quality.ts';
export {
  computeQualitySummary,
  computeQualitySummaryFromSums,
  type QualitySummary,
  type QualitySummaryRow,
  type QualitySummarySums,
  toQualitySummaryRow,
} from './quality-summary.ts';
export { rankRows } from './rank.ts';
export { computeRanking } from './rankings.ts';
export { computeRatioOrNull, computeRelativeToMean } from './ratios.ts';
export { buildProfileParts, compareWithCounty, summariseSchoolRotations } from './school-profile.ts';
export {
  type CountyInputMeta,
  computeScorecard,
  evaluateCountyInput,
  type ScorecardInput,
} from './scorecard.ts';
export {
  buildStageUnit,
  computeStageAssetShares,
  computeStageUnits,
  type StageUnitFilter,
  type StageUnitOptions,
  selectStageUnits,
} from './stage-parts.ts';
export { attributeTeacherStage, type TeacherFlags } from './stat-edits.ts';
export {
  applyRotationMoves,
  computeRotationFlows,
  computeRotationReport,
  computeRotationYears,
  type RotationInput,
  type RotationMove,
  type RotationOptions,
  selectYearRotations,
  summariseRotationYear,
} from './teacher-exchange.ts';
export { computeTrendRow } from './trends.ts';
export {
  computeDecompositionRows,
  computeQualityMeans,
  computeTownshipComparison,
  computeUrbanRuralReport,
} from './urban-rural.ts';
export { applyWhatIfChanges, computeWhatIf, isCvChanged, type WhatIfDataset } from './what-if.ts';
