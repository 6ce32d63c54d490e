import { STAGE_LABELS } from '@junheng/shared';
import type { Lang } from '@junheng/shared/charts/chart-messages.ts';
import { formatNumber, MISSING } from '@junheng/shared/charts/format.ts';
import { buildClassSizeSchoolTable } from '../analysis/class-size.tables.ts';
import { buildRotationSchoolTable } from '../analysis/teacher-exchange.tables.ts';
import {
  buildBalanceIndicatorTable,
  buildBalanceSchoolTable,
  buildBasicBalanceTable,
} from '../balance/balance.tables.ts';
import { type ExportTable, headerOf } from '../export/table.ts';
import type { SelfEvaluationData } from './self-evaluation.service.ts';

/** A table as the document prints it: a title, header cells and rows of text. */
export interface DocumentTable {
  title: string;
  header: string[];
  rows: string[][];
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
 * The 附表 of the 自评报告: per stage the 校际均衡情况 (CVs of the 7 indicators), the schools' 达标情况, the 2012 basic
 * balance and 班额与校额, then the schools' 交流轮岗. Built here from the existing table builders; this one function
 * is the place to switch to the standard filing tables (GET /filing-tables) once they exist.
 */
export async function appendixTables(data: SelfEvaluationData, lang: Lang): Promise<DocumentTable[]> {
  const zh = lang === 'zh';
  const tables: DocumentTable[] = [];
  let n = 0;
  const title = (zhTitle: string, enTitle: string) => {
    n += 1;
    return zh ? `附表${n}  ${zhTitle}` : `Table A${n}. ${enTitle}`;
  };
  for (const { stage, balance, basic, classSize } of data.stages) {
    if (balance.schoolsCounted === 0) continue;
    const s = zh ? STAGE_LABELS[stage].zh : STAGE_LABELS[stage].en;
    tables.push(
      await printExportTable(
        buildBalanceIndicatorTable(balance, lang),
        title(`县域义务教育学校校际均衡情况表（${s}）`, `Balance between schools, ${s}`),
        lang,
      ),
      await printExportTable(
        buildBalanceSchoolTable(balance, lang),
        title(`学校资源配置七项指标达标情况表（${s}）`, `Schools against the seven standards, ${s}`),
        lang,
      ),
      await printExportTable(
        buildBasicBalanceTable(basic, lang),
        title(`基本均衡差异系数表（2012 年办法，${s}）`, `Basic balance (2012 method), ${s}`),
        lang,
      ),
      await printExportTable(
        buildClassSizeSchoolTable(classSize, lang),
        title(`班额与校额情况表（${s}）`, `Class and school size, ${s}`),
        lang,
      ),
    );
  }
  tables.push(
    await printExportTable(
      buildRotationSchoolTable(data.rotation, lang),
      title('教师交流轮岗情况表', 'Teacher rotation by school'),
      lang,
    ),
  );
  return tables;
}
