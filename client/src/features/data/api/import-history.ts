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
