import type { ImportInspection, ImportMapping, ImportMappingInput, ImportReport } from '@junheng/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** The column-mapping step (issue #13 point 3): inspect unrecognised tables, preview and save presets. */
export const importMappingKeys = { all: ['imports', 'mappings'] as const };

export function importMappingsQueryOptions() {
  return queryOptions({
    queryKey: importMappingKeys.all,
    queryFn: ({ signal }) => apiRequest('listImportMappings', { signal }),
    select: (list) => list.mappings,
  });
}

/** What each file is: recognised or not, its header tree, sample rows and a suggested mapping. Writes nothing. */
export function inspectFiles(files: readonly File[], signal?: AbortSignal): Promise<ImportInspection> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return apiRequest('inspectImportFiles', { body: form, ...(signal ? { signal } : {}) });
}

/** A dry run of the files with an unsaved mapping: the report lists the first rows as they would be stored. */
export function previewMapping(files: readonly File[], mapping: ImportMappingInput): Promise<ImportReport> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  form.append('mapping', JSON.stringify(mapping));
  return apiRequest('importFiles', { body: form, query: { dryRun: true }, acceptStatuses: [422] });
}

export function useSaveMappingMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapping: ImportMappingInput) => apiRequest('createImportMapping', { body: mapping }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importMappingKeys.all }),
  });
}

export function useDeleteMappingMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest('deleteImportMapping', { params: { id: String(id) } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importMappingKeys.all }),
  });
}

/** The preset as the JSON file `pnpm cli import --mapping FILE` reads (and the API accepts back). */
export function mappingJson(mapping: ImportMapping | ImportMappingInput): string {
  const { name, kind, signature, columns, firstDataRow, districtCode } = mapping;
  return `${JSON.stringify({ name, kind, signature, columns, firstDataRow: firstDataRow ?? null, districtCode: districtCode ?? null }, null, 2)}\n`;
}

export function downloadMappingJson(mapping: ImportMapping | ImportMappingInput): void {
  const blob = new Blob([mappingJson(mapping)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `列对应_${mapping.name}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
