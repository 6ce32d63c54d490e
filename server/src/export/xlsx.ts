import type { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.ts';
import { displayWidth, numberFormatOf } from './print-setup.ts';
import { type ExportContext, type ExportTable, headerOf } from './table.ts';
import type { XlsxCell, XlsxWorkerReply, XlsxWorkerRequest, XlsxWorkerSetup } from './xlsx-protocol.ts';

/** Width up to which a header sets its column's width; longer headers wrap onto more lines. */
const HEADER_WRAP_WIDTH = 16;
/** Rows per message to the worker thread. */
const BATCH_ROWS = 500;
/** Batches sent to the worker and not yet written by it: the main thread never reads far ahead of the file. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Writes a table as XLSX with a streaming writer: sheet 1 holds the data (headers with units, frozen header row,
 * number formats per column), sheet 说明 states filters, data year, generation time and definitions.
 *
 * ExcelJS runs in a worker thread (xlsx-worker.ts): building and zipping a 24 700-row sheet on the main thread held
 * every other request for seconds (issue #10). This thread only reads the rows and turns them into plain cell values.
 */
export async function writeXlsx<Row>(
  table: ExportTable<Row>,
  context: ExportContext,
  out: Writable,
  /** The rows, when they are in memory: the columns are then as wide as their longest text (full school names). */
  rowsInMemory: readonly Row[] | null = Array.isArray(table.rows) ? (table.rows as readonly Row[]) : null,
): Promise<number> {
  const zh = context.lang === 'zh';
  const contentWidths = rowsInMemory ? measureColumns(table.columns, rowsInMemory) : null;
  const setup: XlsxWorkerSetup = {
    sheetName: sanitiseSheetName(zh ? table.titleZh : table.titleEn),
    created: context.generatedAt,
    lang: context.lang,
    columns: table.columns.map((c, i) => {
      const header = headerOf(c, context.lang);
      // Headers wrap (print-ready, issue #12): a long header takes lines, not width; cells set the width.
      const width =
        c.width ?? Math.max(Math.min(HEADER_WRAP_WIDTH, displayWidth(header) + 2), contentWidths?.[i] ?? 0, 8);
      return { header, key: c.key, width, ...(c.decimals === undefined ? {} : { numFmt: numberFormatOf(c.decimals) }) };
    }),
  };
  setup.headerHeight =
    15 * Math.max(1, ...setup.columns.map((c) => Math.ceil(displayWidth(c.header) / Math.max(1, c.width - 1))));
  const ownFormats = table.columns.flatMap((c, i) => (c.decimalsOf ? [{ index: i, decimalsOf: c.decimalsOf }] : []));
  const writer = new XlsxWorkerWriter(
    startWorker({ source: new URL('./xlsx-worker.ts', import.meta.url), bundle: 'xlsx-worker' }, { workerData: setup }),
    out,
  );
  try {
    let count = 0;
    let rows: XlsxCell[][] = [];
    let formats: [number, string][][] = [];
    const flush = async () => {
      const batch: XlsxWorkerRequest = { type: 'rows', rows, ...(ownFormats.length > 0 ? { formats } : {}) };
      rows = [];
      formats = [];
      await writer.send(batch);
    };
    for await (const row of table.rows) {
      rows.push(table.columns.map((c) => normaliseCell(c.value(row))));
      if (ownFormats.length > 0) formats.push(ownFormats.map((f) => [f.index, numberFormatOf(f.decimalsOf(row))]));
      count += 1;
      if (rows.length >= BATCH_ROWS) await flush();
    }
    if (rows.length > 0) await flush();
    await writer.finish({ type: 'end', aboutName: zh ? '说明' : 'About', about: aboutLines(table, context, count) });
    return count;
  } finally {
    writer.close();
  }
}

/**
 * Width each text column needs to show its longest cell in full (a school's full Chinese name: a CJK character is two
 * characters wide), at most 60. Only for tables held in memory (report tables); streamed ones keep header widths.
 */
function measureColumns<Row>(columns: ExportTable<Row>['columns'], rows: readonly Row[]): number[] {
  return columns.map((c) => {
    let widest = 0;
    for (const row of rows) {
      const value = c.value(row);
      if (typeof value === 'string') widest = Math.max(widest, displayWidth(value));
    }
    return widest === 0 ? 0 : Math.min(60, widest + 2);
  });
}

/** The 说明 sheet as [label, text, bold] lines. */
function aboutLines<Row>(table: ExportTable<Row>, context: ExportContext, count: number): [string, string, boolean][] {
  const zh = context.lang === 'zh';
  const lines: [string, string, boolean][] = [];
  const line = (a: string, b: string, bold = false) => lines.push([a, b, bold]);
  line(zh ? '均衡 · 县域义务教育优质均衡监测' : 'Junheng · county compulsory-education balance', '', true);
  line(zh ? '内容' : 'Content', zh ? table.titleZh : table.titleEn);
  for (const [k, v] of context.filters) line(k, v);
  line(zh ? '数据年度' : 'Data year', context.dataYears);
  line(zh ? '生成时间' : 'Generated at', formatTimestamp(context.generatedAt));
  line(zh ? '行数' : 'Rows', String(count));
  line('', '');
  line(zh ? '指标定义' : 'Definitions', '', true);
  for (const [k, v] of context.definitions) line(k, v);
  if (context.notes && context.notes.length > 0) {
    line('', '');
    line(zh ? '批注' : 'Notes', '', true);
    for (const [k, v] of context.notes) line(k, v);
  }
  return lines;
}

/**
 * The main thread's end of one export worker: sends batches when fewer than BATCHES_IN_FLIGHT are unwritten and the
 * client has taken what was written (drain), writes the worker's bytes to `out` in order, and stops the worker on
 * its failure or when the client goes away.
 */
class XlsxWorkerWriter {
  #inFlight = 0;
  #failure: Error | null = null;
  #done = false;
  #wake: (() => void) | null = null;
  readonly #finished: Promise<void>;
  #resolveFinished!: () => void;
  #rejectFinished!: (error: Error) => void;

  constructor(
    private readonly worker: Worker,
    private readonly out: Writable,
  ) {
    this.#finished = new Promise<void>((resolve, reject) => {
      this.#resolveFinished = resolve;
      this.#rejectFinished = reject;
    });
    // Nobody may be waiting on it yet (a failure while rows are read): its rejection is reported through send().
    this.#finished.catch(() => undefined);
    worker.on('message', (message: XlsxWorkerReply) => {
      if (message.type === 'chunk') {
        if (!out.destroyed)
          out.write(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
      } else if (message.type === 'ack') {
        this.#inFlight -= 1;
        this.#poke();
      } else if (message.type === 'done') {
        this.#done = true;
        this.#resolveFinished();
      } else {
        this.#fail(new Error(`xlsx worker failed: ${message.message}`));
      }
    });
    worker.on('error', (error: Error) => this.#fail(error));
    worker.on('exit', () => this.#fail(new Error('xlsx worker stopped before the file was complete')));
    out.on('drain', this.#poke);
    out.on('close', this.#onClose);
  }

  #poke = () => {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  };

  #onClose = () => {
    if (!this.#done) this.#fail(new Error('client closed the connection during the XLSX export'));
  };

  #fail(error: Error) {
    if (this.#done || this.#failure) return;
    this.#failure = error;
    void this.worker.terminate();
    this.#rejectFinished(error);
    this.#poke();
  }

  async send(message: XlsxWorkerRequest): Promise<void> {
    for (;;) {
      if (this.#failure) throw this.#failure;
      if (this.#inFlight < BATCHES_IN_FLIGHT && !this.out.writableNeedDrain) break;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
    this.#inFlight += 1;
    this.worker.postMessage(message);
  }

  /** Sends the last message and waits until the worker's last bytes are written and `out` has ended. */
  async finish(message: XlsxWorkerRequest): Promise<void> {
    await this.send(message);
    await this.#finished;
    const out = this.out;
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('close', resolve);
      out.once('error', reject);
      out.end();
    });
  }

  /** Ends the worker and stops listening to `out` (after the file is complete, or on any failure). */
  close() {
    this.#done = true;
    this.out.off('drain', this.#poke);
    this.out.off('close', this.#onClose);
    void this.worker.terminate();
  }
}

function normaliseCell(value: string | number | boolean | null | undefined): string | number | boolean | null {
  if (value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

function sanitiseSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || 'Sheet1';
}

/** Local wall-clock time with its offset, e.g. 2026-11-24 15:04:05 +08:00. */
export function formatTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().replace('T', ' ').slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local} ${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
