import { can, type Permission, type Role } from '@junheng/shared';
import { SCHOOL_FILTER_NAMES } from '../county-view/school-filter.ts';
import type { MessageKey } from '../i18n/dictionary.ts';

export interface NavItem {
  /** Link target; for the school profile, the list it starts from. */
  to: string;
  label: MessageKey;
  /** NavLink `end`: `/` is active only on itself. */
  end?: boolean;
  /** Shown only to roles with this permission (the server refuses the others anyway). */
  permission?: Permission;
  /** Shown only to users who see more than one county (多县对比). */
  multiCounty?: boolean;
}

/** The views, in the order analysts work through them (ARCHITECTURE.md, views and exports), then administration. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.overview', end: true },
  { to: '/scorecard', label: 'nav.scorecard' },
  { to: '/compliance', label: 'nav.compliance' },
  { to: '/balance', label: 'nav.balance' },
  { to: '/urban-rural', label: 'nav.urbanRural' },
  { to: '/rotation', label: 'nav.teacherExchange' },
  { to: '/class-size', label: 'nav.classSize' },
  { to: '/rankings', label: 'nav.rankings' },
  { to: '/counties', label: 'nav.counties', multiCounty: true },
  { to: '/schools', label: 'nav.school' },
  { to: '/improve', label: 'nav.improve' },
  { to: '/data', label: 'nav.data' },
  { to: '/method', label: 'nav.method' },
  { to: '/admin', label: 'nav.admin', permission: 'manageUsers' },
];

/**
 * The items the signed-in role may use; before the user is known, only the items everyone may use. The county
 * comparison only for someone who sees several counties (`counties`: how many the user sees, once known).
 */
export function visibleNavItems(items: readonly NavItem[], role: Role | undefined, counties = 0): NavItem[] {
  return items.filter(
    (item) =>
      (!item.permission || (role !== undefined && can(role, item.permission))) && (!item.multiCounty || counties > 1),
  );
}

/**
 * Search parameters that describe the analyst's context rather than one view, carried along when switching views so
 * the county, year and filters stay put.
 */
export const CARRIED_SEARCH_PARAMS: readonly string[] = ['district', 'year', 'stage', ...SCHOOL_FILTER_NAMES, 'lang'];

export function carrySearch(search: string): string {
  const current = new URLSearchParams(search);
  const next = new URLSearchParams();
  for (const key of CARRIED_SEARCH_PARAMS) {
    const value = current.get(key);
    if (value) next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}
