import type { Lang } from '@junheng/shared/charts/chart-messages.ts';
import { formatNumber, MISSING } from '@junheng/shared/charts/format.ts';
import { type ExportTable, headerOf } from '../export/table.ts';
import { type FilingTable, toExportTable } from '../filing/filing.tables.ts';

/** A table as the document prints it: a title, header cells and rows of text. */
export interface DocumentTable {
  title: string;
  header: string[];
  rows: string[][];
  /** Lines printed under the table (county and year, counts, limits, verdicts). */
  notes?: string[];
}

/** Columns a printed table leaves out: machine keys and codes that the CSV/XLSX keep for scripts. */
const OMITTED_COLUMNS = new Set(['key', 'code']);

/** A cell as printed: numbers with the column's decimals (the XLSX display format), yes/no text as is, blank as —. */
export function formatCell(
  value: string | number | boolean | null | undefined,
  decimals: number | undefined,
  lang: Lang,
) {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value, decimals ?? (Number.isInteger(value) ? 0 : 2));
  return value;
}

/** An export table (the CSV/XLSX builders' own) as printed text, so the 附表 match the downloads cell for cell. */
export async function printExportTable<Row>(
  table: ExportTable<Row>,
  title: string,
  lang: Lang,
): Promise<DocumentTable> {
  const columns = table.columns.filter((column) => !OMITTED_COLUMNS.has(column.key));
  const rows: string[][] = [];
  for await (const row of table.rows) {
    rows.push(columns.map((c) => formatCell(c.value(row), c.decimalsOf?.(row) ?? c.decimals, lang)));
  }
  return { title, header: columns.map((c) => headerOf(c, lang)), rows };
}

/**
 * The 附表 of the 自评报告: the inspectors' standard tables exactly as GET /filing-tables writes them (校际均衡情况,
 * 七项指标达标情况, 2012 基本均衡, 班额与校额, 教师交流轮岗), with their notes, so the Word report and the filed
 * workbook print the same figures.
 */
export async function appendixTables(filing: readonly FilingTable[], lang: Lang): Promise<DocumentTable[]> {
  const zh = lang === 'zh';
  const tables: DocumentTable[] = [];
  for (const [i, table] of filing.entries()) {
    const title = zh ? `附表${i + 1}  ${table.title}` : `Table A${i + 1}. ${table.title}`;
    const printed = await printExportTable(toExportTable(table), title, lang);
    tables.push({ ...printed, notes: [table.subtitle, ...table.notes].filter((line) => line !== '') });
  }
  return tables;
}
