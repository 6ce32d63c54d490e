// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CountyQuery } from '../county-query.ts';
import { usePrefetchOtherStage } from './use-prefetch-other-stage.ts';

const county = {
  code: '330999',
  year: 2024,
  stage: 'primary',
  township: [],
  locale: [],
  group: [],
  includePrivate: true,
} as unknown as CountyQuery;

function Probe({ ready, fetcher }: { ready: boolean; fetcher: (stage: string) => Promise<string> }) {
  usePrefetchOtherStage(ready, county, (c) =>
    queryOptions({ queryKey: ['report', c.stage], queryFn: () => fetcher(c.stage) }),
  );
  return null;
}

describe(usePrefetchOtherStage.name, () => {
  afterEach(() => vi.useRealTimers());

  it('should fetch the other stage once the view’s report is ready, and not before', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const fetcher = vi.fn(async (stage: string) => stage);
    const wrap = (node: ReactNode) => <QueryClientProvider client={client}>{node}</QueryClientProvider>;
    const view = render(wrap(<Probe ready={false} fetcher={fetcher} />));
    await vi.advanceTimersByTimeAsync(3000);
    expect(fetcher).not.toHaveBeenCalled();
    view.rerender(wrap(<Probe ready fetcher={fetcher} />));
    await vi.advanceTimersByTimeAsync(3000);
    expect(fetcher).toHaveBeenCalledWith('junior');
    expect(client.getQueryData(['report', 'junior'])).toBe('junior');
  });
});
