import type { LoginRequest } from '@junheng/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';
import { meKeys, rememberSession } from '../../../session/api/me.ts';

/**
 * Signs in; the server sets the HttpOnly session cookie. Everything cached belongs to whoever was signed in before
 * (another user may see other townships), so the cache starts empty with the new user in it.
 */
export function useLoginMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'login'],
    mutationFn: async (body: LoginRequest) => rememberSession(await apiRequest('login', { body })),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meKeys.all, me);
    },
  });
}

/**
 * Signs out (the server revokes the session). The cache is emptied by the login page the user lands on: clearing it
 * here, while the views still watch their queries, would only make them ask again and get 401s.
 */
export function useLogoutMutation() {
  return useMutation({
    mutationKey: ['auth', 'logout'],
    mutationFn: () => apiRequest('logout', {}),
    onSettled: () => setCsrfToken(null),
  });
}
