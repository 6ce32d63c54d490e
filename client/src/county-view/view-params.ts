import {
  type IndicatorKey,
  IndicatorKeySchema,
  LOCALES,
  SchoolCodeSchema,
  SchoolFilterQuerySchema,
  STAGES,
  type Stage,
  StageParamSchema,
  TownshipCodeSchema,
  YearParamSchema,
} from '@junheng/shared';
import { z } from 'zod';
import { noSchoolFilter, type SchoolFilter } from './school-filter.ts';

/**
 * Everything a dashboard view shows is decided by the URL: `?year=2025&stage=junior&township=330999001,330999101
 * &locale=rural&group=白云学区&includePrivate=false&indicator=sports_area_per_student&sort=metCount&order=desc
 * &school=2133990101`. Parsing reuses the shared query schemas (the same ones the server validates with), but is
 * lenient: a bad value falls back to its default instead of breaking a pasted link, and a bad item of a list is
 * dropped while the good ones stay.
 */
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The school filters (`township`: sorted, unique 9-digit codes, empty = the whole county) and the view state. */
export interface ViewParams extends SchoolFilter {
  /** null = the county's latest year with data. */
  year: number | null;
  stage: Stage;
  /** The indicator a view focuses on (rankings); null = the view's default. */
  indicator: IndicatorKey | null;
  /** Column a table is sorted by; each view validates it against its own columns. */
  sort: string | null;
  order: SortOrder | null;
  /** The school last opened or highlighted. */
  school: string | null;
}

export type ViewParamName = keyof ViewParams;

export const DEFAULT_VIEW_PARAMS: Readonly<ViewParams> = Object.freeze({
  year: null,
  stage: STAGES[0],
  ...noSchoolFilter(),
  indicator: null,
  sort: null,
  order: null,
  school: null,
});

const SortColumnSchema = z.string().regex(/^[A-Za-z_]{1,40}$/);
const SortOrderSchema = z.enum(SORT_ORDERS);
const includePrivateSchema = SchoolFilterQuerySchema.shape.includePrivate;

function parseOr<T>(schema: z.ZodType<T>, raw: string | null, fallback: T): T {
  if (raw === null) return fallback;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

/** `a,b,,bad,a` → the valid items, unique and sorted (so equal selections give equal URLs and query keys). */
function parseList<T extends string>(item: z.ZodType<T>, raw: string | null): T[] {
  if (!raw) return [];
  const items = new Set<T>();
  for (const part of raw.split(',')) {
    const parsed = item.safeParse(part.trim());
    if (parsed.success) items.add(parsed.data);
  }
  return [...items].sort();
}

const LocaleSchema = z.enum(LOCALES);
const GroupSchema = z.string().min(1).max(60);

export function parseViewParams(search: URLSearchParams): ViewParams {
  const locales = parseList(LocaleSchema, search.get('locale'));
  return {
    year: parseOr(YearParamSchema.nullable(), search.get('year'), null),
    stage: parseOr(StageParamSchema, search.get('stage'), DEFAULT_VIEW_PARAMS.stage),
    township: parseList(TownshipCodeSchema, search.get('township')),
    // Keep the official order 城区, 镇区, 乡村 rather than alphabetical.
    locale: LOCALES.filter((locale) => locales.includes(locale)),
    group: parseList(GroupSchema, search.get('group')),
    includePrivate: parseOr(includePrivateSchema, search.get('includePrivate'), true),
    indicator: parseOr(IndicatorKeySchema.nullable(), search.get('indicator'), null),
    sort: parseOr(SortColumnSchema.nullable(), search.get('sort'), null),
    order: parseOr(SortOrderSchema.nullable(), search.get('order'), null),
    school: parseOr(SchoolCodeSchema.nullable(), search.get('school'), null),
  };
}

function isDefault<K extends ViewParamName>(name: K, value: ViewParams[K]): boolean {
  const fallback = DEFAULT_VIEW_PARAMS[name];
  if (Array.isArray(value)) return value.length === 0;
  return value === fallback;
}

function serialize(value: ViewParams[ViewParamName]): string {
  if (Array.isArray(value)) return [...value].sort().join(',');
  return String(value);
}

/**
 * A copy of `search` with `patch` applied; every other parameter (district, lang, other views' state) is kept. A value
 * equal to its default is removed, so links stay short and one view has one URL.
 */
export function writeViewParams(search: URLSearchParams, patch: Partial<ViewParams>): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const name of Object.keys(patch) as ViewParamName[]) {
    const value = patch[name];
    if (value === undefined) continue;
    if (isDefault(name, value)) next.delete(name);
    else if (name === 'locale' && Array.isArray(value)) {
      next.set(name, LOCALES.filter((locale) => (value as string[]).includes(locale)).join(','));
    } else next.set(name, serialize(value));
  }
  return next;
}

/** The patch that clears every school filter. */
export const CLEARED_FILTERS: Partial<ViewParams> = Object.freeze(noSchoolFilter());
