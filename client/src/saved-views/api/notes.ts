import type { IndicatorKey, NoteCreate } from '@junheng/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type RouteQuery } from '../../lib/api-client.ts';

export interface NotesQuery {
  district: string;
  year?: number;
  school?: string;
  indicator?: IndicatorKey;
}

const noteKeys = {
  all: ['notes'] as const,
  list: (query: NotesQuery) => ['notes', query] as const,
};

export function notesQueryOptions(query: NotesQuery) {
  const input: RouteQuery<'listNotes'> = { year: query.year, school: query.school, indicator: query.indicator };
  return queryOptions({
    queryKey: noteKeys.list(query),
    queryFn: ({ signal }) => apiRequest('listNotes', { params: { code: query.district }, query: input, signal }),
  });
}

export function useCreateNote(district: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: Partial<NoteCreate> & Pick<NoteCreate, 'year' | 'body'>) =>
      apiRequest('createNote', { params: { code: district }, body: note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noteKeys.all }),
  });
}

export function useDeleteNote(district: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest('deleteNote', { params: { code: district, id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noteKeys.all }),
  });
}
