import type { Stage } from '@junheng/shared';
import { type QueryKey, type UseQueryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { whenIdle } from '../../lib/when-idle.ts';
import type { CountyQuery } from '../county-query.ts';

export const OTHER_STAGE: Record<Stage, Stage> = { primary: 'junior', junior: 'primary' };

/**
 * `ready`: the view's own report has arrived (not the previous filter's kept on screen meanwhile, or the prefetch
 * would compete with the request the analyst is waiting for).
 *
 * Once the view's own report has arrived, fetches the same report for the other stage while the browser is idle:
 * 小学 ⇄ 初中 is the filter change analysts make most, and it then answers from the cache instead of the network.
 */
export function usePrefetchOtherStage<TData, TKey extends QueryKey>(
  ready: boolean,
  county: CountyQuery,
  options: (county: CountyQuery) => UseQueryOptions<TData, Error, TData, TKey>,
): void {
  const queryClient = useQueryClient();
  const other = ready ? options({ ...county, stage: OTHER_STAGE[county.stage] }) : null;
  const key = other ? JSON.stringify(other.queryKey) : null;
  useEffect(() => {
    if (!other) return;
    return whenIdle(() => void queryClient.prefetchQuery(other), { timeout: 2000 });
  }, [key, queryClient]);
}
