import type { WhatIfRequest } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/**
 * A what-if scenario's before/after reports. A POST, but it writes nothing, so it is cached like a query: the same
 * scenario (e.g. after a reload) is answered from the cache. A rejected change answers 422 with the same body
 * (`valid: false` and the per-change `errors`), which is a result to show, not a failure.
 */
export function whatIfQueryOptions(code: string, year: number, request: WhatIfRequest | null) {
  return queryOptions({
    queryKey: ['what-if', code, year, request] as const,
    queryFn: ({ signal }) =>
      apiRequest('postWhatIf', {
        params: { code },
        query: { year },
        body: request ?? { changes: [] },
        acceptStatuses: [422],
        signal,
      }),
    enabled: request !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
