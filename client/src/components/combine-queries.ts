import type { PanelQueryState } from './chart-panel.tsx';

/**
 * One panel state from several queries a panel needs together: pending while any is, failed when any failed (the
 * first error is shown, and retry refetches the failed ones), dimmed while any shows the previous filters' data.
 */
export function combineQueries(...queries: readonly PanelQueryState[]): PanelQueryState {
  const failed = queries.filter((query) => query.isError);
  return {
    isPending: queries.some((query) => query.isPending),
    isError: failed.length > 0,
    error: failed[0]?.error ?? null,
    isPlaceholderData: queries.some((query) => query.isPlaceholderData),
    refetch: () => {
      for (const query of failed.length ? failed : queries) query.refetch();
    },
  };
}
