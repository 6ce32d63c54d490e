import { columnLetter } from '../excel-address.ts';
import type { SheetCells } from './xlsx-cells.ts';

/**
 * One form (sheet) of a 教育事业统计 workbook, read by its structure rather than by cell address (issue #13): a title,
 * one or more (merged) header rows, a code row (`甲 | 乙 | 1 | 2 …`) and data rows with 指标名称 and 代码. Columns are
 * found by their header path (e.g. `艺术 > 计`), rows by their label (and the stage section they belong to).
 */
export interface StatisticsForm {
  sheet: string;
  /** Form code as the sheet or its title names it, e.g. `教基3112`, `教基1102续`. */
  code: string;
  /** Title and note rows above the header (merged across the form), joined. */
  title: string;
  /** The cells of those rows, as Excel names them. */
  titleCells: string[];
  columns: FormColumn[];
  rows: FormRow[];
}

export interface FormColumn {
  /** 1-based column number. */
  index: number;
  /** The column's code in the code row (`1`, `2` …). */
  code: string;
  /** Header texts from the top header row down, normalised, consecutive repeats (merged cells) removed. */
  path: string[];
}

export interface FormRow {
  /** Row number as Excel shows it. */
  rowNumber: number;
  /** 指标名称, normalised (spaces, `其中：` and leading numbering removed). */
  label: string;
  /** 指标名称 as written. */
  rawLabel: string;
  /** 代码 (`01`, `02` …); '' when the form has no code column. */
  code: string;
  /** The stage section the row belongs to (a row `小学` starts one, as do `初中`, `高中`); null before any. */
  section: string | null;
  /** Cell texts by 1-based column number. */
  cells: Map<number, string>;
}

/** The cell of a row and column as Excel names it, e.g. `D7`. */
export function cellName(row: FormRow, column: FormColumn): string {
  return `${columnLetter(column.index - 1)}${row.rowNumber}`;
}

/** Header and label text compared without spaces, full-width forms, `其中：` or list numbering. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])/, '')
    .replace(/^(?:其中|#)+[:：]?/, '')
    .replace(/^#+/, '');
}

const STAGE_SECTION = /^(小学|初中|高中|普通高中)(?:阶段)?(?:专任教师)?(?:合计|小计|计)?$/;

/** The stage a section row starts (`小学`, `初中`, `高中`), or null for any other label. */
export function sectionOf(label: string): string | null {
  const m = STAGE_SECTION.exec(label);
  if (!m) return null;
  return m[1] === '普通高中' ? '高中' : (m[1] as string);
}

const FORM_CODE = /^(教基\d{4}续?|基础基\d{3}续?)/;

/** The form code a sheet name starts with (`教基3112_小学` → `教基3112`), or null. */
export function formCodeOfSheet(name: string): string | null {
  return FORM_CODE.exec(name.normalize('NFKC').replace(/\s/g, ''))?.[1] ?? null;
}

/** The text of a cell, or of the merged range it lies in (whose text is in its top-left cell). */
function mergedText(sheet: SheetCells, rowNumber: number, col: number): string {
  const own = sheet.rows.get(rowNumber)?.get(col);
  if (own !== undefined) return own;
  const range = sheet.merges.find(
    (m) => m.top <= rowNumber && rowNumber <= m.bottom && m.left <= col && col <= m.right,
  );
  return range ? (sheet.rows.get(range.top)?.get(range.left) ?? '') : '';
}

export type FormReading = { ok: true; form: StatisticsForm } | { ok: false; message: string; rowNumber: number | null };

/**
 * Reads a sheet as a statistics form. Fails (with what is missing) when there is no code row, since without it the
 * columns and rows cannot be told apart.
 */
export function readStatisticsForm(sheet: SheetCells, code: string | null): FormReading {
  const rows = sheet.rows;
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  let codeRowNumber = -1;
  let labelCol = -1;
  let codeCol = -1;
  for (const n of numbers) {
    const cells = rows.get(n) as Map<number, string>;
    for (const [col, text] of cells) {
      if (normaliseLabel(text) === '甲') labelCol = col;
      if (normaliseLabel(text) === '乙') codeCol = col;
    }
    if (labelCol > 0) {
      codeRowNumber = n;
      break;
    }
  }
  if (codeRowNumber < 0) {
    return {
      ok: false,
      rowNumber: null,
      message: `工作表「${sheet.name}」没有代码行（甲 | 乙 | 1 | 2 …）：无法按指标代码和栏目代码读取。请使用教育事业统计报表原样导出的工作簿`,
    };
  }
  const codeCells = rows.get(codeRowNumber) as Map<number, string>;

  // Above the code row: rows with one text (merged across the form) are the title and notes; the others are headers.
  const titles: { text: string; cell: string }[] = [];
  const headerRows: number[] = [];
  for (const n of numbers) {
    if (n >= codeRowNumber) break;
    const cells = rows.get(n) as Map<number, string>;
    const texts = new Set(cells.values());
    if (texts.size <= 1 && headerRows.length === 0) {
      const [col, text] = [...cells][0] as [number, string];
      titles.push({ text, cell: `${columnLetter(col - 1)}${n}` });
    } else if (texts.size > 1 || headerRows.length > 0) {
      // From the first header row down to the code row every row is a header row, also one whose cells are all parts
      // of cells merged from above.
      const from = headerRows.length > 0 ? (headerRows[headerRows.length - 1] as number) + 1 : n;
      for (let h = from; h <= n; h++) headerRows.push(h);
    }
  }

  if (headerRows.length > 0) {
    for (let h = (headerRows[headerRows.length - 1] as number) + 1; h < codeRowNumber; h++) headerRows.push(h);
  }

  const columns: FormColumn[] = [];
  for (const [col, text] of codeCells) {
    if (col === labelCol || col === codeCol) continue;
    const path: string[] = [];
    for (const n of headerRows) {
      const t = normaliseLabel(mergedText(sheet, n, col));
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
    }
    columns.push({ index: col, code: normaliseLabel(text), path });
  }
  columns.sort((a, b) => a.index - b.index);

  const formRows: FormRow[] = [];
  let section: string | null = null;
  for (const n of numbers) {
    if (n <= codeRowNumber) continue;
    const cells = rows.get(n) as Map<number, string>;
    const rawLabel = cells.get(labelCol) ?? '';
    const label = normaliseLabel(rawLabel);
    if (label === '' && !cells.has(codeCol)) continue;
    const starts = sectionOf(label);
    if (starts !== null) section = starts;
    const rawCode = codeCol > 0 ? normaliseLabel(cells.get(codeCol) ?? '') : '';
    const rowCode = /^\d$/.test(rawCode) ? `0${rawCode}` : rawCode;
    formRows.push({ rowNumber: n, label, rawLabel, code: rowCode, section, cells });
  }
  return {
    ok: true,
    form: {
      sheet: sheet.name,
      code: code ?? '',
      title: titles.map((t) => t.text).join(' '),
      titleCells: titles.map((t) => t.cell),
      columns,
      rows: formRows,
    },
  };
}

/** The first column whose header path satisfies `test` (paths compare normalised texts). */
export function findColumn(form: StatisticsForm, test: (path: readonly string[]) => boolean): FormColumn | null {
  return form.columns.find((c) => test(c.path)) ?? null;
}

/** The first row whose label satisfies `test`, within a stage section when one is given. */
export function findRow(
  form: StatisticsForm,
  test: (label: string) => boolean,
  section: string | null = null,
): FormRow | null {
  return form.rows.find((r) => (section === null || r.section === section) && test(r.label)) ?? null;
}
