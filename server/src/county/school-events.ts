import type { Database } from '@junheng/db';
import {
  SCHOOL_TYPE_LABELS,
  type SchoolEvent,
  type SchoolEventRow,
  type SchoolRow,
  type SchoolType,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { inSchoolScope, type SchoolScope } from '../db-helpers.ts';

/**
 * Recorded changes of school identity (issue #13) as the trends and the school profile show them: each with the
 * school's name in the year of the event and readable old/new values. Scoped: only events of schools in the scope;
 * a merge target outside it has no name (shown as 区域外).
 */

/** Events of the scope's schools, oldest first, with the township names their township changes refer to. */
export async function findSchoolEvents(
  db: Kysely<Database>,
  scope: SchoolScope,
  years?: { from: number; to: number },
): Promise<{ events: SchoolEventRow[]; townshipNames: Map<string, string> }> {
  let query = db
    .selectFrom('school_event as e')
    .innerJoin('school', 'school.code', 'e.school_code')
    .select(['e.school_code', 'e.year', 'e.kind', 'e.old_value', 'e.new_value', 'e.target_school_code'])
    .where(inSchoolScope(scope))
    .orderBy('e.year')
    .orderBy('e.school_code')
    .orderBy('e.kind');
  if (years) query = query.where('e.year', '>=', years.from).where('e.year', '<=', years.to);
  const rows = await query.execute();
  const events = rows.map(
    (r): SchoolEventRow => ({
      schoolCode: r.school_code,
      year: r.year,
      kind: r.kind,
      oldValue: r.old_value,
      newValue: r.new_value,
      targetSchoolCode: r.target_school_code,
    }),
  );
  const townships = [
    ...new Set(events.filter((e) => e.kind === 'township_changed').flatMap((e) => [e.oldValue, e.newValue])),
  ].filter((c): c is string => c !== null);
  const townshipNames = new Map<string, string>();
  if (townships.length > 0) {
    const found = await db.selectFrom('township').select(['code', 'name']).where('code', 'in', townships).execute();
    for (const t of found) townshipNames.set(t.code.trim(), t.name);
  }
  return { events, townshipNames };
}

/** Renames of one school, oldest first. */
function renamesOf(events: readonly SchoolEventRow[], code: string): SchoolEventRow[] {
  return events.filter((e) => e.schoolCode === code && e.kind === 'renamed').sort((a, b) => a.year - b.year);
}

/**
 * The school's name in a year: the new name of the latest rename taking effect by then, else the old name of the
 * first rename (the name before any recorded change), else its current name.
 */
export function nameInYear(currentName: string, renames: readonly SchoolEventRow[], year: number): string {
  const sorted = [...renames].sort((a, b) => a.year - b.year);
  const last = sorted.filter((e) => e.year <= year).at(-1);
  if (last?.newValue) return last.newValue;
  const first = sorted[0];
  if (first && first.year > year && first.oldValue) return first.oldValue;
  return currentName;
}

/** The names a school had before its current one, each with the last year it was used (oldest first). */
export function formerNames(
  currentName: string,
  renames: readonly SchoolEventRow[],
): { name: string; until: number }[] {
  return [...renames]
    .sort((a, b) => a.year - b.year)
    .filter((e) => e.oldValue !== null && e.oldValue !== currentName)
    .map((e) => ({ name: e.oldValue as string, until: e.year - 1 }));
}

function valueLabel(event: SchoolEventRow, value: string | null, townshipNames: ReadonlyMap<string, string>) {
  if (value === null) return null;
  if (event.kind === 'type_changed') return SCHOOL_TYPE_LABELS[value as SchoolType]?.zh ?? value;
  if (event.kind === 'township_changed') return townshipNames.get(value) ?? value;
  return value;
}

/** Events ready to show: the school's name in the event's year (before a rename: the old name), the target's name. */
export function describeSchoolEvents(
  events: readonly SchoolEventRow[],
  schools: readonly Pick<SchoolRow, 'schoolCode' | 'schoolName'>[],
  townshipNames: ReadonlyMap<string, string> = new Map(),
): SchoolEvent[] {
  const names = new Map(schools.map((s) => [s.schoolCode, s.schoolName] as const));
  return events.map((e) => {
    const current = names.get(e.schoolCode) ?? e.schoolCode;
    const renames = renamesOf(events, e.schoolCode);
    const schoolName = e.kind === 'renamed' && e.oldValue ? e.oldValue : nameInYear(current, renames, e.year);
    const target = e.targetSchoolCode;
    return {
      ...e,
      schoolName,
      targetSchoolName:
        target === null
          ? null
          : names.has(target)
            ? nameInYear(names.get(target) as string, renamesOf(events, target), e.year)
            : null,
      oldLabel: valueLabel(e, e.oldValue, townshipNames),
      newLabel: valueLabel(e, e.newValue, townshipNames),
    };
  });
}
