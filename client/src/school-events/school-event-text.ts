import { SCHOOL_EVENT_KIND_LABELS, SCHOOL_TYPE_LABELS, type SchoolEvent, type SchoolType } from '@junheng/shared';
import { type Lang, translate } from '../i18n/translate.ts';

/** One line per recorded change of a school (issue #13), in the names of that year. */
export function schoolEventText(event: SchoolEvent, lang: Lang): string {
  const school = event.schoolName;
  const typeLabel = (value: string | null, label: string | null) =>
    value === null ? '—' : lang === 'zh' ? (label ?? value) : (SCHOOL_TYPE_LABELS[value as SchoolType]?.en ?? value);
  switch (event.kind) {
    case 'renamed':
      return translate(lang, 'schoolEvents.renamed', { old: event.oldLabel ?? school, new: event.newLabel ?? '' });
    case 'type_changed':
      return translate(lang, 'schoolEvents.typeChanged', {
        school,
        old: typeLabel(event.oldValue, event.oldLabel),
        new: typeLabel(event.newValue, event.newLabel),
      });
    case 'township_changed':
      return translate(lang, 'schoolEvents.townshipChanged', {
        school,
        old: event.oldLabel ?? '—',
        new: event.newLabel ?? '—',
      });
    case 'merged_into':
      return translate(lang, 'schoolEvents.mergedInto', {
        school,
        target: event.targetSchoolName ?? translate(lang, 'schoolEvents.outsideArea'),
      });
    case 'closed':
      return translate(lang, 'schoolEvents.closed', { school });
    case 'opened':
      return translate(lang, 'schoolEvents.opened', { school });
  }
}

export function schoolEventKindLabel(event: Pick<SchoolEvent, 'kind'>, lang: Lang): string {
  return SCHOOL_EVENT_KIND_LABELS[event.kind][lang];
}

/** Events per year, oldest first: the markers of the trends chart. */
export function schoolEventsByYear(events: readonly Pick<SchoolEvent, 'year'>[]): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const e of events) counts.set(e.year, (counts.get(e.year) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}

/**
 * A school's name in a year, from its recorded renames (the same rule as the server's): the new name of the latest
 * rename by then, else the old name of the first rename after it, else the current name.
 */
export function nameInYearOf(
  currentName: string,
  events: readonly Pick<SchoolEvent, 'schoolCode' | 'kind' | 'year' | 'oldValue' | 'newValue'>[],
  schoolCode: string,
  year: number,
): string {
  const renames = events
    .filter((e) => e.schoolCode === schoolCode && e.kind === 'renamed')
    .sort((a, b) => a.year - b.year);
  const last = renames.filter((e) => e.year <= year).at(-1);
  if (last?.newValue) return last.newValue;
  const first = renames[0];
  if (first && first.year > year && first.oldValue) return first.oldValue;
  return currentName;
}
