import { LOCALE_LABELS, LOCALES, type Locale } from '@junheng/shared';
import type { Lang } from '../i18n/translate.ts';
import type { SchoolFilter } from './school-filter.ts';

/** The part of a balance report the filter options come from (schools counted and schools excluded). */
export interface FilterOptionSource {
  schools: readonly {
    code: string;
    townshipCode: string;
    townshipName: string;
    locale: Locale;
    groupName: string | null;
  }[];
  excluded: readonly { code: string; townshipCode: string | null; locale: Locale | null; groupName: string | null }[];
}

export interface TownshipOption {
  code: string;
  name: string;
  /** Schools of the county-year in this township (counted and excluded; a nine-year school counts once). */
  schools: number;
}

export interface FilterOptions {
  townships: TownshipOption[];
  locales: Locale[];
  groups: string[];
}

/**
 * The choices of the filter bar, from unfiltered reports of the county-year (one per stage): every township, locale
 * class and school group that has a school. No route lists townships, so they come from the schools themselves; a
 * township known only from an excluded school is listed under its code.
 */
export function deriveFilterOptions(sources: readonly FilterOptionSource[]): FilterOptions {
  const townships = new Map<string, TownshipOption>();
  const locales = new Set<Locale>();
  const groups = new Set<string>();
  const seen = new Set<string>();
  const count = (school: string, code: string, name: string | null) => {
    const existing = townships.get(code);
    const isNew = !seen.has(school);
    seen.add(school);
    if (existing) {
      if (isNew) existing.schools += 1;
      if (name && existing.name === existing.code) existing.name = name;
    } else townships.set(code, { code, name: name || code, schools: 1 });
  };
  for (const source of sources) {
    for (const school of source.schools) {
      count(school.code, school.townshipCode, school.townshipName);
      locales.add(school.locale);
      if (school.groupName) groups.add(school.groupName);
    }
    for (const school of source.excluded) {
      if (school.townshipCode) count(school.code, school.townshipCode, null);
      if (school.locale) locales.add(school.locale);
      if (school.groupName) groups.add(school.groupName);
    }
  }
  return {
    townships: [...townships.values()].sort((a, b) => a.code.localeCompare(b.code)),
    locales: LOCALES.filter((locale) => locales.has(locale)),
    groups: [...groups].sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}

/** A view's school filters in words, each in the page's language (empty lists = not filtered). */
export interface SchoolFilterNames {
  townships: string[];
  locales: string[];
  groups: string[];
  privateExcluded: boolean;
}

/** Township names (from the filter options; the code while they load), class labels, group names. */
export function schoolFilterNames(
  filter: SchoolFilter,
  options: Pick<FilterOptions, 'townships'>,
  lang: Lang,
): SchoolFilterNames {
  return {
    townships: filter.township.map(
      (code) => options.townships.find((township) => township.code === code)?.name ?? code,
    ),
    locales: filter.locale.map((locale) => LOCALE_LABELS[locale][lang]),
    groups: filter.group,
    privateExcluded: !filter.includePrivate,
  };
}
