/**
 * Worker thread of one XLSX export: runs ExcelJS's streaming writer (row serialisation, styles, zip compression) off
 * the main thread, so that a 24 700-row export no longer holds other users' requests (issue #10). The main thread
 * reads the rows from the database and sends them as plain cell values in batches; this worker sends back the file's
 * bytes as they come out of the zip, and acknowledges each batch so the main thread never runs far ahead.
 */
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../workers/background-priority.ts';
import { loadExcelJs } from './load-exceljs.ts';
import { displayWidth, printPageSetup } from './print-setup.ts';
import type { XlsxWorkerReply, XlsxWorkerRequest, XlsxWorkerSetup } from './xlsx-protocol.ts';

const ABOUT_LABEL_WIDTH = 30;
const ABOUT_TEXT_WIDTH = 100;
const linesOf = (text: string, width: number) => Math.max(1, Math.ceil(displayWidth(text) / (width - 1)));

const port = parentPort;
if (!port) throw new Error('xlsx-worker runs as a worker thread');
// Background work: other users' requests on the main thread come first (see background-priority.ts).
lowerThisThreadPriority();
const setup = workerData as XlsxWorkerSetup;
const reply = (message: XlsxWorkerReply, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer ?? []);

const out = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    // A copy of its own, transferred rather than cloned (the chunk may share a pooled buffer).
    const bytes = new Uint8Array(chunk.byteLength);
    bytes.set(chunk);
    reply({ type: 'chunk', bytes }, [bytes.buffer]);
    callback();
  },
});

try {
  const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '均衡 Junheng';
  workbook.created = setup.created;

  // Print-ready (issue #12): A4 landscape, one page wide, the header row on every page.
  const sheet = workbook.addWorksheet(setup.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    ...printPageSetup({ titleRows: [1, 1], lang: setup.lang }),
  });
  sheet.columns = setup.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.numFmt === undefined ? {} : { style: { numFmt: c.numFmt } }),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  if (setup.headerHeight) sheet.getRow(1).height = setup.headerHeight;
  sheet.getRow(1).commit();

  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });

  const handle = async (message: XlsxWorkerRequest) => {
    if (message.type === 'rows') {
      for (let r = 0; r < message.rows.length; r += 1) {
        const added = sheet.addRow(message.rows[r] as unknown[]);
        const formats = message.formats?.[r];
        if (formats) {
          for (const [column, numFmt] of formats) added.getCell(column + 1).numFmt = numFmt;
        }
        added.commit();
      }
      reply({ type: 'ack' });
      return;
    }
    sheet.commit();
    // The 说明 sheet prints as well: long definitions wrap inside a column that fits A4 landscape.
    const about = workbook.addWorksheet(message.aboutName, printPageSetup({ lang: setup.lang }));
    about.columns = [{ width: ABOUT_LABEL_WIDTH }, { width: ABOUT_TEXT_WIDTH }];
    for (const [a, b, bold] of message.about) {
      const r = about.addRow([a, b]);
      // The first (bold title) line overflows into the empty cell beside it; the others wrap, with the height
      // their lines need (a streamed row is not measured by the reader).
      const lines = Math.max(linesOf(a, ABOUT_LABEL_WIDTH), linesOf(b, ABOUT_TEXT_WIDTH));
      r.alignment = { wrapText: b !== '' || !bold, vertical: 'top' };
      if (lines > 1) r.height = 17 * lines;
      if (bold) r.font = { bold: true };
      r.commit();
    }
    about.commit();
    await workbook.commit();
    await finished;
    reply({ type: 'done' });
  };

  // One message at a time, in order: rows are only added once the previous batch is in.
  let queue = Promise.resolve();
  port.on('message', (message: XlsxWorkerRequest) => {
    queue = queue
      .then(() => handle(message))
      .catch((error: unknown) => {
        reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      });
  });
} catch (error) {
  reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
