import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@junheng/shared';
import type { Lang } from '../../i18n/translate.ts';
import { type RouteQuery, routeUrl } from '../../lib/api-client.ts';

export const AUDIT_PAGE_SIZE = 100;
/** The most rows one download carries (the server's own limit). */
export const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditFilters {
  action: AuditAction | null;
  username: string;
}

/** `?action=&user=` of the admin page → the audit filters; an unknown action is no filter. */
export function readAuditFilters(search: URLSearchParams): AuditFilters {
  const action = search.get('action');
  return {
    action: (AUDIT_ACTIONS as readonly (string | null)[]).includes(action) ? (action as AuditAction) : null,
    username: (search.get('user') ?? '').trim(),
  };
}

/** The query of one page: the newest entries older than `before` (an entry id), or the newest of all. */
export function auditQueryInput(
  filters: AuditFilters,
  before: number | null,
  limit = AUDIT_PAGE_SIZE,
): RouteQuery<'getAudit'> {
  return {
    action: filters.action ?? undefined,
    username: filters.username || undefined,
    limit,
    before: before ?? undefined,
  };
}

/** The `before` of the next (older) page, or null when this page is the last. */
export function nextAuditCursor(entries: readonly Pick<AuditEntry, 'id'>[], limit = AUDIT_PAGE_SIZE): number | null {
  if (entries.length < limit) return null;
  return entries.reduce((min, entry) => Math.min(min, entry.id), Number.POSITIVE_INFINITY);
}

/** Download links of the filtered log (from the newest entry), like every other export. */
export function auditExportLinks(filters: AuditFilters, lang: Lang): { csv: string; xlsx: string } {
  const base = {
    ...auditQueryInput(filters, null, AUDIT_EXPORT_LIMIT),
    lang: lang === 'en' ? ('en' as const) : undefined,
  };
  return {
    csv: routeUrl('getAudit', { query: { ...base, format: 'csv' } }),
    xlsx: routeUrl('getAudit', { query: { ...base, format: 'xlsx' } }),
  };
}

/** The details object of an entry as one short line: `key=value`, objects as JSON. */
export function formatAuditDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}
