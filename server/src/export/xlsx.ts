import type { Writable } from 'node:stream';
import { loadExcelJs } from './load-exceljs.ts';
import { type ExportContext, type ExportTable, headerOf } from './table.ts';

/**
 * Writes a table as XLSX with a streaming writer: sheet 1 holds the data (headers with units, frozen header row,
 * number formats per column), sheet 说明 states filters, data year, generation time and definitions.
 */
export async function writeXlsx<Row>(table: ExportTable<Row>, context: ExportContext, out: Writable): Promise<number> {
  const zh = context.lang === 'zh';
  const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '均衡 Junheng';
  workbook.created = context.generatedAt;

  const sheet = workbook.addWorksheet(sanitiseSheetName(zh ? table.titleZh : table.titleEn), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({
    header: headerOf(c, context.lang),
    key: c.key,
    width: c.width ?? Math.min(40, Math.max(10, headerOf(c, context.lang).length * (zh ? 2 : 1.1) + 2)),
    ...(c.decimals === undefined ? {} : { style: { numFmt: numberFormatOf(c.decimals) } }),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  let sliceStart = performance.now();
  for await (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => normaliseCell(c.value(row))));
    table.columns.forEach((c, i) => {
      if (c.decimalsOf) added.getCell(i + 1).numFmt = numberFormatOf(c.decimalsOf(row));
    });
    added.commit();
    count += 1;
    if (count % 50 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToOthers(out);
      sliceStart = performance.now();
    }
  }
  sheet.commit();

  const about = workbook.addWorksheet(zh ? '说明' : 'About');
  about.columns = [{ width: 24 }, { width: 90 }];
  const line = (a: string, b: string, bold = false) => {
    const r = about.addRow([a, b]);
    if (bold) r.font = { bold: true };
    r.commit();
  };
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
  about.commit();
  await workbook.commit();
  return count;
}

function numberFormatOf(decimals: number): string {
  return decimals === 0 ? '#,##0' : `0.${'0'.repeat(decimals)}`;
}

/**
 * Longest run of row building between two turns of the event loop: building XLSX rows is CPU work, and a 24 700-row
 * export once held every other request for 3.1 s (issue #10). After this many milliseconds others get their turn.
 */
const SLICE_MS = 20;

/** Lets other requests run; waits for the client to take what was written when its buffer is full. */
async function yieldToOthers(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) {
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
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
