import type { EquityReport, IndicatorKey, Stage, StageUnit, UnitGrouping } from '@junheng/shared';
import { computeEquityMeasures, QUALITY_INDICATOR_KEYS } from '@junheng/shared';
import { findGroupKey } from './decomposition.ts';
import { computeIndicatorValue } from './indicators.ts';

/**
 * Student-weighted equity measures (METHOD.md §7: Gini, Theil T split by `grouping`, McLoone, range ratios) for each
 * indicator over one stage's units. See computeEquityMeasures for the definitions and units.
 */
export function computeEquityReport(
  units: readonly StageUnit[],
  stage: Stage,
  grouping: UnitGrouping = 'locale',
  keys: readonly IndicatorKey[] = QUALITY_INDICATOR_KEYS,
): EquityReport {
  const ofStage = units.filter((unit) => unit.stage === stage);
  return {
    stage,
    groupBy: grouping,
    indicators: keys.map((key) => {
      const points = ofStage.flatMap((unit) => {
        const value = computeIndicatorValue(unit, key);
        return value === null ? [] : [{ weight: unit.students, value, group: findGroupKey(unit, grouping) }];
      });
      return { key, ...computeEquityMeasures(points) };
    }),
  };
}
