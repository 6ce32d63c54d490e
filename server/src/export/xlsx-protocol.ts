/** Messages between writeXlsx (main thread) and its worker thread, xlsx-worker.ts. */

export type XlsxCell = string | number | boolean | null;

/** What the worker needs before the first row: the data sheet's layout. */
export interface XlsxWorkerSetup {
  sheetName: string;
  created: Date;
  /** Language of the page footer (第 1 页 / Page 1). */
  lang: 'zh' | 'en';
  columns: { header: string; key: string; width: number; numFmt?: string }[];
  /** Height of the wrapped header row in points. */
  headerHeight?: number;
}

export type XlsxWorkerRequest =
  /** Data rows in order; `formats[i]` lists [column index, number format] of row i's cells with a format of their own. */
  | { type: 'rows'; rows: XlsxCell[][]; formats?: ([number, string][] | undefined)[] }
  /** No more rows: write the 说明 sheet ([label, text, bold] lines) and finish the file. */
  | { type: 'end'; aboutName: string; about: [string, string, boolean][] };

export type XlsxWorkerReply =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'ack' }
  | { type: 'done' }
  | { type: 'failed'; message: string };
