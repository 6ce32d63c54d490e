import {
  type ColumnDefinition,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportInspection,
  type ImportKind,
  type InspectedFile,
} from '@junheng/shared';
import { matchHeaders, normaliseHeader } from './headers.ts';
import { ImportFileError } from './import-file-error.ts';
import { IssueCollector } from './issues.ts';
import { type RawTable, readTable } from './read-table.ts';
import { analyseHeader, type HeaderLayout, type LayoutColumn, signatureOf } from './sources/header-layout.ts';
import { matchPreset } from './sources/mapped-reader.ts';
import { SOURCE_READERS } from './sources/source-reader.ts';
import { locateHeader, type ParseOptions, type UploadedImportFile } from './validate-import.ts';

/** Sample rows an inspection shows of each table. */
export const SAMPLE_ROWS = 10;
/** How alike a header and a field name must be (bigram Dice) for a suggestion by similarity. */
const SUGGEST_SIMILARITY = 0.75;
const SHARED_KEYS = new Set(['year', 'school_code']);

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
}

/** Bigram Dice similarity of two normalised header texts (1 = the same). */
export function headerSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** Texts a column's path may be known by: the leaf, the leaf after or before its group, the whole path. */
function candidateTexts(path: readonly string[]): string[] {
  const leaf = path[path.length - 1] ?? '';
  const parent = path[path.length - 2];
  const texts = [leaf];
  if (parent !== undefined) texts.push(`${parent}${leaf}`, `${leaf}${parent}`);
  if (path.length > 2) texts.push(path.join(''));
  return texts;
}

function suggestColumn(kind: ImportKind, column: LayoutColumn): ColumnDefinition | null {
  const texts = candidateTexts(column.path);
  // The template rules first (exact names, aliases, units in brackets) …
  for (const text of texts) {
    const binding = matchHeaders(kind, [text]).bindings[0];
    if (binding) return binding.column;
  }
  // … then the closest field name, when close enough.
  let best: { column: ColumnDefinition; score: number } | null = null;
  for (const text of texts) {
    const n = normaliseHeader(text).base;
    for (const definition of IMPORT_COLUMNS[kind]) {
      const score = headerSimilarity(n, normaliseHeader(definition.zh).base);
      if (score >= SUGGEST_SIMILARITY && (best === null || score > best.score)) best = { column: definition, score };
    }
  }
  return best?.column ?? null;
}

/** A suggested mapping: per kind the fields whose names match a header; the kind with most distinctive matches. */
export function suggestMapping(layout: HeaderLayout): InspectedFile['suggestion'] {
  let best: { kind: ImportKind; columns: Record<string, string>; distinctive: number } | null = null;
  for (const kind of IMPORT_KINDS) {
    const columns: Record<string, string> = {};
    for (const column of layout.columns) {
      if (column.label === '') continue;
      const definition = suggestColumn(kind, column);
      if (definition && columns[definition.key] === undefined) columns[definition.key] = column.label;
    }
    const distinctive = Object.keys(columns).filter((k) => !SHARED_KEYS.has(k)).length;
    if (best === null || distinctive > best.distinctive) best = { kind, columns, distinctive };
  }
  if (best === null || Object.keys(best.columns).length === 0) return null;
  return { kind: best.kind, columns: best.columns };
}

function describeLayout(
  layout: HeaderLayout,
): Pick<
  InspectedFile,
  'sheet' | 'headerRows' | 'firstDataRow' | 'columns' | 'signature' | 'sampleRows' | 'dataRows' | 'suggestion'
> {
  return {
    sheet: layout.sheet,
    headerRows: layout.headerRows,
    firstDataRow: layout.dataRows[0]?.rowNumber ?? null,
    columns: layout.columns,
    signature: signatureOf(layout),
    sampleRows: layout.dataRows.slice(0, SAMPLE_ROWS).map((r) => ({
      rowNumber: r.rowNumber,
      cells: layout.columns.map((c) => r.cells[c.index] ?? ''),
    })),
    dataRows: layout.dataRows.length,
    suggestion: suggestMapping(layout),
  };
}

async function inspectFile(file: UploadedImportFile, options: ParseOptions): Promise<InspectedFile> {
  const inspected: InspectedFile = {
    file: file.name,
    recognised: false,
    format: null,
    kind: null,
    preset: null,
    message: null,
    sheet: null,
    headerRows: [],
    firstDataRow: null,
    columns: [],
    signature: [],
    sampleRows: [],
    dataRows: 0,
    suggestion: null,
  };
  // The other source families (statistics workbooks, extracts, rosters): read, nothing written.
  for (const reader of SOURCE_READERS) {
    if (reader.format === 'mapped') continue;
    const rows = await reader.read(file, { issues: new IssueCollector(), mappings: [] });
    if (rows !== null) {
      const kind =
        rows.kind ?? (rows.stats.length > 0 ? 'school_stats' : rows.schools.length > 0 ? 'schools' : 'rotations');
      return { ...inspected, recognised: true, format: rows.format, kind };
    }
  }
  let table: RawTable;
  try {
    table = await readTable(file.name, file.bytes);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    return { ...inspected, message: error.message };
  }
  const layout = analyseHeader(table);
  const described = { ...inspected, ...describeLayout(layout) };
  for (const preset of options.mappings ?? []) {
    const bound =
      matchPreset(preset, layout) ??
      (preset.firstDataRow ? matchPreset(preset, analyseHeader(table, { firstDataRow: preset.firstDataRow })) : null);
    if (bound) {
      return {
        ...described,
        recognised: true,
        format: 'mapped',
        kind: preset.kind,
        preset: { id: preset.id, name: preset.name },
      };
    }
  }
  const { recognition } = locateHeader(table);
  if (recognition.kind !== null) return { ...described, recognised: true, format: 'template', kind: recognition.kind };
  const errors = recognition.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  return { ...described, message: errors.join('；') || null };
}

/**
 * What each uploaded file is (issue #13 point 3), without importing anything: recognised (a template, another source
 * family, a table a saved preset reads), or not, with its header tree, sample rows and a suggested mapping.
 */
export async function inspectImportFiles(
  files: readonly UploadedImportFile[],
  options: ParseOptions = {},
): Promise<ImportInspection> {
  const out: InspectedFile[] = [];
  for (const file of files) out.push(await inspectFile(file, options));
  return { files: out };
}
