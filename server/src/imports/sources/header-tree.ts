import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../export/load-exceljs.ts';
import { decodeText, type TextEncodingName } from '../decode-text.ts';
import { cellText, detectFormat } from '../read-table.ts';
import { checkXlsxLimits } from '../xlsx-guard.ts';

/**
 * A sheet as a grid of cell texts with their merges, and the header paths of a multi-row header (issue #13): county
 * extracts head their columns with 2–3 merged rows (`专任教师 > #按授课课程分 > 艺术 > 计`), so a column is found by its
 * path of header texts, never by its letter.
 */

export interface GridCell {
  text: string;
  /** Address of the merge's top-left cell when the cell is part of a merge (XLSX only). */
  master?: string;
}

export interface GridRow {
  /** Row number as Excel shows it. */
  rowNumber: number;
  cells: GridCell[];
}

export interface Grid {
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  sheet: string | null;
  rows: GridRow[];
}

/** Rows read from a CSV or each worksheet of an XLSX at most (an extract is a few hundred schools). */
const MAX_GRID_ROWS = 50_000;

/**
 * The grids of a file: one for a CSV, one per visible worksheet of an XLSX (after the zip-bomb and size guards).
 * Returns null for a file that is neither (the template path reports why).
 */
export async function readGrids(
  bytes: Uint8Array,
  /** A CSV whose first lines hold none of these texts is not parsed (cheap rejection of other families). */
  csvMustContain: readonly string[] = [],
): Promise<Grid[] | null> {
  if (bytes.length === 0) return null;
  const format = detectFormat(bytes);
  if (format === 'csv') {
    let decoded: { text: string; encoding: TextEncodingName };
    try {
      decoded = decodeText(bytes);
    } catch {
      return null;
    }
    const head = decoded.text.slice(0, 20_000);
    if (csvMustContain.length > 0 && !csvMustContain.some((t) => head.includes(t))) return null;
    let records: string[][];
    try {
      records = parseCsv(decoded.text, {
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        to_line: MAX_GRID_ROWS,
      });
    } catch {
      return null;
    }
    return [
      {
        format: 'csv',
        encoding: decoded.encoding,
        sheet: null,
        rows: records.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((text) => ({ text })) })),
      },
    ];
  }
  if (format !== 'xlsx') return null;
  try {
    checkXlsxLimits(bytes);
  } catch {
    return null;
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return null;
  }
  const grids: Grid[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden' || sheet.actualRowCount === 0) continue;
    grids.push({ format: 'xlsx', encoding: null, sheet: sheet.name, rows: sheetRows(sheet) });
  }
  return grids;
}

function sheetRows(sheet: ExcelJS.Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_GRID_ROWS) return;
    const cells: GridCell[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master.address : undefined;
      cells.push(master === undefined ? { text: cellText(cell.value) } : { text: cellText(cell.value), master });
    }
    rows.push({ rowNumber, cells });
  });
  return rows;
}

/** A header text for matching: no spaces, no `#` or `其中：` markers, full-width folded. */
export function normaliseSegment(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/^#+/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/^#+/, '');
}

export interface HeaderColumn {
  index: number;
  /** Header texts from the top row down, as written (repeats of a vertical merge removed). */
  path: string[];
  /** The same, normalised for matching (units in brackets kept: `教学仪器设备值(万元)`). */
  key: string[];
  /** `在校生数 > 合计`: the label stored with each value's provenance. */
  label: string;
}

/**
 * Header paths of the columns of a header block (rows `header`, top row first). XLSX: a cell merged with the one
 * above continues it (no new segment), a horizontal merge gives its text to every column it spans. CSV (merges
 * exported as blank cells): a blank cell of the top row continues the text on its left; a blank cell lower down
 * continues its left neighbour when both columns have the same path above it, else it continues the text above.
 */
export function headerColumns(header: readonly GridRow[], format: 'csv' | 'xlsx'): HeaderColumn[] {
  const width = Math.max(0, ...header.map((r) => r.cells.length));
  const effective: string[][] = header.map(() => new Array<string>(width).fill(''));
  const paths: string[][] = Array.from({ length: width }, () => []);
  for (let r = 0; r < header.length; r++) {
    const row = header[r] as GridRow;
    for (let c = 0; c < width; c++) {
      const cell = row.cells[c];
      const text = (cell?.text ?? '').trim();
      const effRow = effective[r] as string[];
      if (format === 'xlsx') {
        const above = r > 0 ? (header[r - 1] as GridRow).cells[c] : undefined;
        const continuesAbove = cell?.master !== undefined && above?.master === cell.master;
        if (continuesAbove) continue;
        effRow[c] = text;
      } else if (text !== '') {
        effRow[c] = text;
      } else if (c > 0) {
        const left = effRow[c - 1] ?? '';
        const samePathAbove = r === 0 || effective.slice(0, r).every((prev) => (prev[c] ?? '') === (prev[c - 1] ?? ''));
        if (left !== '' && samePathAbove) effRow[c] = left;
      }
      if (effRow[c] !== '') (paths[c] as string[]).push(effRow[c] as string);
    }
  }
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const seg of paths[c] as string[]) if (path[path.length - 1] !== seg) path.push(seg);
    if (path.length === 0) continue;
    columns.push({ index: c, path, key: path.map(normaliseSegment), label: path.join(' > ') });
  }
  return columns;
}
