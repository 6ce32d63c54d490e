import { IMPORT_KINDS, type ImportKind } from '@junheng/shared';
import { buildUrl } from '../../../lib/api-client.ts';

export const TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

// A file download rather than a JSON route, so it is not in the shared route table (which parses JSON responses);
// the server matches `/api/v1/imports/templates/:file` with `{kind}.{format}` (METHOD.md §9, TemplateParamsSchema).
const TEMPLATE_PATH = '/api/v1/imports/templates/:file';

export function templateUrl(kind: ImportKind, format: TemplateFormat): string {
  return buildUrl(TEMPLATE_PATH, { file: `${kind}.${format}` });
}

export const TEMPLATE_KINDS: readonly ImportKind[] = IMPORT_KINDS;
