import { HEADER_PATH_SEPARATOR } from '@junheng/shared';
import { columnLetter } from '../excel-address.ts';
import { normaliseHeader } from '../headers.ts';
import { shorten } from '../issues.ts';
import { parseNumberCell } from '../parse-rows.ts';
import type { RawTable, TableRow } from '../read-table.ts';

/**
 * The header block of a table with one or more header rows (issue #13 point 3): title rows above it are passed over,
 * merged cells (XLSX repeats a merged cell's text over its range; a CSV leaves the rest of a group blank) become one
 * header path per column, `专任教师 > 按学历分 > 本科`, and a code row (`甲 | 乙 | 1 | 2 …`) is part of the block but
 * not of the paths.
 */
export interface HeaderLayout {
  sheet: string | null;
  /** Row numbers of the header rows (title rows left out, code rows included). */
  headerRows: number[];
  columns: LayoutColumn[];
  /** Rows below the header block. */
  dataRows: TableRow[];
}

export interface LayoutColumn {
  index: number;
  letter: string;
  path: string[];
  label: string;
}

const MAX_TITLE_ROWS = 3;
const MAX_HEADER_ROWS = 6;
/** No header text is longer than this (a huge cell would slow matching down: issue #10). */
const MAX_HEADER_CHARS = 200;
const CODE_ROW_FIRST = new Set(['甲', '乙', '丙', '栏次', '代码']);

const nonEmpty = (cells: readonly string[]) => cells.map((c) => c.trim()).filter((c) => c !== '');

/** A row with one text only (a merged title repeats it): 某县2024年学校统计表. */
function isTitleRow(row: TableRow): boolean {
  return new Set(nonEmpty(row.cells)).size === 1;
}

/** The column-code row of a statistics form: 甲 | 乙 | 1 | 2 | 3 …, or only the numbers 1, 2, 3 … in order. */
function isCodeRow(row: TableRow): boolean {
  const cells = nonEmpty(row.cells);
  if (cells.length === 0) return false;
  if (CODE_ROW_FIRST.has(cells[0] as string)) return true;
  if (cells.length < 3) return false;
  return cells.every((c, i) => c === String(i + 1));
}

/** A data row: some cells are numbers (codes, counts); header rows are words. */
function isDataRow(row: TableRow): boolean {
  if (isCodeRow(row)) return false;
  const cells = nonEmpty(row.cells);
  if (cells.length === 0) return false;
  const numbers = cells.filter((c) => parseNumberCell(c).kind === 'number').length;
  return numbers > 0 && numbers / cells.length >= 0.2;
}

/** Header paths of the header rows: merged groups filled, repeated texts of a vertical merge kept once. */
function pathsOf(rows: readonly TableRow[]): string[][] {
  const pathRows = rows.filter((r) => !isCodeRow(r));
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const grid = pathRows.map((r) =>
    Array.from({ length: width }, (_, c) => shorten((r.cells[c] ?? '').trim(), MAX_HEADER_CHARS)),
  );
  // A CSV group header is written once, over its first column: fill it rightwards over columns that have a lower
  // header, as far as the group goes (until the next text in the row or a column without any lower header).
  for (let r = 0; r < grid.length - 1; r++) {
    const row = grid[r] as string[];
    let carry = '';
    for (let c = 0; c < width; c++) {
      const hasLower = grid.slice(r + 1).some((lower) => (lower[c] ?? '') !== '');
      if (row[c] !== '') carry = row[c] as string;
      else if (hasLower && carry !== '') row[c] = carry;
      if (!hasLower) carry = '';
    }
  }
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const row of grid) {
      const text = row[c] ?? '';
      if (text !== '' && path[path.length - 1] !== text) path.push(text);
    }
    paths.push(path);
  }
  return paths;
}

/**
 * The header layout of a table. With `firstDataRow` (a preset's), the header block is the rows above it (title rows
 * left out); otherwise it ends at the first row that looks like data, at most six rows down.
 */
export function analyseHeader(table: RawTable, options: { firstDataRow?: number | null } = {}): HeaderLayout {
  const all: TableRow[] = [{ rowNumber: table.headerRowNumber, cells: table.headers }, ...table.rows];
  const limit = options.firstDataRow ?? null;
  let start = 0;
  while (
    start < MAX_TITLE_ROWS &&
    start + 1 < all.length &&
    isTitleRow(all[start] as TableRow) &&
    !isTitleRow(all[start + 1] as TableRow) &&
    (limit === null || (all[start + 1] as TableRow).rowNumber < limit)
  ) {
    start++;
  }
  let end = start;
  if (limit !== null) {
    while (end < all.length && (all[end] as TableRow).rowNumber < limit) end++;
  } else {
    while (end < all.length && end - start < MAX_HEADER_ROWS && !isDataRow(all[end] as TableRow)) end++;
  }
  if (end === start) end = Math.min(start + 1, all.length);
  const headerRows = all.slice(start, end);
  const columns = pathsOf(headerRows).map((path, index) => ({
    index,
    letter: columnLetter(index),
    path,
    label: path.join(HEADER_PATH_SEPARATOR),
  }));
  return {
    sheet: table.sheetName,
    headerRows: headerRows.map((r) => r.rowNumber),
    columns,
    dataRows: all.slice(end),
  };
}

/** A header path compared loosely: each part normalised as template headers are (spaces, full-width, brackets). */
export function pathKey(label: string): string {
  return label
    .split('>')
    .map((part) => normaliseHeader(part).name)
    .filter((part) => part !== '')
    .join('>');
}

/** The header paths of a layout's columns that have one, in column order. */
export function signatureOf(layout: HeaderLayout): string[] {
  return layout.columns.filter((c) => c.label !== '').map((c) => c.label);
}
