import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';

const FIVE_MINUTES = 5 * 60 * 1000;

/** Retry once, but never a client error: a 404 or a 400 will not get better by asking again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: FIVE_MINUTES, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
