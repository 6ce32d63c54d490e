import {
  type DecompositionRow,
  type IndicatorKey,
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
} from '@junheng/shared';
import { isQualityIndicator } from '../../lib/indicators.ts';

/**
 * The indicator the view opens on: the one in the URL when it is one of the seven, else the one with the largest
 * between-class part of CV² (where the urban–rural gap weighs most), else the first.
 */
export function defaultUrbanRuralIndicator(
  requested: IndicatorKey | null,
  decomposition: readonly Pick<DecompositionRow, 'key' | 'between'>[] | undefined,
): QualityIndicatorKey {
  if (requested && isQualityIndicator(requested)) return requested;
  let best: { key: QualityIndicatorKey; between: number } | null = null;
  for (const row of decomposition ?? []) {
    if (row.between !== null && (best === null || row.between > best.between))
      best = { key: row.key, between: row.between };
  }
  return best?.key ?? QUALITY_INDICATOR_KEYS[0];
}
