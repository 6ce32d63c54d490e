import type { EquityMeasures, ThielResult, WeightedStats } from '../schemas/engine.ts';

/**
 * Student-weighted statistics (METHOD.md §4, §7), shared by the gap engine and the method page's worked example. A point is one school (stage part): weight P = its students,
 * value X = its indicator value. Points with weight ≤ 0 or a non-finite value carry no students and are ignored.
 * Everything is kept at full precision; rounding is for display only. "Not computable" is null, never NaN.
 */
export interface WeightedPoint {
  weight: number;
  value: number;
}

export interface GroupedPoint extends WeightedPoint {
  group: string;
}

function usable<T extends WeightedPoint>(points: readonly T[]): T[] {
  return points.filter((p) => p.weight > 0 && Number.isFinite(p.weight) && Number.isFinite(p.value));
}

function sumWeights(points: readonly WeightedPoint[]): number {
  return points.reduce((sum, p) => sum + p.weight, 0);
}

function sumWeightedValues(points: readonly WeightedPoint[]): number {
  return points.reduce((sum, p) => sum + p.weight * p.value, 0);
}

function sortByValue<T extends WeightedPoint>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => a.value - b.value);
}

/** Weighted mean X̄ = Σ P·X / Σ P (the county ratio of totals), in the indicator's unit. null when Σ P = 0. */
export function computeWeightedMean(points: readonly WeightedPoint[]): number | null {
  const valid = usable(points);
  const total = sumWeights(valid);
  return total > 0 ? sumWeightedValues(valid) / total : null;
}

/** Population SD S = sqrt( Σ (P/ΣP)·(X − X̄)² ) (no n − 1), in the indicator's unit. null when Σ P = 0. */
export function computeWeightedSd(points: readonly WeightedPoint[]): number | null {
  const valid = usable(points);
  const mean = computeWeightedMean(valid);
  if (mean === null) return null;
  const total = sumWeights(valid);
  const variance = valid.reduce((sum, p) => sum + (p.weight / total) * (p.value - mean) ** 2, 0);
  return Math.sqrt(variance);
}

/**
 * 差异系数 CV = S / X̄ (dimensionless), with S and X̄ student-weighted as above. 0 for a single school; null when there
 * are no students or the mean is ≤ 0 (e.g. every value is zero).
 *
 * ### Examples
 * students 45, 37, 89, 76, 55 and books 279, 137, 935, 160, 402 (X = books / students) → CV = 0.515257…
 */
export function computeWeightedCv(points: readonly WeightedPoint[]): number | null {
  const mean = computeWeightedMean(points);
  const sd = computeWeightedSd(points);
  if (mean === null || sd === null || !(mean > 0)) return null;
  return sd / mean;
}

/**
 * computeWeightedCv over parallel columns (point i = weights[i], values[i]) instead of point objects, for callers that
 * compute thousands of CVs. The same points are skipped and the same sums are taken in the same order, so the result is
 * the same double.
 */
export function computeWeightedCvOfColumns(weights: ArrayLike<number>, values: ArrayLike<number>): number | null {
  const n = Math.min(weights.length, values.length);
  const isUsable = (i: number) => {
    const weight = weights[i] as number;
    return weight > 0 && Number.isFinite(weight) && Number.isFinite(values[i]);
  };
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i += 1) {
    if (!isUsable(i)) continue;
    total += weights[i] as number;
    weighted += (weights[i] as number) * (values[i] as number);
  }
  if (!(total > 0)) return null;
  const mean = weighted / total;
  if (!(mean > 0)) return null;
  let variance = 0;
  for (let i = 0; i < n; i += 1) {
    if (isUsable(i)) variance += ((weights[i] as number) / total) * ((values[i] as number) - mean) ** 2;
  }
  return Math.sqrt(variance) / mean;
}

/** n, Σ P, weighted mean, population SD, CV, min and max of the points (see the functions above). */
export function computeWeightedStats(points: readonly WeightedPoint[]): WeightedStats {
  // The formulas of computeWeightedMean, computeWeightedSd and computeWeightedCv, with the points filtered and summed
  // once instead of once per function (the same sums in the same order, so the same doubles).
  const valid = usable(points);
  const total = sumWeights(valid);
  const mean = total > 0 ? sumWeightedValues(valid) / total : null;
  const sd =
    mean === null ? null : Math.sqrt(valid.reduce((sum, p) => sum + (p.weight / total) * (p.value - mean) ** 2, 0));
  let min: number | null = null;
  let max: number | null = null;
  for (const { value } of valid) {
    min = min === null ? value : Math.min(min, value);
    max = max === null ? value : Math.max(max, value);
  }
  return {
    n: valid.length,
    totalWeight: total,
    mean,
    sd,
    cv: mean === null || sd === null || !(mean > 0) ? null : sd / mean,
    min,
    max,
  };
}

/**
 * Student-weighted percentile: the smallest value X such that the schools with values ≤ X hold at least q of all
 * students (inverse of the weighted distribution function, no interpolation). q in [0, 1]. null without students.
 */
export function computeWeightedPercentile(points: readonly WeightedPoint[], q: number): number | null {
  const sorted = sortByValue(usable(points));
  const total = sumWeights(sorted);
  if (total <= 0) return null;
  const target = q * total * (1 - 1e-12);
  let cumulative = 0;
  for (const point of sorted) {
    cumulative += point.weight;
    if (cumulative >= target) return point.value;
  }
  return sorted.at(-1)?.value ?? null;
}

/**
 * Weighted Gini G = Σᵢ Σⱼ Pᵢ Pⱼ |Xᵢ − Xⱼ| / (2 (ΣP)² X̄), computed in O(n log n) from values sorted ascending as
 * G = Σₖ Pₖ Xₖ (Pbelowₖ − Paboveₖ) / (ΣP · Σ P·X). Dimensionless, in [0, 1) for non-negative values
 * (0 = equal; 1 only in the limit of one tiny school holding everything). null when Σ P·X = 0.
 */
export function computeWeightedGini(points: readonly WeightedPoint[]): number | null {
  const sorted = sortByValue(usable(points));
  const total = sumWeights(sorted);
  const totalValue = sumWeightedValues(sorted);
  if (!(total > 0) || !(totalValue > 0)) return null;
  let below = 0;
  let numerator = 0;
  for (const point of sorted) {
    const above = total - below - point.weight;
    numerator += point.weight * point.value * (below - above);
    below += point.weight;
  }
  return numerator / (total * totalValue);
}

function computeTheilOf(points: readonly WeightedPoint[]): { mean: number; theil: number | null } | null {
  const total = sumWeights(points);
  if (!(total > 0)) return null;
  const mean = sumWeightedValues(points) / total;
  if (!(mean > 0)) return { mean, theil: null };
  const theil = points.reduce((sum, p) => {
    // 0·ln 0 = 0 (the limit): a school with nothing is part of the distribution and of the mean, adding 0 here.
    if (p.value === 0) return sum;
    const ratio = p.value / mean;
    return sum + (p.weight / total) * ratio * Math.log(ratio);
  }, 0);
  return { mean, theil };
}

/**
 * Student-weighted Theil T = Σ (P/ΣP)(X/X̄) ln(X/X̄), with its split T = T_between + T_within over `group`:
 * T_between = Σ_g s_g ln(X̄_g / X̄), T_within = Σ_g s_g T_g, where s_g = Σ_g P·X / Σ P·X is the group's share of the
 * resource. Every school counts, also one whose value is 0: its term is 0·ln 0 = 0, but its students are in ΣP and so
 * in X̄ (METHOD.md §7). A group whose schools all have 0 holds share s_g = 0 and adds 0 to both parts; its own T_g is null
 * (not computable with a zero mean). `zeroValueUnits` says how many schools have 0. Dimensionless, ≥ 0; null when the
 * county holds none of the resource.
 *
 * ### Examples
 * P = 1, 1, 2 and X = 0, 2, 2 → X̄ = 1.5, T = ¼·(4/3)·ln(4/3) + ½·(4/3)·ln(4/3) = ln(4/3) = 0.287682…
 */
export function computeTheilT(points: readonly GroupedPoint[]): ThielResult {
  const valid = usable(points);
  const zeroValueUnits = valid.filter((p) => p.value === 0).length;
  const whole = computeTheilOf(valid);
  const empty: ThielResult = {
    value: null,
    between: null,
    within: null,
    zeroValueUnits,
    unitsUsed: valid.length,
    groups: [],
  };
  if (!whole || whole.theil === null) return empty;

  const totalValue = sumWeightedValues(valid);
  const groupKeys = [...new Set(valid.map((p) => p.group))].sort();
  const groups = groupKeys.map((group) => {
    const members = valid.filter((p) => p.group === group);
    const own = computeTheilOf(members);
    return {
      group,
      units: members.length,
      weight: sumWeights(members),
      mean: own?.mean ?? null,
      theil: own?.theil ?? null,
      valueShare: sumWeightedValues(members) / totalValue,
    };
  });
  // s_g ln(X̄_g / X̄) and s_g T_g are 0 for a group with s_g = 0 (its mean is 0 too: 0·ln 0 = 0).
  const between = groups.reduce(
    (sum, g) => (g.valueShare > 0 && g.mean ? sum + g.valueShare * Math.log(g.mean / whole.mean) : sum),
    0,
  );
  const within = groups.reduce((sum, g) => (g.valueShare > 0 ? sum + g.valueShare * (g.theil ?? 0) : sum), 0);
  return { ...empty, value: whole.theil, between, within, groups };
}

/**
 * McLoone index = Σ_{X < M} P·X / (M · Σ_{X < M} P), where M is the student-weighted median: the resource the schools
 * strictly below the median have, relative to what they would have at the median. Dimensionless, in (0, 1];
 * 1 when no school is below the median. null when there are no students or the median is 0.
 */
export function computeMcLooneIndex(points: readonly WeightedPoint[]): number | null {
  const valid = usable(points);
  const median = computeWeightedPercentile(valid, 0.5);
  if (median === null || !(median > 0)) return null;
  const below = valid.filter((p) => p.value < median);
  const belowWeight = sumWeights(below);
  if (belowWeight === 0) return 1;
  return sumWeightedValues(below) / (median * belowWeight);
}

/**
 * All equity measures of one indicator: weighted mean and CV, Gini, Theil T (split by `group`), McLoone, median,
 * P5 / P95 (weighted percentiles), min, max, range = max − min (indicator unit), range ratio = max / min and
 * federal range ratio = (P95 − P5) / P5 (dimensionless; null when the denominator is ≤ 0).
 */
export function computeEquityMeasures(points: readonly GroupedPoint[]): EquityMeasures {
  const valid = usable(points);
  const stats = computeWeightedStats(valid);
  const p5 = computeWeightedPercentile(valid, 0.05);
  const p95 = computeWeightedPercentile(valid, 0.95);
  const { min, max } = stats;
  return {
    n: stats.n,
    totalWeight: stats.totalWeight,
    mean: stats.mean,
    cv: stats.cv,
    gini: computeWeightedGini(valid),
    theil: computeTheilT(valid),
    mcloone: computeMcLooneIndex(valid),
    median: computeWeightedPercentile(valid, 0.5),
    p5,
    p95,
    min,
    max,
    range: min !== null && max !== null ? max - min : null,
    rangeRatio: min !== null && max !== null && min > 0 ? max / min : null,
    federalRangeRatio: p5 !== null && p95 !== null && p5 > 0 ? (p95 - p5) / p5 : null,
  };
}
