import type { Writable } from 'node:stream';
import { loadExcelJs } from '../export/load-exceljs.ts';
import { displayWidth, numberFormatOf, printPageSetup, STATE_STYLES } from '../export/print-setup.ts';
import { formatTimestamp } from '../export/xlsx.ts';
import type { FilingTable } from './filing.tables.ts';

/** Rows above a table's header: title, county-year line. The header is row 3; all three repeat on each printed page. */
const HEADER_ROW = 3;

/** Points per line of 11-point text (CJK fonts need more than the Latin 15). */
const LINE_HEIGHT = 17;

/** Lines a text takes in a column of `width` characters when wrapped. */
function linesOf(text: string, width: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, width - 1)));
}

const thin = { style: 'thin' as const, color: { argb: 'FF7F8A99' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The filing workbook: one sheet per standard table, laid out for paper (title, county and year, a bordered table
 * with wrapped headers, notes under it), numbers at full precision under the screen's number formats, compliance
 * cells shaded as on screen, and a 说明 sheet. A few hundred rows: written in one go, not streamed.
 */
export async function writeFilingWorkbook(
  tables: FilingTable[],
  context: { lang: 'zh' | 'en'; generatedAt: Date; about: [string, string][] },
  out: Writable,
): Promise<number> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '均衡 Junheng';
  workbook.created = context.generatedAt;
  let rowsWritten = 0;
  for (const table of tables) {
    const width = table.columns.length;
    const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), {
      ...printPageSetup({ titleRows: [1, HEADER_ROW], lang: context.lang }),
      views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    });
    sheet.columns = table.columns.map((c) => ({ width: c.width }));
    const title = sheet.getRow(1);
    title.getCell(1).value = table.title;
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 24;
    sheet.mergeCells(1, 1, 1, width);
    sheet.getRow(2).getCell(1).value = table.subtitle;
    sheet.mergeCells(2, 1, 2, width);
    const header = sheet.getRow(HEADER_ROW);
    // Row heights are set, not left to the reader: Excel and LibreOffice do not grow a row for wrapped text on opening.
    header.height = LINE_HEIGHT * Math.max(...table.columns.map((c) => linesOf(c.header, c.width)));
    table.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
      cell.border = border;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    });
    for (const cells of table.rows) {
      const row = sheet.addRow(cells.map((c) => c.value));
      let lines = 1;
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.border = border;
        const cellLines = typeof c.value === 'string' ? linesOf(c.value, table.columns[i]?.width ?? 10) : 1;
        lines = Math.max(lines, cellLines);
        cell.alignment = { vertical: 'middle', wrapText: cellLines > 1 };
        if (typeof c.value === 'number' && c.decimals !== undefined) cell.numFmt = numberFormatOf(c.decimals);
        if (c.state) {
          const style = STATE_STYLES[c.state];
          cell.font = { color: { argb: style.font }, bold: c.state === 'near' || c.state === 'under' };
          if ('fill' in style) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
        }
      });
      if (lines > 1) row.height = LINE_HEIGHT * lines;
      rowsWritten += 1;
    }
    sheet.addRow([]);
    for (const note of table.notes) {
      const row = sheet.addRow([note]);
      sheet.mergeCells(row.number, 1, row.number, width);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height =
        LINE_HEIGHT *
        linesOf(
          note,
          table.columns.reduce((sum, c) => sum + c.width, 0),
        );
    }
  }
  addAboutSheet(workbook, context);
  await workbook.xlsx.write(out);
  out.end();
  return rowsWritten;
}

function addAboutSheet(
  workbook: InstanceType<Awaited<ReturnType<typeof loadExcelJs>>['Workbook']>,
  context: { lang: 'zh' | 'en'; generatedAt: Date; about: [string, string][] },
) {
  const zh = context.lang === 'zh';
  const sheet = workbook.addWorksheet(zh ? '说明' : 'About', printPageSetup({ lang: context.lang }));
  sheet.columns = [{ width: 22 }, { width: 100 }];
  const lines: [string, string][] = [
    [zh ? '均衡 · 县域义务教育优质均衡监测' : 'Junheng · county compulsory-education balance', ''],
    ...context.about,
    [zh ? '生成时间' : 'Generated at', formatTimestamp(context.generatedAt)],
  ];
  lines.forEach(([a, b], i) => {
    const row = sheet.addRow([a, b]);
    // The title line overflows into the empty cell beside it instead of wrapping.
    row.alignment = { wrapText: i > 0, vertical: 'top' };
    const textLines = b.split('\n').reduce((sum, part) => sum + linesOf(part, 100), 0);
    row.height = LINE_HEIGHT * Math.max(linesOf(a, 22), textLines);
    if (i === 0) row.font = { bold: true };
  });
}
