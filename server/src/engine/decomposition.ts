import type {
  CvContribution,
  CvDecomposition,
  DecompositionGroup,
  IndicatorDecomposition,
  IndicatorKey,
  Stage,
  StageUnit,
  UnitGrouping,
} from '@junheng/shared';
import { computeWeightedMean, computeWeightedSd, LOCALE_LABELS } from '@junheng/shared';
import { computeIndicatorValue } from './indicators.ts';

export interface DecompositionPoint {
  id: string;
  label: string;
  group: string;
  weight: number;
  value: number;
}

function ratioOrNull(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || !(whole > 0) ? null : part / whole;
}

function summariseGroups(
  points: readonly DecompositionPoint[],
  mean: number | null,
  total: number,
  labelOf: (group: string) => string,
): DecompositionGroup[] {
  const keys = [...new Set(points.map((p) => p.group))].sort();
  return keys.map((group) => {
    const members = points.filter((p) => p.group === group);
    const students = members.reduce((sum, p) => sum + p.weight, 0);
    const groupMean = computeWeightedMean(members);
    const sd = computeWeightedSd(members);
    const share = total > 0 ? students / total : 0;
    const meanSquared = mean !== null && mean > 0 ? mean * mean : null;
    return {
      group,
      label: labelOf(group),
      units: members.length,
      students,
      weightShare: share,
      mean: groupMean,
      sd,
      cv: groupMean !== null && groupMean > 0 && sd !== null ? sd / groupMean : null,
      within: meanSquared === null || sd === null ? null : (share * sd * sd) / meanSquared,
      between:
        meanSquared === null || groupMean === null ? null : (share * (groupMean - (mean ?? 0)) ** 2) / meanSquared,
    };
  });
}

function rankContributions(
  points: readonly DecompositionPoint[],
  mean: number | null,
  total: number,
  cvSquared: number | null,
): CvContribution[] {
  const raw = points.map((p) => ({
    id: p.id,
    label: p.label,
    group: p.group,
    students: p.weight,
    value: p.value,
    contribution: mean !== null && mean > 0 ? ((p.weight / total) * (p.value - mean) ** 2) / (mean * mean) : 0,
  }));
  raw.sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let cumulative = 0;
  return raw.map((row, index) => {
    cumulative += row.contribution;
    return {
      ...row,
      share: ratioOrNull(row.contribution, cvSquared),
      cumulativeShare: ratioOrNull(cumulative, cvSquared),
      rank: index + 1,
    };
  });
}

/**
 * Splits CV² of a student-weighted indicator into within- and between-group parts (METHOD.md §7), which sum to CV²
 * because the variance is the population one:
 *   CV²_within  = Σ_g (P_g/P) · S_g² / X̄²
 *   CV²_between = Σ_g (P_g/P) · (X̄_g − X̄)² / X̄²
 * and gives each unit's contribution cᵢ = (Pᵢ/P)(Xᵢ − X̄)² / X̄² (the cᵢ sum to CV²), ranked largest first with
 * its share and cumulative share of CV² ("these three schools cause 60% of the disparity"). Shares are null when
 * CV² is 0 or not computable. Points with weight ≤ 0 are ignored.
 */
export function computeCvDecomposition(
  points: readonly DecompositionPoint[],
  labelOf: (group: string) => string = (group) => group,
): CvDecomposition {
  const valid = points.filter((p) => p.weight > 0 && Number.isFinite(p.value));
  const total = valid.reduce((sum, p) => sum + p.weight, 0);
  const mean = computeWeightedMean(valid);
  const sd = computeWeightedSd(valid);
  const cv = mean !== null && mean > 0 && sd !== null ? sd / mean : null;
  const cvSquared = cv === null ? null : cv * cv;
  const groups = summariseGroups(valid, mean, total, labelOf);
  const within = cv === null ? null : groups.reduce((sum, g) => sum + (g.within ?? 0), 0);
  const between = cv === null ? null : groups.reduce((sum, g) => sum + (g.between ?? 0), 0);
  return {
    cv,
    cvSquared,
    within,
    between,
    withinShare: ratioOrNull(within, cvSquared),
    betweenShare: ratioOrNull(between, cvSquared),
    groups,
    contributions: rankContributions(valid, mean, total, cvSquared),
  };
}

const NO_GROUP = '';

/** Group key of a unit under a grouping: its locale, township code or 学区/集团 name ('' when it has none). */
export function findGroupKey(unit: StageUnit, grouping: UnitGrouping): string {
  if (grouping === 'locale') return unit.locale;
  if (grouping === 'township') return unit.townshipCode;
  return unit.groupName ?? NO_GROUP;
}

/** Display label of the group keys of a set of units (locale in Chinese, township name, group name or 未分组). */
export function buildGroupLabeller(units: readonly StageUnit[], grouping: UnitGrouping): (group: string) => string {
  const townshipNames = new Map(units.map((unit) => [unit.townshipCode, unit.townshipName]));
  return (group) => {
    if (grouping === 'locale') return LOCALE_LABELS[group as keyof typeof LOCALE_LABELS]?.zh ?? group;
    if (grouping === 'township') return townshipNames.get(group) ?? group;
    return group === NO_GROUP ? '未分组' : group;
  };
}

/** computeCvDecomposition of one indicator over one stage's units, grouped by locale, township or school group. */
export function decomposeIndicatorCv(
  units: readonly StageUnit[],
  stage: Stage,
  key: IndicatorKey,
  grouping: UnitGrouping,
): IndicatorDecomposition {
  const ofStage = units.filter((unit) => unit.stage === stage);
  const points = ofStage.flatMap((unit) => {
    const value = computeIndicatorValue(unit, key);
    if (value === null) return [];
    return [{ id: unit.code, label: unit.name, group: findGroupKey(unit, grouping), weight: unit.students, value }];
  });
  return { key, stage, groupBy: grouping, ...computeCvDecomposition(points, buildGroupLabeller(ofStage, grouping)) };
}
