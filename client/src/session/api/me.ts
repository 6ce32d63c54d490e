import type { MeResponse } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../../lib/api-client.ts';

export const meKeys = {
  all: ['auth', 'me'] as const,
};

/** Every answer carrying the session (me, login) brings its CSRF token to the API client. */
export function rememberSession(me: MeResponse): MeResponse {
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, role, township scope and CSRF token; a 401 here sends the visitor to the login page. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: meKeys.all,
    queryFn: async ({ signal }) => rememberSession(await apiRequest('me', { signal })),
  });
}
