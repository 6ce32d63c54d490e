import type { ImportBatch } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const importHistoryKeys = { all: ['imports', 'history'] as const };

/** Applied import batches. An applied import invalidates every query, this one included, so it refreshes itself. */
export function importHistoryQueryOptions() {
  return queryOptions({
    queryKey: importHistoryKeys.all,
    queryFn: ({ signal }) => apiRequest('listImports', { signal }),
    select: (history) => sortBatchesNewestFirst(history.batches),
  });
}

export function sortBatchesNewestFirst(batches: readonly ImportBatch[]): ImportBatch[] {
  return [...batches].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/** `2026-11-24T08:26:11.515Z` → `2026-11-24 16:26` in the analyst's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
