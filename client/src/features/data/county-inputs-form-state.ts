import type { CountyInputEntry, CountyInputKey, CountyInputsUpdate } from '@junheng/shared';

/**
 * The inputs form as text fields: ratios are typed as percentages (95 for 0.95), yes/no items as 'yes' | 'no' | ''
 * (not entered). Pure conversion both ways, and the checks made before anything is sent.
 */
export interface InputField {
  /** Percent for ratios, the number for numbers, 'yes' / 'no' for booleans; '' = not entered. */
  value: string;
  note: string;
}

export type InputFields = Partial<Record<CountyInputKey, InputField>>;

const clean = (value: number) => Number(value.toPrecision(12));

export function entryToField(entry: Pick<CountyInputEntry, 'kind' | 'value' | 'note'>): InputField {
  let value = '';
  if (typeof entry.value === 'boolean') value = entry.value ? 'yes' : 'no';
  else if (typeof entry.value === 'number')
    value = String(entry.kind === 'ratio' ? clean(entry.value * 100) : entry.value);
  return { value, note: entry.note ?? '' };
}

export function entriesToFields(entries: readonly CountyInputEntry[]): InputFields {
  const fields: InputFields = {};
  for (const entry of entries) fields[entry.key] = entryToField(entry);
  return fields;
}

export type FieldProblem = 'notANumber' | 'percentRange';

/** The value of one field as the API takes it, or the problem with it. */
export function fieldToValue(
  kind: CountyInputEntry['kind'],
  text: string,
): { ok: true; value: number | boolean | null } | { ok: false; problem: FieldProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (kind === 'boolean') return { ok: true, value: trimmed === 'yes' };
  // Accept "95%", full-width digits are not expected from a number input.
  const number = Number(trimmed.replace(/%$/, ''));
  if (!Number.isFinite(number)) return { ok: false, problem: 'notANumber' };
  if (kind === 'ratio') {
    if (number < 0 || number > 100) return { ok: false, problem: 'percentRange' };
    return { ok: true, value: clean(number / 100) };
  }
  return { ok: true, value: number };
}

/** The PUT body, or the problems by key (nothing is sent while there are any). */
export function fieldsToUpdate(
  items: readonly Pick<CountyInputEntry, 'key' | 'kind'>[],
  fields: InputFields,
): { ok: true; body: CountyInputsUpdate } | { ok: false; problems: Partial<Record<CountyInputKey, FieldProblem>> } {
  const values: Partial<Record<CountyInputKey, number | boolean | null>> = {};
  const notes: Partial<Record<CountyInputKey, string>> = {};
  const problems: Partial<Record<CountyInputKey, FieldProblem>> = {};
  for (const item of items) {
    const field = fields[item.key];
    if (!field) continue;
    const parsed = fieldToValue(item.kind, field.value);
    if (!parsed.ok) problems[item.key] = parsed.problem;
    else if (parsed.value !== null) values[item.key] = parsed.value;
    const note = field.note.trim();
    if (note) notes[item.key] = note;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: { values, notes } };
}

/** `values.consolidation_rate` / `notes.x` / `consolidation_rate` (a 400's field paths) → the item key, if any. */
export function fieldPathToKey(path: string, keys: readonly CountyInputKey[]): CountyInputKey | null {
  const last = path.split('.').filter(Boolean);
  for (const part of [...last].reverse()) {
    if ((keys as readonly string[]).includes(part)) return part as CountyInputKey;
  }
  return null;
}

/** The `{ fields: [{ field, message }] }` of a ValidationFailed body, by item key; other messages under null. */
export function validationMessages(
  details: unknown,
  keys: readonly CountyInputKey[],
): { byKey: Partial<Record<CountyInputKey, string>>; other: string[] } {
  const byKey: Partial<Record<CountyInputKey, string>> = {};
  const other: string[] = [];
  const fields =
    details && typeof details === 'object' && 'fields' in details && Array.isArray(details.fields)
      ? details.fields
      : [];
  for (const entry of fields as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const field = 'field' in entry && typeof entry.field === 'string' ? entry.field : '';
    const message = 'message' in entry && typeof entry.message === 'string' ? entry.message : '';
    const key = fieldPathToKey(field, keys);
    if (key) byKey[key] = byKey[key] ? `${byKey[key]}；${message}` : message;
    else other.push(field ? `${field}: ${message}` : message);
  }
  return { byKey, other };
}
