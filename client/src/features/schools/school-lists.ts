import {
  type BalanceResponse,
  EXCLUSION_REASON_LABELS,
  type QualitySchoolResult,
  type SchoolProfileResponse,
} from '@junheng/shared';
import type { Lang } from '../../i18n/translate.ts';
import { matchesSearch } from '../../lib/text-search.ts';

export interface PickerRow {
  code: string;
  name: string;
  townshipName: string;
  locale: QualitySchoolResult['locale'] | null;
  students: number;
  metCount: number | null;
  passes: boolean | null;
  /** Why the school is not counted (special school, small teaching point, private), or null. */
  excludedReason: string | null;
}

/** Counted and excluded schools of a balance report as one list (counted first, then by name), filtered by `search`. */
export function pickerRows(report: BalanceResponse | undefined, search: string, lang: Lang = 'zh'): PickerRow[] {
  if (!report) return [];
  const townships = new Map(report.schools.map((school) => [school.townshipCode, school.townshipName]));
  const counted: PickerRow[] = report.schools.map((school) => ({
    code: school.code,
    name: school.name,
    townshipName: school.townshipName,
    locale: school.locale,
    students: school.students,
    metCount: school.metCount,
    passes: school.passes,
    excludedReason: null,
  }));
  const excluded: PickerRow[] = report.excluded.map((school) => ({
    code: school.code,
    name: school.name,
    townshipName: (school.townshipCode && townships.get(school.townshipCode)) || school.townshipCode || '—',
    locale: school.locale,
    students: school.students,
    metCount: null,
    passes: null,
    excludedReason: lang === 'zh' ? school.reasonZh : EXCLUSION_REASON_LABELS[school.reason].en,
  }));
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...counted.sort((a, b) => collator.compare(a.name, b.name)), ...excluded].filter((row) =>
    matchesSearch(row, search),
  );
}

/**
 * Schools that can still be added, matching the search: those of the same township first, then of the same locale
 * class, then the rest (the comparisons an analyst usually makes), each group by name.
 */
export function rankCandidates<S extends { code: string; name: string; townshipCode: string; locale: string }>(
  schools: readonly S[],
  profile: Pick<SchoolProfileResponse, 'school'>,
  compare: readonly string[],
  search: string,
): S[] {
  const taken = new Set([profile.school.code, ...compare]);
  const closeness = (school: S) =>
    school.townshipCode === profile.school.townshipCode ? 0 : school.locale === profile.school.locale ? 1 : 2;
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return schools
    .filter((school) => !taken.has(school.code) && matchesSearch(school, search))
    .sort((a, b) => closeness(a) - closeness(b) || collator.compare(a.name, b.name));
}
