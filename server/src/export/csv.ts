import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { type ExportColumn, type ExportTable, headerOf } from './table.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';
// Flush in pieces of this size: large exports stream with flat memory instead of building one string.
const FLUSH_CHARS = 64 * 1024;

/** One CSV field, quoted per RFC 4180 when needed (and when it holds a ';'). */
export function formatCsvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A text cell starting with = + - @ would run as a formula in Excel (CSV injection): prefix it with a quote mark.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  // Quoted when it holds a quote, a line break or the separator of either locale: ',' and the ';' that Excel uses
  // where the comma is the decimal mark (else `'=1+1;=2+2` would split there into a live formula `=2+2`).
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One data row. `rounded` (the Excel CSV) writes numbers with the decimals the screen shows (the column's `decimalsOf`
 * or `decimals`); otherwise (the plain CSV for scripts) numbers keep full precision, as in the JSON.
 */
export function formatCsvRow<Row>(columns: ExportColumn<Row>[], row: Row, rounded = false): string {
  return (
    columns
      .map((c) => {
        const value = c.value(row);
        if (rounded && typeof value === 'number' && Number.isFinite(value)) {
          const decimals = c.decimalsOf?.(row) ?? c.decimals;
          if (decimals !== undefined) return formatCsvField(roundForDisplay(value, decimals));
        }
        return formatCsvField(value);
      })
      .join(',') + CRLF
  );
}

/** A number as the screen shows it, without grouping (Excel reads 1234.50, not 1,234.50) and never "-0.00". */
export function roundForDisplay(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/**
 * Writes a table as CSV: header row then data rows, CRLF, no `sep=` line; for Excel on Chinese Windows with a UTF-8
 * BOM and the screen's decimals, or for scripts without BOM and at full precision. Respects back-pressure.
 */
export async function writeCsv<Row>(
  table: ExportTable<Row>,
  options: { bom: boolean; lang: 'zh' | 'en' },
  out: Writable,
): Promise<number> {
  let buffer =
    (options.bom ? BOM : '') + table.columns.map((c) => formatCsvField(headerOf(c, options.lang))).join(',') + CRLF;
  let count = 0;
  for await (const row of table.rows) {
    buffer += formatCsvRow(table.columns, row, options.bom);
    count += 1;
    if (buffer.length >= FLUSH_CHARS) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
      buffer = '';
    }
  }
  out.end(buffer);
  return count;
}

/** The whole CSV as a string, for small tables and tests. */
export async function tableToCsv<Row>(table: ExportTable<Row>, options: { bom: boolean; lang: 'zh' | 'en' }) {
  let text =
    (options.bom ? BOM : '') + table.columns.map((c) => formatCsvField(headerOf(c, options.lang))).join(',') + CRLF;
  for await (const row of table.rows) text += formatCsvRow(table.columns, row, options.bom);
  return text;
}

/** Writes ready-made CSV lines (already quoted) after a header, in pages, respecting back-pressure. */
export async function writeCsvLines(
  header: string,
  pages: AsyncIterable<string[]>,
  options: { bom: boolean },
  out: Writable,
): Promise<number> {
  let count = 0;
  if (!out.write((options.bom ? BOM : '') + header + CRLF)) await new Promise((resolve) => out.once('drain', resolve));
  for await (const lines of pages) {
    if (lines.length === 0) continue;
    count += lines.length;
    if (!out.write(lines.join(CRLF) + CRLF)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
  return count;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * CSV with LF row ends (PostgreSQL's COPY output) to CSV with CRLF row ends, as every export of this app has them.
 * A line break inside a quoted field is data and stays as it is; `rows` counts the rows passed on. One pass over the
 * bytes with a one-bit state (inside quotes or not: a doubled quote toggles twice), so it keeps up with COPY.
 */
export class CsvRowEndTransform extends Transform {
  rows = 0;
  #quoted = false;
  readonly #onRows: ((rows: number) => void) | undefined;

  /** `onRows` hears of the rows of each chunk as it is passed on (an export's audit counts them). */
  constructor(onRows?: (rows: number) => void) {
    super();
    this.#onRows = onRows;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    // First find the row ends (a comparison per byte, nothing written), then copy the rows between them natively.
    const ends: number[] = [];
    let quoted = this.#quoted;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      if (byte === QUOTE) quoted = !quoted;
      else if (byte === LF && !quoted) ends.push(i);
    }
    this.#quoted = quoted;
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let written = 0;
    let start = 0;
    for (const end of ends) {
      written += chunk.copy(out, written, start, end);
      out[written++] = CR;
      start = end;
    }
    chunk.copy(out, written, start);
    this.rows += ends.length;
    this.#onRows?.(ends.length);
    callback(null, out);
  }
}
