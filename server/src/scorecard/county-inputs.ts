import {
  COUNTY_INPUT_ITEMS,
  type CountyInputEntry,
  type CountyInputKey,
  type CountyInputNotes,
  type CountyInputs,
  CountyInputsSchema,
  CountyInputsWithNotesSchema,
} from '@junheng/shared';
import type { z } from 'zod';
import { type CountyInputMeta, evaluateCountyInput } from '../engine/index.ts';
import { HttpError } from '../http/errors.ts';

/** A stored county-year input as the repository returns it (booleans stored as 1 / 0, null = not entered). */
export interface CountyInputRecord {
  item_key: string;
  value: number | null;
  note: string | null;
  updated_at: Date | string;
  /** Who saved it; null for rows saved before authors were recorded (issue #12). */
  updated_by_name?: string | null;
}

export interface StoredCountyInputs {
  inputs: CountyInputs;
  entries: CountyInputEntry[];
  /** Note, time and author of every stored item, by key (what the scorecard shows beside an entered value). */
  meta: Partial<Record<CountyInputKey, CountyInputMeta>>;
  /** Latest save of any item (ISO 8601), null when nothing was ever saved. */
  updatedAt: string | null;
}

const toIso = (value: Date | string) => new Date(value).toISOString();

/**
 * Stored rows → the typed inputs of the scorecard and one entry per COUNTY_INPUT_ITEMS item (value or null, note,
 * updatedAt, updatedBy, status). Boolean items are stored as 1 / 0; rows for keys the product no longer knows are ignored.
 */
export function readCountyInputs(records: readonly CountyInputRecord[]): StoredCountyInputs {
  const byKey = new Map(records.map((record) => [record.item_key, record]));
  const inputs: CountyInputs = {};
  const meta: Partial<Record<CountyInputKey, CountyInputMeta>> = {};
  const entries = COUNTY_INPUT_ITEMS.map((item): CountyInputEntry => {
    const record = byKey.get(item.key);
    const stored = record?.value ?? null;
    const value = stored === null ? null : item.kind === 'boolean' ? stored !== 0 : stored;
    const updatedAt = record ? toIso(record.updated_at) : null;
    const updatedBy = record?.updated_by_name ?? null;
    if (record && updatedAt) {
      inputs[item.key] = value;
      meta[item.key] = { note: record.note, updatedAt, updatedBy };
    }
    return {
      ...item,
      value,
      note: record?.note ?? null,
      updatedAt,
      updatedBy,
      status: evaluateCountyInput(item, value),
    };
  });
  const times = records.map((record) => toIso(record.updated_at)).sort();
  return { inputs, entries, meta, updatedAt: times.at(-1) ?? null };
}

/** Inputs and notes → the rows that replace a county-year's inputs (true / false stored as 1 / 0). */
export function buildCountyInputRows(
  inputs: CountyInputs,
  notes: CountyInputNotes = {},
): { key: CountyInputKey; value: number | null; note: string | null }[] {
  return COUNTY_INPUT_ITEMS.flatMap((item) => {
    const value = inputs[item.key];
    const note = notes[item.key]?.trim() || null;
    if (value === undefined && note === null) return [];
    return [{ key: item.key, value: typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null), note }];
  });
}

function listFields(issues: readonly z.core.$ZodIssue[]): { field: string; message: string }[] {
  return issues.flatMap((issue) => {
    const prefix = issue.path.map(String);
    // An unknown key is reported on its parent object; name the key itself so the analyst sees which one.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...prefix, key].join('.'), message: '未知的填报项目 / Unknown item' }));
    }
    return [{ field: prefix.join('.') || 'body', message: issue.message }];
  });
}

/**
 * Parses a PUT body: the bare inputs record (CountyInputsSchema) or `{ values, notes }`. A failure is a 400 that names
 * every bad field, unknown keys included, in the same shape as every other validation error.
 */
export function parseCountyInputsUpdate(body: unknown): { inputs: CountyInputs; notes: CountyInputNotes } {
  const withNotes = typeof body === 'object' && body !== null && !Array.isArray(body) && 'values' in body;
  if (withNotes) {
    const result = CountyInputsWithNotesSchema.safeParse(body);
    if (result.success) return { inputs: result.data.values, notes: result.data.notes ?? {} };
    throw invalidBody(result.error.issues);
  }
  const result = CountyInputsSchema.safeParse(body);
  if (result.success) return { inputs: result.data, notes: {} };
  throw invalidBody(result.error.issues);
}

function invalidBody(issues: readonly z.core.$ZodIssue[]): HttpError {
  const fields = listFields(issues);
  const names = fields.map((f) => f.field).join(', ');
  return new HttpError(400, 'ValidationFailed', `参数无效 / Invalid body: ${names}`, { in: 'body', fields });
}
