import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';

export const tokenKeys = {
  all: ['auth', 'tokens'] as const,
  list: (everyone: boolean) => ['auth', 'tokens', everyone ? 'all' : 'own'] as const,
};

/** API tokens: the user's own, or (admins) everyone's. Never the secrets: those are shown once, on creation. */
export function tokensQueryOptions(everyone: boolean) {
  return queryOptions({
    queryKey: tokenKeys.list(everyone),
    queryFn: ({ signal }) => apiRequest('listTokens', { query: { all: everyone ? true : undefined }, signal }),
    select: (response) => response.tokens,
    staleTime: 0,
  });
}

export function useCreateTokenMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'tokens', 'create'],
    mutationFn: (name: string) => apiRequest('createToken', { body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeTokenMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'tokens', 'revoke'],
    mutationFn: (id: number) => apiRequest('revokeToken', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
