import type { CountyInputsUpdate } from '@junheng/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const countyInputsKeys = {
  all: ['county-inputs'] as const,
  year: (code: string, year: number) => ['county-inputs', code, year] as const,
};

/** The county-year's entered items (政府保障程度, 教育质量, 社会认可度) with their notes and status. */
export function countyInputsQueryOptions(code: string, year: number) {
  return queryOptions({
    queryKey: countyInputsKeys.year(code, year),
    queryFn: ({ signal }) => apiRequest('getCountyInputs', { params: { code }, query: { year }, signal }),
  });
}

/** PUT replaces every input of the county-year; the answer is stored as the new GET result. */
export function useSaveCountyInputsMutation(code: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['county-inputs', 'save', code, year],
    mutationFn: (body: CountyInputsUpdate) =>
      apiRequest('putCountyInputs', { params: { code }, query: { year }, body: body as Record<string, unknown> }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(countyInputsKeys.year(code, year), saved);
      // The scorecard reads these inputs.
      await queryClient.invalidateQueries({ queryKey: ['scorecard'] });
    },
  });
}
