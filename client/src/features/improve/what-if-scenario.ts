import {
  type Stage,
  WHAT_IF_RESOURCES,
  type WhatIfChange,
  type WhatIfRequest,
  type WhatIfResource,
} from '@junheng/shared';

/**
 * The what-if editor's rows, as the analyst is typing them (a school may not be picked yet, a count may be empty),
 * their compact URL form (`changes=` holds base64url JSON of short tuples, so a link reproduces the scenario) and the
 * request body built from complete rows. Pure: no React, no URL objects.
 */

export const WHAT_IF_CHANGE_TYPES = ['move_teachers', 'add_teachers', 'add_resource', 'add_students'] as const;
export type WhatIfChangeType = (typeof WHAT_IF_CHANGE_TYPES)[number];

/** Which special kinds the teachers moved or added are (each counts toward its indicator). */
export interface TeacherFlags {
  backbone: boolean;
  higherDegree: boolean;
  peArt: boolean;
}

export const NO_FLAGS: Readonly<TeacherFlags> = Object.freeze({ backbone: false, higherDegree: false, peArt: false });

export type DraftChange =
  | { type: 'move_teachers'; from: string; to: string; count: number | null; flags: TeacherFlags }
  | { type: 'add_teachers'; school: string; count: number | null; flags: TeacherFlags }
  | { type: 'add_resource'; school: string; resource: WhatIfResource; amount: number | null }
  | { type: 'add_students'; school: string; count: number | null };

/** A new row of a type, with nothing chosen yet. */
export function emptyDraft(type: WhatIfChangeType): DraftChange {
  switch (type) {
    case 'move_teachers':
      return { type, from: '', to: '', count: 1, flags: { ...NO_FLAGS } };
    case 'add_teachers':
      return { type, school: '', count: 1, flags: { ...NO_FLAGS } };
    case 'add_resource':
      return { type, school: '', resource: 'sportsArea', amount: null };
    case 'add_students':
      return { type, school: '', count: null };
  }
}

/** A row switched to another type keeps the school it names. */
export function changeDraftType(draft: DraftChange, type: WhatIfChangeType): DraftChange {
  if (draft.type === type) return draft;
  const next = emptyDraft(type);
  const school = draft.type === 'move_teachers' ? draft.to : draft.school;
  if (next.type === 'move_teachers') return { ...next, to: school };
  return { ...next, school };
}

// ---------------------------------------------------------------------------------------------------------------
// Row checks before anything is sent
// ---------------------------------------------------------------------------------------------------------------

export type DraftProblem = 'school' | 'from' | 'to' | 'sameSchool' | 'count' | 'amount';

/** What is missing or wrong in a row (empty when it can be sent). */
export function draftProblems(draft: DraftChange): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const positiveInt = (value: number | null) => value !== null && Number.isInteger(value) && value > 0;
  switch (draft.type) {
    case 'move_teachers':
      if (!draft.from) problems.push('from');
      if (!draft.to) problems.push('to');
      if (draft.from && draft.from === draft.to) problems.push('sameSchool');
      if (!positiveInt(draft.count)) problems.push('count');
      break;
    case 'add_teachers':
      if (!draft.school) problems.push('school');
      if (!positiveInt(draft.count)) problems.push('count');
      break;
    case 'add_resource':
      if (!draft.school) problems.push('school');
      if (draft.amount === null || !(draft.amount > 0)) problems.push('amount');
      break;
    case 'add_students':
      if (!draft.school) problems.push('school');
      if (draft.count === null || !Number.isInteger(draft.count) || draft.count === 0) problems.push('count');
      break;
  }
  return problems;
}

function flagFields(flags: TeacherFlags): Partial<TeacherFlags> {
  return {
    ...(flags.backbone ? { backbone: true } : {}),
    ...(flags.higherDegree ? { higherDegree: true } : {}),
    ...(flags.peArt ? { peArt: true } : {}),
  };
}

/** The API change of a complete row; teachers and students go to the stage on screen. */
export function draftToChange(draft: DraftChange, stage: Stage): WhatIfChange {
  switch (draft.type) {
    case 'move_teachers':
      return {
        type: 'move_teachers',
        from: draft.from,
        to: draft.to,
        count: draft.count ?? 0,
        fromStage: stage,
        toStage: stage,
        ...flagFields(draft.flags),
      };
    case 'add_teachers':
      return { type: 'add_teachers', school: draft.school, stage, count: draft.count ?? 0, ...flagFields(draft.flags) };
    case 'add_resource':
      return { type: 'add_resource', school: draft.school, resource: draft.resource, amount: draft.amount ?? 0 };
    case 'add_students':
      return { type: 'add_students', school: draft.school, stage, count: draft.count ?? 0 };
  }
}

/** The POST body of a scenario, or null while a row is incomplete (the rows map 1:1 to the errors' `index`). */
export function buildWhatIfRequest(
  drafts: readonly DraftChange[],
  options: { stage: Stage; includePrivate: boolean },
): WhatIfRequest | null {
  if (drafts.length === 0 || drafts.some((draft) => draftProblems(draft).length > 0)) return null;
  return {
    stage: options.stage,
    ...(options.includePrivate ? {} : { includePrivate: false }),
    changes: drafts.map((draft) => draftToChange(draft, options.stage)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// URL form: base64url(JSON of tuples)
//   ['m', from, to, count, flags]  ['t', school, count, flags]  ['r', school, resource, amount]  ['s', school, count]
// flags: a string of b (backbone), h (higher degree), p (PE/art).
// ---------------------------------------------------------------------------------------------------------------

export const CHANGES_SEARCH_PARAM = 'changes';
const MAX_URL_CHANGES = 50;

function flagsToText(flags: TeacherFlags): string {
  return `${flags.backbone ? 'b' : ''}${flags.higherDegree ? 'h' : ''}${flags.peArt ? 'p' : ''}`;
}

function textToFlags(text: unknown): TeacherFlags {
  const value = typeof text === 'string' ? text : '';
  return { backbone: value.includes('b'), higherDegree: value.includes('h'), peArt: value.includes('p') };
}

function toTuple(draft: DraftChange): unknown[] {
  switch (draft.type) {
    case 'move_teachers':
      return ['m', draft.from, draft.to, draft.count, flagsToText(draft.flags)];
    case 'add_teachers':
      return ['t', draft.school, draft.count, flagsToText(draft.flags)];
    case 'add_resource':
      return ['r', draft.school, draft.resource, draft.amount];
    case 'add_students':
      return ['s', draft.school, draft.count];
  }
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && /^[0-9A-Za-z_-]{0,20}$/.test(value) ? value : null;
const numberOrNull = (value: unknown): number | null | undefined =>
  value === null ? null : typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function fromTuple(tuple: unknown): DraftChange | null {
  if (!Array.isArray(tuple)) return null;
  const [kind, a, b, c, d] = tuple as unknown[];
  switch (kind) {
    case 'm': {
      const from = text(a);
      const to = text(b);
      const count = numberOrNull(c);
      if (from === null || to === null || count === undefined) return null;
      return { type: 'move_teachers', from, to, count, flags: textToFlags(d) };
    }
    case 't': {
      const school = text(a);
      const count = numberOrNull(b);
      if (school === null || count === undefined) return null;
      return { type: 'add_teachers', school, count, flags: textToFlags(c) };
    }
    case 'r': {
      const school = text(a);
      const amount = numberOrNull(c);
      if (school === null || amount === undefined) return null;
      if (!(WHAT_IF_RESOURCES as readonly unknown[]).includes(b)) return null;
      return { type: 'add_resource', school, resource: b as WhatIfResource, amount };
    }
    case 's': {
      const school = text(a);
      const count = numberOrNull(b);
      if (school === null || count === undefined) return null;
      return { type: 'add_students', school, count };
    }
    default:
      return null;
  }
}

function toBase64Url(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): string {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The `changes=` value of a scenario; '' for none (the parameter is then removed). */
export function encodeScenario(drafts: readonly DraftChange[]): string {
  if (drafts.length === 0) return '';
  return toBase64Url(JSON.stringify(drafts.slice(0, MAX_URL_CHANGES).map(toTuple)));
}

/** A scenario from a pasted link: rows that do not parse are dropped, a broken value gives no rows. */
export function decodeScenario(value: string | null): DraftChange[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value));
    if (!Array.isArray(parsed)) return [];
    return parsed
      .slice(0, MAX_URL_CHANGES)
      .map(fromTuple)
      .filter((draft): draft is DraftChange => draft !== null);
  } catch {
    return [];
  }
}
