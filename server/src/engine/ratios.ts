/**
 * The ratios several reports show, defined once (issue #11): a value against the county mean, and one mean against
 * another (城区 ÷ 乡村). "Not computable" is null, never NaN or Infinity.
 */

/** numerator ÷ denominator, or null when either is missing or the denominator is not positive. */
export function computeRatioOrNull(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || !(denominator > 0) ? null : numerator / denominator;
}

/** A school's value relative to the county's weighted mean (1 = at the mean); null without a value or a mean. */
export function computeRelativeToMean(value: number | null, mean: number | null): number | null {
  return value === null || !mean ? null : value / mean;
}
