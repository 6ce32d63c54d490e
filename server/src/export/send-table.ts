import type { ExportQuery } from '@junheng/shared';
import type { Response } from 'express';
import { beginExport, countExportRows } from '../auth/export-audit.ts';
import { encodeContentDisposition } from '../http/content-disposition.ts';
import { writeCsv } from './csv.ts';
import { buildFileName, type ExportContext, type ExportTable } from './table.ts';
import { writeXlsx } from './xlsx.ts';

/**
 * Streams a table as CSV (Excel flavour with BOM and the screen's decimals, or plain at full precision) or XLSX, with a Chinese file name (RFC 5987), and
 * audits the export from its start (see beginExport).
 */
export async function sendTable<Row>(
  res: Response,
  format: Exclude<ExportQuery['format'], 'json'>,
  options: { bom: boolean },
  table: ExportTable<Row>,
  context: ExportContext,
): Promise<number> {
  const tracker = await beginExport(res, format);
  const counted: ExportTable<Row> = { ...table, rows: countExportRows(table.rows, tracker) };
  const title = context.lang === 'zh' ? table.titleZh : table.titleEn;
  // The two CSVs differ: the plain one keeps full precision and says so in its name (the Excel one shows the screen's).
  const precise = format === 'csv' && !options.bom ? [context.lang === 'zh' ? '完整精度' : 'full-precision'] : [];
  const fileName = buildFileName([...context.fileNameParts, title, ...precise], format);
  res.setHeader('Content-Disposition', encodeContentDisposition(fileName));
  res.setHeader('Cache-Control', 'no-store');
  let rows: number;
  if (format === 'csv') {
    res.setHeader('Content-Type', options.bom ? 'text/csv; charset=utf-8' : 'text/csv; charset=utf-8; header=present');
    rows = await writeCsv(counted, { bom: options.bom, lang: context.lang }, res);
  } else {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // Rows held in memory (report tables) also size the columns, so full school names show.
    rows = await writeXlsx(counted, context, res, Array.isArray(table.rows) ? (table.rows as readonly Row[]) : null);
  }
  tracker.written = true;
  return rows;
}
