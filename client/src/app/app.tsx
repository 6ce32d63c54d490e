import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppProviders, createAppQueryClient } from './providers.tsx';
import { createAppRouter } from './router.tsx';

export function App() {
  const [{ queryClient, router }] = useState(() => {
    const client = createAppQueryClient();
    return { queryClient: client, router: createAppRouter(client) };
  });
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
