import type { ImportReport } from '@junheng/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ImportFilesInput {
  files: readonly File[];
  dryRun: boolean;
  signal?: AbortSignal;
}

/**
 * POST the files as multipart parts named `files`. The server answers 422 with the same report body when it rejects
 * the data, so 422 is a report to show, not an error; 413 and other failures throw ApiError.
 */
export function importFiles({ files, dryRun, signal }: ImportFilesInput): Promise<ImportReport> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return apiRequest('importFiles', {
    body: form,
    query: dryRun ? { dryRun: true } : undefined,
    acceptStatuses: [422],
    ...(signal ? { signal } : {}),
  });
}

export function useImportFilesMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['imports'],
    mutationFn: (input: ImportFilesInput) => importFiles(input),
    onSuccess: async (report) => {
      // New data changes every view: refetch whatever is cached.
      if (report.applied) await queryClient.invalidateQueries();
    },
  });
}
