import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../export/load-exceljs.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';
import { checkXlsxLimits } from './xlsx-guard.ts';

export interface TableRow {
  /** Row number as Excel shows it (the first line of the file is row 1). */
  rowNumber: number;
  /** Raw cell texts, trailing empty cells removed. */
  cells: string[];
}

export interface RawTable {
  format: 'csv' | 'xlsx';
  /** Text encoding of a CSV; null for XLSX. */
  encoding: TextEncodingName | null;
  /** Sheet read from an XLSX (the first one); null for CSV. */
  sheetName: string | null;
  /** Row number of the header row (the first non-empty row, normally 1). */
  headerRowNumber: number;
  /** Header cells as written (trailing empty headers removed). */
  headers: string[];
  /** Non-empty rows after the header. */
  rows: TableRow[];
}

export const NOT_A_TABLE_MESSAGE = '不是 CSV 或 XLSX 文件：请上传 Excel 工作簿（.xlsx）或 CSV 文件。';
export const EMPTY_FILE_MESSAGE = '文件为空：没有找到表头行。请使用模板填写后再导入。';
export const LEGACY_XLS_MESSAGE =
  '这是旧版 Excel 文件（.xls），暂不支持：请在 Excel 中“另存为” Excel 工作簿（.xlsx）或 CSV 后重新导入。';
export const NO_WORKSHEET_MESSAGE =
  '文件中没有 Excel 工作表：不是 CSV 或 XLSX 文件（可能是 Word 文档或其他压缩包）。请上传 Excel 工作簿（.xlsx）或 CSV 文件。';
export const CORRUPT_XLSX_MESSAGE =
  '无法读取 XLSX 文件（文件已损坏或不完整）：请在 Excel 中打开确认后重新保存，再导入。';

const MAGIC = {
  zip: [0x50, 0x4b, 0x03, 0x04],
  emptyZip: [0x50, 0x4b, 0x05, 0x06],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
} as const;

/** Signatures of common non-table files, rejected before any decoding is attempted. */
const OTHER_BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

export type DetectedFormat = 'csv' | 'xlsx' | 'xls' | 'other';

/** File format by magic bytes (the extension is only a hint and is not trusted). */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (startsWith(bytes, MAGIC.zip) || startsWith(bytes, MAGIC.emptyZip)) return 'xlsx';
  if (startsWith(bytes, MAGIC.ole)) return 'xls';
  if (OTHER_BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) return 'other';
  return 'csv';
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

function toTable(
  format: RawTable['format'],
  encoding: TextEncodingName | null,
  sheetName: string | null,
  rows: TableRow[],
): RawTable {
  const nonEmpty = rows.filter((row) => row.cells.length > 0);
  const [header, ...data] = nonEmpty;
  if (!header) throw new ImportFileError('empty', EMPTY_FILE_MESSAGE);
  return { format, encoding, sheetName, headerRowNumber: header.rowNumber, headers: header.cells, rows: data };
}

// ---------------------------------------------------------------------------------------------------------------- CSV

/** Comma by default; tab or semicolon when the header line has none of the commas but has those. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  let start = 0;
  let headerLine = '';
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    if (line.trim() !== '') {
      headerLine = line;
      break;
    }
    if (end === -1) break;
    start = end + 1;
  }
  if (headerLine.includes(',')) return ',';
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(';')) return ';';
  return ',';
}

/**
 * What an uploaded CSV may hold (issue #10): with the upload size limit, these bound the memory one import takes.
 * A county's statistics are a few thousand rows of about 35 columns.
 */
export const CSV_LIMITS = { rows: 50_000, columns: 1000 } as const;

interface CsvErrorLike {
  code?: unknown;
  lines?: unknown;
  message?: unknown;
}

function readCsv(bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new ImportFileError('empty', EMPTY_FILE_MESSAGE);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      // Keep empty lines as records so that a record's index is its row number as Excel shows it.
      skip_empty_lines: false,
      // One line past the limit is enough to refuse the file: the rest is never parsed.
      to_line: CSV_LIMITS.rows + 1,
      on_record: (record: string[], { lines }: { lines: number }) => {
        if (record.length > CSV_LIMITS.columns) {
          throw new ImportFileError(
            'too_large',
            `CSV 文件第 ${lines} 行有 ${record.length} 列，超过 ${CSV_LIMITS.columns} 列上限：请检查分隔符，或删除多余的列后再导入。`,
            { row: lines },
          );
        }
        return record;
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const e = (error ?? {}) as CsvErrorLike;
    const line = typeof e.lines === 'number' ? e.lines : null;
    const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号未闭合' : '格式错误';
    throw new ImportFileError(
      'csv_syntax',
      `CSV 文件${what}${line === null ? '' : `（约第 ${line} 行）`}：请检查该处的英文双引号是否成对，或在 Excel 中重新另存为 CSV。`,
      { row: line, cause: error },
    );
  }
  if (records.length > CSV_LIMITS.rows) {
    throw new ImportFileError('too_large', `CSV 文件超过 ${CSV_LIMITS.rows} 行上限：请把数据拆分成多个文件后再导入。`, {
      row: CSV_LIMITS.rows + 1,
    });
  }
  const rows: TableRow[] = records.map((cells, index) => ({ rowNumber: index + 1, cells: trimTrailingEmpty(cells) }));
  return toTable('csv', encoding, null, rows);
}

// --------------------------------------------------------------------------------------------------------------- XLSX

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** An ExcelJS cell value as the text the analyst sees (numbers in full precision, formulas as their result). */
export function cellText(value: ExcelJS.CellValue | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText.map((part: unknown) => String((part as { text?: unknown }).text ?? '')).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text);
    if ('error' in v) return String(v.error ?? '');
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  checkXlsxLimits(bytes);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new ImportFileError('corrupt_xlsx', CORRUPT_XLSX_MESSAGE, { cause: error });
  }
  // The first worksheet; a hidden or empty sheet in front of the data (a blank Sheet1) is passed over.
  const sheets = workbook.worksheets;
  const sheet =
    sheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden' && w.actualRowCount > 0) ?? sheets[0];
  if (!sheet) throw new ImportFileError('not_a_table', NO_WORKSHEET_MESSAGE);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ rowNumber, cells: trimTrailingEmpty(cells) });
  });
  return toTable('xlsx', null, sheet.name, rows);
}

// ---------------------------------------------------------------------------------------------------------------- API

/**
 * Read an uploaded CSV or XLSX into header + rows of strings. The format is detected by magic bytes.
 * Throws ImportFileError for an empty, binary, legacy .xls, corrupt XLSX or undecodable file.
 */
export async function readTable(_fileName: string, bytes: Uint8Array): Promise<RawTable> {
  if (bytes.length === 0) throw new ImportFileError('empty', EMPTY_FILE_MESSAGE);
  switch (detectFormat(bytes)) {
    case 'xlsx':
      return readXlsx(bytes);
    case 'xls':
      throw new ImportFileError('legacy_xls', LEGACY_XLS_MESSAGE);
    case 'other':
      throw new ImportFileError('not_a_table', NOT_A_TABLE_MESSAGE);
    case 'csv':
      return readCsv(bytes);
  }
}
