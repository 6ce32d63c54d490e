import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';

/**
 * useQuery for a county report: while the filters change, the previous report stays on screen (dimmed by the panel)
 * instead of a skeleton, and the request of a filter the analyst already left is cancelled through the signal the
 * query function passes to fetch.
 */
export function useReportQuery<TData, TKey extends QueryKey>(options: UseQueryOptions<TData, Error, TData, TKey>) {
  return useQuery({ ...options, placeholderData: keepPreviousData });
}
