import type { AccessScope } from '@junheng/shared';
import { HttpError } from '../http/errors.ts';

/** No district and no township limit: the whole county (or every county). */
export const UNRESTRICTED: AccessScope = { districtCodes: null, townships: null };

export function isUnrestricted(scope: AccessScope): boolean {
  return scope.districtCodes === null && scope.townships === null;
}

/**
 * Whether `inner` reaches no further than `outer`: a district limit must be kept or narrowed (a non-empty subset of
 * the counties, never none), a township limit must be kept or narrowed (a subset, never none). An unrestricted
 * `outer` contains everything.
 *
 * ### Examples
 * - within({[330999], null}, {[330999], null}) → true; within({null, null}, {[330999], null}) → false
 * - within({[330901], null}, {[330901, 330902], null}) → true; within({[330901, 330903], null}, {[330901, 330902], null}) → false
 * - within({[330999], [101]}, {[330999], [101, 102]}) → true; within({[330999], null}, {[330999], [101]}) → false
 */
export function isWithinScope(inner: AccessScope, outer: AccessScope): boolean {
  if (outer.districtCodes !== null) {
    if (inner.districtCodes === null || inner.districtCodes.length === 0) return false;
    const counties = new Set(outer.districtCodes);
    if (!inner.districtCodes.every((code) => counties.has(code))) return false;
  }
  if (outer.townships === null) return true;
  if (inner.townships === null || inner.townships.length === 0) return false;
  const allowed = new Set(outer.townships);
  return inner.townships.every((code) => allowed.has(code));
}

/** An administrator limited to a scope grants no wider scope than its own; 403 names the limit. */
export function requireGrantWithin(granted: AccessScope, manager: AccessScope): void {
  if (isWithinScope(granted, manager)) return;
  const limit = [...(manager.districtCodes ?? []), ...(manager.townships ?? [])].join(' ');
  throw new HttpError(
    403,
    'Forbidden',
    `不能授予超出您自己范围（${limit}）的访问权限；只有不受范围限制的管理员能设置更大的范围 / You cannot grant access beyond your own scope (${limit})`,
  );
}
