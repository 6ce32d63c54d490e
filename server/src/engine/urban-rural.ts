import type {
  DecompositionRow,
  LocaleGroup,
  LocaleRatio,
  QualityIndicatorKey,
  Stage,
  StageUnit,
  TownshipComparison,
  UnitGrouping,
  UrbanRuralReport,
} from '@junheng/shared';
import { computeWeightedMean, LOCALE_LABELS, LOCALES, QUALITY_INDICATOR_KEYS } from '@junheng/shared';
import { decomposeIndicatorCv } from './decomposition.ts';
import { computeIndicatorValue } from './indicators.ts';
import { collectIndicatorPoints } from './quality.ts';
import { computeRatioOrNull } from './ratios.ts';

/**
 * Student-weighted mean of each 2017 indicator over a set of units: X̄ = Σ P·X / Σ P (the ratio of the group's
 * totals), in the indicator's unit. null for an indicator when the set has no students.
 */
export function computeQualityMeans(units: readonly StageUnit[]): Record<QualityIndicatorKey, number | null> {
  return Object.fromEntries(
    QUALITY_INDICATOR_KEYS.map((key) => [
      key,
      computeWeightedMean(collectIndicatorPoints(units, (unit) => computeIndicatorValue(unit, key))),
    ]),
  ) as Record<QualityIndicatorKey, number | null>;
}

function countStudents(units: readonly StageUnit[]): number {
  return units.reduce((sum, unit) => sum + unit.students, 0);
}

/** CV decomposition rows (cv, within, between and their shares) of the seven indicators for one grouping. */
export function computeDecompositionRows(
  units: readonly StageUnit[],
  stage: Stage,
  grouping: UnitGrouping,
): DecompositionRow[] {
  return QUALITY_INDICATOR_KEYS.map((key) => {
    const result = decomposeIndicatorCv(units, stage, key, grouping);
    return {
      key,
      cv: result.cv,
      within: result.within,
      between: result.between,
      withinShare: result.withinShare,
      betweenShare: result.betweenShare,
    };
  });
}

/**
 * Urban–town–rural comparison of one stage (METHOD.md §6, §5 urban-rural): per locale class the schools, students and
 * student-weighted mean of each indicator; urban ÷ rural and town ÷ rural ratios of the means (null when the rural
 * mean is 0 or missing); and the CV decomposition by locale (betweenShare = the share of CV² that is the gap between
 * the classes). All three classes are always listed. `townshipCodes` restricts everything to a township set.
 */
export function computeUrbanRuralReport(
  units: readonly StageUnit[],
  stage: Stage,
  townshipCodes: readonly string[] | null = null,
): UrbanRuralReport {
  const selected = units.filter(
    (unit) => unit.stage === stage && (townshipCodes === null || townshipCodes.includes(unit.townshipCode)),
  );
  const groups: LocaleGroup[] = LOCALES.map((locale) => {
    const members = selected.filter((unit) => unit.locale === locale);
    return {
      locale,
      zh: LOCALE_LABELS[locale].zh,
      schools: members.length,
      students: countStudents(members),
      means: computeQualityMeans(members),
    };
  });
  const meanOf = (locale: string, key: QualityIndicatorKey) =>
    groups.find((group) => group.locale === locale)?.means[key] ?? null;
  const ratios: LocaleRatio[] = QUALITY_INDICATOR_KEYS.map((key) => ({
    key,
    urbanMean: meanOf('urban', key),
    townMean: meanOf('town', key),
    ruralMean: meanOf('rural', key),
    urbanToRural: computeRatioOrNull(meanOf('urban', key), meanOf('rural', key)),
    townToRural: computeRatioOrNull(meanOf('town', key), meanOf('rural', key)),
  }));
  return {
    stage,
    townshipCodes: townshipCodes === null ? null : [...townshipCodes],
    groups,
    ratios,
    decomposition: computeDecompositionRows(selected, stage, 'locale'),
  };
}

/**
 * Township comparison of one stage: per township (乡镇/街道) the schools, students and weighted means, and the CV
 * decomposition by township. `townshipCodes` restricts it to a township set (null = every township).
 */
export function computeTownshipComparison(
  units: readonly StageUnit[],
  stage: Stage,
  townshipCodes: readonly string[] | null = null,
): TownshipComparison {
  const selected = units.filter(
    (unit) => unit.stage === stage && (townshipCodes === null || townshipCodes.includes(unit.townshipCode)),
  );
  const codes = [...new Set(selected.map((unit) => unit.townshipCode))].sort();
  return {
    stage,
    groups: codes.map((townshipCode) => {
      const members = selected.filter((unit) => unit.townshipCode === townshipCode);
      return {
        townshipCode,
        townshipName: members[0]?.townshipName ?? townshipCode,
        schools: members.length,
        students: countStudents(members),
        means: computeQualityMeans(members),
      };
    }),
    decomposition: computeDecompositionRows(selected, stage, 'township'),
  };
}
