import { computeWeightedCv, computeWeightedMean, computeWeightedSd, STAGE_WEIGHTS } from '@junheng/shared';

/**
 * The numbers of the Method page's worked examples, computed from their inputs rather than typed in, so the page
 * cannot disagree with the formula it explains (and the tests pin them to the published values of METHOD.md §4, §5).
 */

/** The published five-school example (primary schools, books per student): METHOD.md §4. */
export const GOLDEN_EXAMPLE = {
  students: [45, 37, 89, 76, 55],
  books: [279, 137, 935, 160, 402],
} as const;

export interface WorkedRow {
  /** 1-based school number. */
  index: number;
  /** Pᵢ */
  students: number;
  books: number;
  /** Xᵢ = books / Pᵢ */
  value: number;
  /** wᵢ = Pᵢ / ΣP */
  weight: number;
  /** wᵢ · Xᵢ */
  weightedValue: number;
  /** (Xᵢ − X̄)² */
  squaredDeviation: number;
  /** wᵢ · (Xᵢ − X̄)² */
  weightedSquaredDeviation: number;
  /** cᵢ = wᵢ (Xᵢ − X̄)² / X̄², the school's part of CV² (METHOD.md §7). */
  contribution: number;
}

export interface WorkedExample {
  rows: WorkedRow[];
  totalStudents: number;
  totalBooks: number;
  /** X̄ = Σ Pᵢ Xᵢ / Σ Pᵢ */
  mean: number;
  /** S² = Σ wᵢ (Xᵢ − X̄)² */
  variance: number;
  sd: number;
  cv: number;
  /** The two wrong answers an unweighted CV gives (population and sample form). */
  unweightedPopulationCv: number;
  unweightedSampleCv: number;
}

/**
 * Student-weighted CV, population form (METHOD.md §4), with every intermediate column an inspector checks by hand.
 *
 * ### Examples
 * `computeWorkedExample([45, 37, 89, 76, 55], [279, 137, 935, 160, 402])` → mean 6.334437, sd 3.263861, cv 0.515257.
 */
export function computeWorkedExample(students: readonly number[], books: readonly number[]): WorkedExample {
  if (students.length !== books.length || students.length === 0) {
    throw new Error('computeWorkedExample needs one book count per school, and at least one school');
  }
  const totalStudents = students.reduce((sum, value) => sum + value, 0);
  const totalBooks = books.reduce((sum, value) => sum + value, 0);
  const values = students.map((count, index) => (books[index] ?? 0) / count);
  // The headline figures come from the engine's own weighted statistics; the columns only show the steps.
  const points = values.map((value, index) => ({ weight: students[index] ?? 0, value }));
  const mean = computeWeightedMean(points) ?? Number.NaN;
  const sd = computeWeightedSd(points) ?? Number.NaN;
  const rows = values.map((value, index) => {
    const count = students[index] ?? 0;
    const weight = count / totalStudents;
    const squaredDeviation = (value - mean) ** 2;
    return {
      index: index + 1,
      students: count,
      books: books[index] ?? 0,
      value,
      weight,
      weightedValue: weight * value,
      squaredDeviation,
      weightedSquaredDeviation: weight * squaredDeviation,
      contribution: (weight * squaredDeviation) / mean ** 2,
    };
  });
  const variance = sd ** 2;

  const n = values.length;
  const plainMean = values.reduce((sum, value) => sum + value, 0) / n;
  const plainSquares = values.reduce((sum, value) => sum + (value - plainMean) ** 2, 0);
  return {
    rows,
    totalStudents,
    totalBooks,
    mean,
    variance,
    sd,
    cv: computeWeightedCv(points) ?? Number.NaN,
    unweightedPopulationCv: Math.sqrt(plainSquares / n) / plainMean,
    unweightedSampleCv: n > 1 ? Math.sqrt(plainSquares / (n - 1)) / plainMean : Number.NaN,
  };
}

/** The nine-year school example of METHOD.md §5: 166 primary and 210 junior students share 23 226 books. */
export const STAGE_SPLIT_EXAMPLE = {
  total: 23226,
  primary: 166,
  junior: 210,
  juniorWeight: STAGE_WEIGHTS.nine_year.junior,
} as const;

export interface StageSplit {
  weightedStudents: number;
  perWeightedStudent: number;
  primaryPart: number;
  juniorPart: number;
}

/**
 * A shared asset split between the primary and junior parts of a nine-year school by weighted students
 * (小学 : 初中 = 1 : 1.1): per weighted student = total / (primary + 1.1 × junior).
 */
export function splitSharedAsset(total: number, primary: number, junior: number, juniorWeight: number): StageSplit {
  const weightedStudents = primary + juniorWeight * junior;
  const perWeightedStudent = total / weightedStudents;
  return {
    weightedStudents,
    perWeightedStudent,
    primaryPart: perWeightedStudent * primary,
    juniorPart: perWeightedStudent * juniorWeight * junior,
  };
}
