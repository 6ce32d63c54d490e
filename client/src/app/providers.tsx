import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { districtsQueryOptions } from '../districts/api/districts.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { createQueryClient } from '../lib/query-client.ts';

/** Every view starts from the county list: ask for it at once, in parallel with the view's code. */
export function createAppQueryClient() {
  const queryClient = createQueryClient();
  void queryClient.prefetchQuery(districtsQueryOptions());
  return queryClient;
}

/** The one QueryClient is made by the app and shared with the router, whose loaders start the views' reports. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}
