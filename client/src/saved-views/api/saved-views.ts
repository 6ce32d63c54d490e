import type { SavedViewCreate } from '@junheng/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';

const savedViewKeys = { all: ['saved-views'] as const };

/** The signed-in user's saved views (name and link). */
export function savedViewsQueryOptions() {
  return queryOptions({
    queryKey: savedViewKeys.all,
    queryFn: ({ signal }) => apiRequest('listSavedViews', { signal }),
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedViewCreate) => apiRequest('createSavedView', { body: view }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest('deleteSavedView', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}
