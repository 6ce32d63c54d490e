// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useIdleDeferred } from './use-filter-options.ts';
import { prefetchViewReport, registerViewReportPrefetch } from './view-report-prefetch.ts';

describe(prefetchViewReport.name, () => {
  it('should hand the next URL to the mounted view, and to nobody once it unmounts', () => {
    const prefetch = vi.fn();
    const unregister = registerViewReportPrefetch(prefetch);
    prefetchViewReport(new URLSearchParams('district=330999&year=2023'));
    expect(prefetch).toHaveBeenCalledTimes(1);
    expect(String(prefetch.mock.calls[0]?.[0])).toBe('district=330999&year=2023');
    unregister();
    prefetchViewReport(new URLSearchParams('year=2022'));
    expect(prefetch).toHaveBeenCalledTimes(1);
  });
});

describe(useIdleDeferred.name, () => {
  afterEach(() => vi.useRealTimers());

  it('should give the first value at once and a new key’s value only after the view has settled', async () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value, key }) => useIdleDeferred(value, key), {
      initialProps: { value: 'y2024', key: '2024' },
    });
    expect(result.current).toBe('y2024');
    rerender({ value: 'y2023', key: '2023' });
    expect(result.current).toBe('y2024');
    await vi.advanceTimersByTimeAsync(2000);
    rerender({ value: 'y2023', key: '2023' });
    expect(result.current).toBe('y2023');
  });
});
