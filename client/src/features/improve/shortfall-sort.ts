import { QUALITY_INDICATOR_KEYS, type ShortfallRow } from '@junheng/shared';
import type { SortOrder } from '../../county-view/view-params.ts';

export const SHORTFALL_SORT_COLUMNS = ['name', 'township', 'students', 'key', 'value', 'shortfall'] as const;
export type ShortfallSortColumn = (typeof SHORTFALL_SORT_COLUMNS)[number];

/** By school, then indicator in the official order: the order of the API's rows and its CSV. */
export const DEFAULT_SHORTFALL_SORT: { column: ShortfallSortColumn; order: SortOrder } = {
  column: 'name',
  order: 'asc',
};

export function parseShortfallSort(
  column: string | null,
  order: SortOrder | null,
): { column: ShortfallSortColumn; order: SortOrder } {
  if (!(SHORTFALL_SORT_COLUMNS as readonly string[]).includes(column ?? '')) return DEFAULT_SHORTFALL_SORT;
  return { column: column as ShortfallSortColumn, order: order ?? 'asc' };
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
const keyOrder = (key: ShortfallRow['key']) => QUALITY_INDICATOR_KEYS.indexOf(key);

/** Share of the threshold reached (the `value` column sorts by how far below the line a school is). */
export function shortfallRatio(row: Pick<ShortfallRow, 'value' | 'threshold'>): number | null {
  return row.value === null || row.threshold <= 0 ? null : row.value / row.threshold;
}

/**
 * Shortfall rows sorted by a column. Missing values go last whatever the order; ties fall back to the school name and
 * the indicator's official position, so the order is stable.
 */
export function sortShortfallRows<R extends ShortfallRow>(
  rows: readonly R[],
  column: ShortfallSortColumn,
  order: SortOrder,
): R[] {
  const sign = order === 'asc' ? 1 : -1;
  const tieBreak = (a: R, b: R) => collator.compare(a.name, b.name) || keyOrder(a.key) - keyOrder(b.key);
  return [...rows].sort((a, b) => {
    let primary: number;
    switch (column) {
      case 'name':
        primary = collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
        break;
      case 'township':
        primary = collator.compare(a.townshipName, b.townshipName);
        break;
      case 'students':
        primary = a.students - b.students;
        break;
      case 'key':
        primary = keyOrder(a.key) - keyOrder(b.key);
        break;
      case 'value': {
        const ra = shortfallRatio(a);
        const rb = shortfallRatio(b);
        if (ra === null || rb === null) {
          if (ra === rb) return tieBreak(a, b);
          return ra === null ? 1 : -1;
        }
        primary = ra - rb;
        break;
      }
      case 'shortfall':
        // Different units: within one indicator by amount, otherwise by indicator first.
        primary = a.key === b.key ? a.shortfall - b.shortfall : keyOrder(a.key) - keyOrder(b.key);
        break;
    }
    return primary * sign || tieBreak(a, b);
  });
}
