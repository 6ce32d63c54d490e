import {
  type CreateUserRequest,
  CreateUserRequestSchema,
  type Role,
  type UpdateUserRequest,
  type User,
} from '@junheng/shared';
import type { Lang } from '../../i18n/translate.ts';

export interface UserFormValues {
  username: string;
  password: string;
  role: Role;
  /** [] = every district; several = a set of counties (a city's, say). */
  districtCodes: string[];
  /** [] = every township (not allowed for a viewer). */
  townships: string[];
}

export type UserFormField = keyof UserFormValues;
export type UserFormErrors = Partial<Record<UserFormField, string>>;

export const EMPTY_USER_FORM: UserFormValues = {
  username: '',
  password: '',
  role: 'viewer',
  districtCodes: [],
  townships: [],
};

/** The server and the shared schemas word messages as `中文 / English`: the half of the current language. */
export function pickBilingual(message: string, lang: Lang): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return lang === 'zh' ? message.slice(0, at) : message.slice(at + 3);
}

function isField(value: unknown): value is UserFormField {
  return typeof value === 'string' && value in EMPTY_USER_FORM;
}

/** The create form checked with the same schema the server uses; the first problem of each field, in `lang`. */
export function toCreateUserRequest(
  values: UserFormValues,
  lang: Lang,
): { ok: true; body: CreateUserRequest } | { ok: false; errors: UserFormErrors } {
  const parsed = CreateUserRequestSchema.safeParse({
    username: values.username,
    password: values.password,
    role: values.role,
    districtCodes: values.districtCodes.length ? [...values.districtCodes].sort() : null,
    townships: values.townships.length ? [...values.townships].sort() : null,
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: UserFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isField(field) && !errors[field]) errors[field] = pickBilingual(issue.message, lang);
  }
  return { ok: false, errors };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/**
 * Only what changed in the role and scope of `user`: null when nothing did. A viewer without townships is refused
 * here as by the server.
 */
export function toScopeUpdate(
  user: Pick<User, 'role' | 'districtCodes' | 'townships'>,
  values: Pick<UserFormValues, 'role' | 'districtCodes' | 'townships'>,
): { ok: true; body: UpdateUserRequest | null } | { ok: false; errors: UserFormErrors } {
  if (values.role === 'viewer' && values.townships.length === 0) {
    return { ok: false, errors: { townships: 'viewerNeedsTownships' } };
  }
  const body: UpdateUserRequest = {};
  if (values.role !== user.role) body.role = values.role;
  if (!sameSet(user.districtCodes ?? [], values.districtCodes)) {
    body.districtCodes = values.districtCodes.length ? [...values.districtCodes].sort() : null;
  }
  const before = user.townships?.map((township) => township.code) ?? [];
  if (!sameSet(before, values.townships)) {
    body.townships = values.townships.length ? [...values.townships].sort() : null;
  }
  return { ok: true, body: Object.keys(body).length ? body : null };
}

/** A 400's `details.fields` as readable lines (`field: message`). */
export function serverFieldMessages(details: unknown, lang: Lang): string[] {
  if (!details || typeof details !== 'object' || !('fields' in details) || !Array.isArray(details.fields)) return [];
  return (details.fields as unknown[]).flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const field = 'field' in entry && typeof entry.field === 'string' ? entry.field : '';
    const message = 'message' in entry && typeof entry.message === 'string' ? pickBilingual(entry.message, lang) : '';
    return [field ? `${field}: ${message}` : message];
  });
}
