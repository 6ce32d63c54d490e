import type { CountyImportSettingsUpdate } from '@junheng/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const importSettingsKeys = {
  county: (code: string) => ['import-settings', code] as const,
};

/** A county's import settings (issue #13): 教学点 merged or kept, rotation eligibility years. */
export function importSettingsQueryOptions(code: string) {
  return queryOptions({
    queryKey: importSettingsKeys.county(code),
    queryFn: ({ signal }) => apiRequest('getImportSettings', { params: { code }, signal }),
  });
}

export function useSaveImportSettingsMutation(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['import-settings', 'save', code],
    mutationFn: (body: CountyImportSettingsUpdate) =>
      apiRequest('putImportSettings', { params: { code }, body: body as unknown as Record<string, unknown> }),
    onSuccess: (saved) => queryClient.setQueryData(importSettingsKeys.county(code), saved),
  });
}
