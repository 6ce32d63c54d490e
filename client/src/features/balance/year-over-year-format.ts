import { formatNumber, MISSING } from '../../lib/format.ts';

/** A change with its sign (+0.012, −0.149; 0 without sign); the minus is U+2212 so columns line up. */
export function formatChange(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = formatNumber(Math.abs(value), decimals);
  if (Number(text.replace(/,/g, '')) === 0) return formatNumber(0, decimals);
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** A CV that grows is a widening gap (worse); one that shrinks, a narrowing gap (better). */
export function cvChangeClass(value: number | null | undefined, decimals = 3): string | undefined {
  if (value === null || value === undefined || formatChange(value, decimals) === formatNumber(0, decimals)) {
    return undefined;
  }
  return value > 0 ? 'change-up' : 'change-down';
}
