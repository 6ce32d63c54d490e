import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { type AuditFilters, auditQueryInput } from '../audit-query.ts';

/** One page of the audit log, newest first; the previous page stays on screen while the next one loads. */
export function auditQueryOptions(filters: AuditFilters, before: number | null) {
  return queryOptions({
    queryKey: ['admin', 'audit', filters, before] as const,
    queryFn: ({ signal }) => apiRequest('getAudit', { query: auditQueryInput(filters, before), signal }),
    select: (response) => response.entries,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
