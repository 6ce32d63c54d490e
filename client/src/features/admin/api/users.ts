import type { CreateUserRequest, UpdateUserRequest } from '@junheng/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const userKeys = { all: ['admin', 'users'] as const };

export function usersQueryOptions() {
  return queryOptions({
    queryKey: userKeys.all,
    queryFn: ({ signal }) => apiRequest('listUsers', { signal }),
    select: (response) => [...response.users].sort((a, b) => a.username.localeCompare(b.username)),
    staleTime: 0,
  });
}

export function useCreateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'create'],
    mutationFn: (body: CreateUserRequest) => apiRequest('createUser', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Role, scope, disable/enable or a new password; a disabled user or a new password ends their sessions. */
export function useUpdateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'users', 'update'],
    mutationFn: ({ id, body }: { id: number; body: UpdateUserRequest }) =>
      apiRequest('updateUser', { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
