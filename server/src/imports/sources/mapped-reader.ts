import { IMPORT_COLUMNS, type ImportKind, type ValueSource } from '@junheng/shared';
import { type ColumnBinding, IMPORT_KIND_ZH, normaliseHeader, unitScale } from '../headers.ts';
import { ImportFileError } from '../import-file-error.ts';
import type { IssueCollector } from '../issues.ts';
import { type LocatedRow, parseRows } from '../parse-rows.ts';
import { detectFormat, readTable } from '../read-table.ts';
import { analyseHeader, type HeaderLayout, type LayoutColumn, pathKey } from './header-layout.ts';
import type { ColumnMappingPreset, SourceReader, SourceRows } from './source-reader.ts';

/**
 * How alike a table's headers must be to a saved preset's signature for the preset to apply by itself: the share of
 * header paths the two have in common (of all paths of either). A column added or renamed next year still matches a
 * table of twenty; a different table does not. Every column the preset maps must be there in any case.
 */
export const SIGNATURE_SIMILARITY = 0.8;

/** Share of header paths in common (Jaccard), compared loosely (pathKey). */
export function signatureSimilarity(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a.map(pathKey));
  const y = new Set(b.map(pathKey));
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const k of x) if (y.has(k)) common++;
  return common / (x.size + y.size - common);
}

/**
 * The columns of `layout` that feed the preset's fields, or null when the preset does not apply: a mapped header is
 * missing, or (for a saved preset, not one given explicitly) the headers are not alike enough to its signature.
 */
export function matchPreset(preset: ColumnMappingPreset, layout: HeaderLayout): Map<string, LayoutColumn> | null {
  const byPath = new Map<string, LayoutColumn>();
  for (const column of layout.columns) {
    if (column.label === '') continue;
    const key = pathKey(column.label);
    if (!byPath.has(key)) byPath.set(key, column);
  }
  const bound = new Map<string, LayoutColumn>();
  for (const [field, path] of Object.entries(preset.columns)) {
    const column = byPath.get(pathKey(path));
    if (!column) return null;
    bound.set(field, column);
  }
  if (bound.size === 0) return null;
  if (!preset.explicit) {
    const labels = layout.columns.filter((c) => c.label !== '').map((c) => c.label);
    if (signatureSimilarity(preset.signature, labels) < SIGNATURE_SIMILARITY) return null;
  }
  return bound;
}

const MULTIPLIER_UNIT = /^[十百千万亿]/;

/**
 * The scale of a mapped column from the unit in brackets nearest its leaf (`教学仪器设备值(万元)` → 10 000), by the
 * template header rules; a unit that cannot be right for the field (万册 for a count, 美元 for money) is an error.
 */
function scaleOf(binding: Omit<ColumnBinding, 'scale'>, path: readonly string[]): { scale: number } | { unit: string } {
  for (let i = path.length - 1; i >= 0; i--) {
    const { bracket } = normaliseHeader(path[i] as string);
    if (bracket === null) continue;
    const scale = unitScale(binding.column, bracket);
    if (scale !== null) return { scale };
    const type = binding.column.type;
    if (type === 'money' || type === 'decimal' || MULTIPLIER_UNIT.test(bracket)) return { unit: bracket };
    return { scale: 1 };
  }
  return { scale: 1 };
}

function emptyRows(kind: ImportKind, rows: number, encoding: string | null): SourceRows {
  return { format: 'mapped', kind, rows, encoding, schools: [], stats: [], rotations: [] };
}

/** Reads the data rows of a table through a preset that matched it: template cell rules, provenance per value. */
export function readWithPreset(
  file: string,
  preset: ColumnMappingPreset,
  layout: HeaderLayout,
  bound: ReadonlyMap<string, LayoutColumn>,
  encoding: string | null,
  issues: IssueCollector,
): SourceRows {
  const { kind } = preset;
  const headerRow = layout.headerRows[layout.headerRows.length - 1] ?? null;
  const bindings: ColumnBinding[] = [];
  let unitErrors = 0;
  for (const [key, layoutColumn] of bound) {
    const column = IMPORT_COLUMNS[kind].find((c) => c.key === key);
    if (!column) continue;
    const base = { index: layoutColumn.index, header: layoutColumn.label, column };
    const scale = scaleOf(base, layoutColumn.path);
    if ('unit' in scale) {
      unitErrors++;
      issues.error({
        file,
        row: headerRow,
        column: layoutColumn.label,
        value: null,
        message: `列「${layoutColumn.label}」的单位「${scale.unit}」不能用于 ${column.zh}（列对应「${preset.name}」）`,
        sheet: layout.sheet,
        cell: headerRow === null ? null : `${layoutColumn.letter}${headerRow}`,
      });
      continue;
    }
    bindings.push({ ...base, scale: scale.scale });
  }
  if (unitErrors > 0) return emptyRows(kind, layout.dataRows.length, encoding);
  if (layout.dataRows.length === 0) {
    issues.error({
      file,
      row: headerRow,
      column: null,
      value: null,
      message: `文件只有表头，没有数据行（按列对应「${preset.name}」读作「${IMPORT_KIND_ZH[kind]}」）：请在表头下填写数据后再导入`,
    });
    return emptyRows(kind, 0, encoding);
  }
  issues.warning({
    file,
    row: headerRow,
    column: null,
    value: null,
    message: `表头按列对应「${preset.name}」读取（${IMPORT_KIND_ZH[kind]}，${bindings.length} 列）`,
  });
  const parsed = parseRows(kind, file, bindings, layout.dataRows, issues);
  const located = parsed.rows.map((r) => {
    const sources: Record<string, ValueSource> = {};
    for (const b of bindings) {
      sources[b.column.field] = {
        file,
        sheet: layout.sheet,
        cell: `${layoutLetter(layout, b.index)}${r.rowNumber}`,
        label: b.header,
      };
    }
    return { ...r, sources, sheet: layout.sheet };
  });
  const out = emptyRows(kind, layout.dataRows.length, encoding);
  if (kind === 'schools') out.schools = located as LocatedRow<never>[];
  else if (kind === 'school_stats') out.stats = located as LocatedRow<never>[];
  else out.rotations = located as LocatedRow<never>[];
  return out;
}

function layoutLetter(layout: HeaderLayout, index: number): string {
  return layout.columns[index]?.letter ?? '';
}

/**
 * Tables read through a column mapping (issue #13 point 3): a preset given explicitly (a form field, `--mapping`)
 * first, then the presets saved for the importer's counties, each tried on the table's header layout (and on the
 * header rows above the preset's first data row, when it names one). The first that matches reads the file.
 */
export const mappedTableReader: SourceReader = {
  format: 'mapped',
  async read(file, context) {
    if (context.mappings.length === 0) return null;
    const format = detectFormat(file.bytes);
    if (file.bytes.length === 0 || (format !== 'csv' && format !== 'xlsx')) return null;
    let table: Awaited<ReturnType<typeof readTable>>;
    try {
      table = await readTable(file.name, file.bytes);
    } catch (error) {
      // The template path reads the file again and reports why it cannot be read.
      if (error instanceof ImportFileError) return null;
      throw error;
    }
    const auto = analyseHeader(table);
    const ordered = [...context.mappings].sort((a, b) => Number(b.explicit ?? false) - Number(a.explicit ?? false));
    for (const preset of ordered) {
      let layout = auto;
      let bound = matchPreset(preset, layout);
      if (!bound && preset.firstDataRow) {
        layout = analyseHeader(table, { firstDataRow: preset.firstDataRow });
        bound = matchPreset(preset, layout);
      }
      if (bound) return readWithPreset(file.name, preset, layout, bound, table.encoding, context.issues);
    }
    return null;
  },
};
