import type { Database } from '@junheng/db';
import { type AccessScope, ImportMappingInputSchema } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { HttpError } from '../http/errors.ts';
import { findImportMapping, toPreset } from './import-mappings.service.ts';
import type { ColumnMappingPreset } from './sources/source-reader.ts';

/** Rows of each kind a dry run with an explicit mapping lists as they would be stored (the mapping preview). */
export const PREVIEW_ROWS = 10;

const invalid = (field: string, message: string) =>
  new HttpError(400, 'ValidationFailed', `参数无效 / Invalid body: ${field}`, {
    in: 'body',
    fields: [{ field, message }],
  });

/**
 * The column mapping an import names in its form: `mappingId` (a saved preset the user may see) or `mapping` (a preset
 * as JSON, saved or not: the mapping step previews an unsaved one). Applied to the files before the saved presets and
 * without comparing the whole header signature. Null when the form names none.
 */
export async function explicitPreset(
  db: Kysely<Database>,
  access: AccessScope,
  fields: Readonly<Record<string, string>>,
): Promise<ColumnMappingPreset | null> {
  const id = fields.mappingId?.trim();
  if (id) {
    if (!/^\d{1,9}$/.test(id)) throw invalid('mappingId', '应为编号 / must be an id');
    return { ...toPreset(await findImportMapping(db, access, Number(id))), explicit: true };
  }
  const text = fields.mapping;
  if (text === undefined || text.trim() === '') return null;
  return { ...parseMappingJson(text, 'mapping'), explicit: true };
}

/**
 * A preset from its JSON text (a form field, a `--mapping` file): 400 naming the field of the preset that is wrong
 * (`mapping.columns.students_primary`), or the JSON syntax error.
 */
export function parseMappingJson(text: string, where: string): ColumnMappingPreset {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(where, `不是有效的 JSON / not valid JSON: ${(error as Error).message}`);
  }
  const result = ImportMappingInputSchema.safeParse(value);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => ({
      field: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new HttpError(
      400,
      'ValidationFailed',
      `列对应无效 / Invalid mapping: ${fields.map((f) => f.field).join(', ')}`,
      { in: 'body', fields },
    );
  }
  const preset = result.data;
  const id = typeof (value as { id?: unknown }).id === 'number' ? (value as { id: number }).id : 0;
  return {
    id,
    name: preset.name,
    kind: preset.kind,
    signature: preset.signature,
    columns: preset.columns,
    firstDataRow: preset.firstDataRow,
  };
}
