import { LOCALES, QUALITY_INDICATOR_KEYS, type QualitySchoolResult } from '@junheng/shared';
import type { SortOrder } from '../../county-view/view-params.ts';

export const COMPLIANCE_SORT_COLUMNS = [
  'name',
  'township',
  'locale',
  'students',
  ...QUALITY_INDICATOR_KEYS,
  'metCount',
  'passes',
] as const;
export type ComplianceSortColumn = (typeof COMPLIANCE_SORT_COLUMNS)[number];

/** Failing schools first: what the analyst opens this view for. */
export const DEFAULT_COMPLIANCE_SORT: { column: ComplianceSortColumn; order: SortOrder } = {
  column: 'passes',
  order: 'asc',
};

export function parseComplianceSort(
  column: string | null,
  order: SortOrder | null,
): { column: ComplianceSortColumn; order: SortOrder } {
  const known = (COMPLIANCE_SORT_COLUMNS as readonly string[]).includes(column ?? '');
  if (!known) return DEFAULT_COMPLIANCE_SORT;
  return { column: column as ComplianceSortColumn, order: order ?? 'asc' };
}

type SortableSchool = Pick<
  QualitySchoolResult,
  'code' | 'name' | 'townshipCode' | 'townshipName' | 'locale' | 'students' | 'values' | 'metCount' | 'passes'
>;

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compareNullable(a: number | null | undefined, b: number | null | undefined): number | null {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing && bMissing) return 0;
  // Missing values go last whatever the order; signalled by null so the caller does not flip it.
  if (aMissing || bMissing) return null;
  return a - b;
}

/**
 * Schools sorted by a table column. Missing values always sort last; ties fall back to the met count (fewest first)
 * and then the name, so the order is stable across reloads.
 */
export function sortComplianceSchools<S extends SortableSchool>(
  schools: readonly S[],
  column: ComplianceSortColumn,
  order: SortOrder,
): S[] {
  const sign = order === 'asc' ? 1 : -1;
  const tieBreak = (a: S, b: S) => a.metCount - b.metCount || collator.compare(a.name, b.name);
  return [...schools].sort((a, b) => {
    let primary: number | null;
    switch (column) {
      case 'name':
        primary = collator.compare(a.name, b.name);
        break;
      case 'township':
        primary = a.townshipCode.localeCompare(b.townshipCode);
        break;
      case 'locale':
        primary = LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale);
        break;
      case 'students':
        primary = a.students - b.students;
        break;
      case 'metCount':
        primary = a.metCount - b.metCount;
        break;
      case 'passes':
        primary = Number(a.passes) - Number(b.passes);
        break;
      default:
        primary = compareNullable(a.values[column], b.values[column]);
        if (primary === null) return a.values[column] === null || a.values[column] === undefined ? 1 : -1;
    }
    return sign * primary || tieBreak(a, b);
  });
}
