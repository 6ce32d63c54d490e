import { LOCALES, type RotationSchool } from '@junheng/shared';
import type { SortOrder } from '../../county-view/view-params.ts';

export const ROTATION_SORT_COLUMNS = [
  'name',
  'township',
  'locale',
  'eligible',
  'out',
  'in',
  'backboneOut',
  'backboneIn',
  'net',
] as const;
export type RotationSortColumn = (typeof ROTATION_SORT_COLUMNS)[number];

/** Schools that sent most teachers first: where the rotations come from. */
export const DEFAULT_ROTATION_SORT: { column: RotationSortColumn; order: SortOrder } = { column: 'out', order: 'desc' };

/** The URL's `sort` and `order`, when they name a column of this table; the default otherwise. */
export function parseRotationSort(
  column: string | null,
  order: SortOrder | null,
): { column: RotationSortColumn; order: SortOrder } {
  if (!(ROTATION_SORT_COLUMNS as readonly string[]).includes(column ?? '')) return DEFAULT_ROTATION_SORT;
  return { column: column as RotationSortColumn, order: order ?? 'desc' };
}

/** The order after clicking a column header: a new column starts descending (largest first), the same one flips. */
export function nextRotationSort(
  current: { column: RotationSortColumn; order: SortOrder },
  clicked: RotationSortColumn,
): { column: RotationSortColumn; order: SortOrder } {
  if (current.column !== clicked)
    return { column: clicked, order: clicked === 'name' || clicked === 'township' ? 'asc' : 'desc' };
  return { column: clicked, order: current.order === 'asc' ? 'desc' : 'asc' };
}

export type SortableRotationSchool = Pick<
  RotationSchool,
  'code' | 'name' | 'townshipCode' | 'locale' | 'eligible' | 'out' | 'in' | 'backboneOut' | 'backboneIn'
>;

/** Teachers received minus teachers sent: positive for a school that gained teachers through rotation. */
export function netRotation(school: Pick<RotationSchool, 'in' | 'out'>): number {
  return school.in - school.out;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Schools sorted by a column; ties by the school code, so the order is the same after a reload. */
export function sortRotationSchools<S extends SortableRotationSchool>(
  schools: readonly S[],
  column: RotationSortColumn,
  order: SortOrder,
): S[] {
  const sign = order === 'asc' ? 1 : -1;
  const value = (school: S): number | string => {
    switch (column) {
      case 'name':
        return school.name;
      case 'township':
        return school.townshipCode;
      case 'locale':
        return LOCALES.indexOf(school.locale);
      case 'net':
        return netRotation(school);
      default:
        return school[column];
    }
  };
  return [...schools].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    const primary =
      typeof left === 'string' && typeof right === 'string'
        ? collator.compare(left, right)
        : Number(left) - Number(right);
    return sign * primary || a.code.localeCompare(b.code);
  });
}
