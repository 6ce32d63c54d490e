import { z } from 'zod';
import { DistrictCodeSchema, IMPORT_COLUMNS, IMPORT_KINDS } from './data.ts';
import { IMPORT_FORMATS } from './import.ts';

/**
 * The column-mapping step (issue #13 point 3): a table whose headers are not recognised is inspected (header tree,
 * sample rows, suggested mapping), the analyst maps its columns to canonical fields, and the mapping is saved as a
 * named preset that later imports apply by themselves to tables with the same headers.
 */

/** Separator of the parts of a header path: `专任教师 > 按学历分 > 本科`. */
export const HEADER_PATH_SEPARATOR = ' > ';

const HeaderPathSchema = z.string().trim().min(1, '表头不能为空 / empty header').max(400);

/**
 * A preset as the analyst saves it, downloads it (JSON) and gives it to `pnpm cli import --mapping FILE`. Unknown
 * fields (the id, author and times of a downloaded preset) are ignored.
 */
export const ImportMappingInputSchema = z
  .object({
    name: z.string().trim().min(1, '请填写名称 / name required').max(80),
    kind: z.enum(IMPORT_KINDS),
    /** Header paths of the table, one per column with a header, in column order. */
    signature: z.array(HeaderPathSchema).min(1).max(1000),
    /** Canonical column key (as in the templates, e.g. `students_primary`) → header path in `signature`. */
    columns: z.record(z.string(), HeaderPathSchema),
    /** Row (as Excel numbers it) of the first data row below the header rows; null: found from the headers. */
    firstDataRow: z.number().int().min(2).max(1000).nullable().default(null),
    /** The county the preset is for; null: every county (only for users without a county limit). */
    districtCode: DistrictCodeSchema.nullable().default(null),
  })
  .superRefine((preset, ctx) => {
    const columns = IMPORT_COLUMNS[preset.kind];
    const known = new Map(columns.map((c) => [c.key, c]));
    const signature = new Set(preset.signature);
    const usedBy = new Map<string, string>();
    for (const [key, path] of Object.entries(preset.columns)) {
      if (!known.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', key],
          message: `「${key}」不是该类数据的字段 / not a field of ${preset.kind}`,
        });
        continue;
      }
      if (!signature.has(path)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', key],
          message: `表头「${path}」不在 signature 中 / header path not in signature`,
        });
      }
      const other = usedBy.get(path);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', key],
          message: `表头「${path}」已对应字段 ${other}：一列只能对应一个字段 / column already mapped to ${other}`,
        });
      }
      usedBy.set(path, key);
    }
    for (const column of columns) {
      if (column.required && preset.columns[column.key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', column.key],
          message: `缺少必需字段 ${column.zh}（${column.key}）/ required field not mapped`,
        });
      }
    }
  });
export type ImportMappingInput = z.input<typeof ImportMappingInputSchema>;
export type ImportMappingInputParsed = z.output<typeof ImportMappingInputSchema>;

/** A saved preset, with its author and times. */
export const ImportMappingSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(IMPORT_KINDS),
  signature: z.array(z.string()),
  columns: z.record(z.string(), z.string()),
  firstDataRow: z.number().int().nullable(),
  districtCode: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export const ImportMappingListSchema = z.object({ mappings: z.array(ImportMappingSchema) });
export type ImportMappingList = z.infer<typeof ImportMappingListSchema>;

export const ImportMappingParamsSchema = z.object({
  id: z.coerce.number({ error: '应为编号 / must be an id' }).int().positive(),
});

/** One column of an inspected table: its letter, header path and where it sits. */
export const InspectedColumnSchema = z.object({
  /** 0-based column index. */
  index: z.number().int(),
  /** Column as Excel names it: A, B, … AA. */
  letter: z.string(),
  /** Header texts from the top header row down (merged cells repeated only once): `['专任教师', '按学历分', '本科']`. */
  path: z.array(z.string()),
  /** The parts joined with ` > `; empty for a column without a header. */
  label: z.string(),
});
export type InspectedColumn = z.infer<typeof InspectedColumnSchema>;

export const InspectedFileSchema = z.object({
  file: z.string(),
  /** Read as a template or by a source reader (or by a saved preset): no mapping is needed. */
  recognised: z.boolean(),
  format: z.enum(IMPORT_FORMATS).nullable(),
  kind: z.enum(IMPORT_KINDS).nullable(),
  /** The saved preset whose header signature this table matches. */
  preset: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Why the file could not be read (not a table, corrupt …), or what recognition said about its headers. */
  message: z.string().nullable(),
  sheet: z.string().nullable(),
  /** Row numbers (as Excel shows them) of the header rows, title rows left out. */
  headerRows: z.array(z.number().int()),
  firstDataRow: z.number().int().nullable(),
  columns: z.array(InspectedColumnSchema),
  /** The header paths of the columns that have one: what a preset made for this table records as its signature. */
  signature: z.array(z.string()),
  /** The first data rows (at most 10), cells as written. */
  sampleRows: z.array(z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) })),
  dataRows: z.number().int(),
  /** Canonical fields whose names match a header (the template header rules, then text similarity). */
  suggestion: z.object({ kind: z.enum(IMPORT_KINDS), columns: z.record(z.string(), z.string()) }).nullable(),
});
export type InspectedFile = z.infer<typeof InspectedFileSchema>;
export const ImportInspectionSchema = z.object({ files: z.array(InspectedFileSchema) });
export type ImportInspection = z.infer<typeof ImportInspectionSchema>;
