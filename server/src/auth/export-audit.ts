import type { Response } from 'express';

export type ExportStatus = 'completed' | 'incomplete';

/** Installed per request by the authentication middleware: who exports, from which path, with which filters. */
export interface ExportRecorder {
  /** Writes `export_started`; answers that entry's id. */
  start(format: string): Promise<number>;
  /** Writes `export` with the rows handed to the response and whether it was sent to the end. */
  finish(record: { format: string; rows: number; status: ExportStatus; startedId: number }): Promise<void>;
}

export function setExportRecorder(res: Response, recorder: ExportRecorder): void {
  res.locals.exportRecorder = recorder;
}

/** Counts the rows of one export as they are handed to the response. */
export interface ExportTracker {
  rows: number;
  /** Set once the writer has written the last row: an export that failed half-way is never `completed`. */
  written: boolean;
}

/**
 * Audits a file download from its start: `export_started` is written before the first byte (so a download that
 * never completes still leaves its trace, and an export whose entry cannot be written is not sent at all), and
 * `export` when the response closes: `completed` once every byte was handed to the connection, `incomplete` (with
 * the rows handed over until then) when the client went away first or the export failed. The audit log stays
 * append-only: two entries, never an update.
 */
export async function beginExport(res: Response, format: string): Promise<ExportTracker> {
  const tracker: ExportTracker = { rows: 0, written: false };
  const recorder = res.locals.exportRecorder as ExportRecorder | undefined;
  if (!recorder) return tracker;
  const startedId = await recorder.start(format);
  res.once('close', () => {
    const status: ExportStatus = tracker.written && res.writableFinished ? 'completed' : 'incomplete';
    recorder.finish({ format, rows: tracker.rows, status, startedId }).catch((error: unknown) => {
      res.req.log?.error({ err: error }, 'export audit entry not written');
    });
  });
  return tracker;
}

/** Passes rows through, counting them on the tracker. */
export async function* countExportRows<Row>(rows: AsyncIterable<Row> | Iterable<Row>, tracker: ExportTracker) {
  for await (const row of rows) {
    tracker.rows += 1;
    yield row;
  }
}

/** Passes pages of ready-made lines through, counting the lines on the tracker. */
export async function* countExportLines(pages: AsyncIterable<string[]>, tracker: ExportTracker) {
  for await (const lines of pages) {
    tracker.rows += lines.length;
    yield lines;
  }
}
