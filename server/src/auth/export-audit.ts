import type { Response } from 'express';

export interface ExportRecord {
  format: string;
  rows: number;
}

type ExportRecorder = (record: ExportRecord) => Promise<void>;

/** Installed per request by the authentication middleware: who exported, from which path, with which filters. */
export function setExportRecorder(res: Response, recorder: ExportRecorder): void {
  res.locals.recordExport = recorder;
}

/** Every file download writes one audit entry (who, when, path and filters, format, row count). */
export async function recordExport(res: Response, record: ExportRecord): Promise<void> {
  const recorder = res.locals.recordExport as ExportRecorder | undefined;
  if (recorder) await recorder(record);
}
