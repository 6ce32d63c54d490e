import { describe, expect, it, vi } from 'vitest';
import type { PanelQueryState } from './chart-panel.tsx';
import { combineQueries } from './combine-queries.ts';

const state = (overrides: Partial<PanelQueryState> = {}) => ({
  isPending: false,
  isError: false,
  error: null,
  isPlaceholderData: false,
  refetch: vi.fn(),
  ...overrides,
});

describe(combineQueries.name, () => {
  it('should be pending, failed or dimmed when any query is', () => {
    expect(combineQueries(state(), state({ isPending: true })).isPending).toBe(true);
    const error = new Error('x');
    const failed = combineQueries(state(), state({ isError: true, error }));
    expect(failed).toEqual(expect.objectContaining({ isError: true, error }));
    expect(combineQueries(state({ isPlaceholderData: true }), state()).isPlaceholderData).toBe(true);
  });

  it('should retry only the failed queries', () => {
    const ok = state();
    const bad = state({ isError: true });
    combineQueries(ok, bad).refetch();
    expect(bad.refetch).toHaveBeenCalledTimes(1);
    expect(ok.refetch).not.toHaveBeenCalled();
  });

  it('should be settled for no queries', () => {
    expect(combineQueries()).toEqual(expect.objectContaining({ isPending: false, isError: false }));
  });
});
