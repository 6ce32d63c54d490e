import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { districtsQueryOptions } from '../districts/api/districts.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { createQueryClient } from '../lib/query-client.ts';

/** Every view starts from the county list: ask for it at once, in parallel with the view's code. */
function createAppQueryClient() {
  const queryClient = createQueryClient();
  void queryClient.prefetchQuery(districtsQueryOptions());
  return queryClient;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createAppQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}
