import {
  type ColumnDefinition,
  IMPORT_COLUMNS,
  type ImportKind,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  type Ownership,
  type RotationRow,
  RotationRowSchema,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPES,
  type SchoolRow,
  SchoolRowSchema,
  type SchoolStatRow,
  SchoolStatRowSchema,
  type SchoolType,
  TEACHER_SUBSET_FIELDS,
  URBAN_RURAL_CODE_LABELS,
  URBAN_RURAL_CODES,
  type ValueSource,
} from '@junheng/shared';
import type { z } from 'zod';
import { columnLetter } from './excel-address.ts';
import type { ColumnBinding } from './headers.ts';
import { IssueCollector, quote } from './issues.ts';
import type { TableRow } from './read-table.ts';

/** Canonical row type of each import kind. */
export interface ImportRowTypes {
  schools: SchoolRow;
  school_stats: SchoolStatRow;
  rotations: RotationRow;
}

/** Header as written in the file, per canonical field (the column's Chinese name when the file lacks it). */
export type ColumnHeaders = Readonly<Record<string, string>>;

/** A valid canonical row and where it came from. */
export interface LocatedRow<T> {
  file: string;
  /** Row number as Excel shows it. */
  rowNumber: number;
  row: T;
  /** Shared by all rows of one file. */
  headers: ColumnHeaders;
  /**
   * Statistics rows: required number fields whose cell was blank (read as 0 for now). Whether a blank is an error
   * depends on the school's stages, known only once the schools are (validate-import: "空白不等于 0").
   */
  blanks?: readonly string[];
  /** Where each field's value was read (file, sheet, cell), by canonical field: stored as the value's provenance. */
  sources?: Readonly<Record<string, ValueSource>>;
  /** Worksheet the row was read from, when the file has several. */
  sheet?: string | null;
  /**
   * A partial statistics row (issue #13: one stage of a county extract): the fields it gives. Partial rows of the same
   * school-year are merged into one by parseImportFiles (merge-partial-stats.ts); absent on complete rows.
   */
  given?: readonly string[];
}

export interface ParsedRows<T> {
  /** Rows without any error (rows with an error are reported and left out). */
  rows: LocatedRow<T>[];
  /** Rows left out because of an error. */
  invalidRows: number;
}

// ------------------------------------------------------------------------------------------------------ cell parsing

const EMPTY_MARKERS = new Set(['', '-', '--', '—', '–', '/']);
const NON_PRINTABLE_ASCII = /[^ -~]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SCIENTIFIC_CODE = /^\d(?:\.\d+)?e\+?\d+$/i;
const EXCEL_TEXT_FORMULA = /^="(.*)"$/;
const YEAR_SUFFIX = /^(\d{4})\s*年(?:度)?$/;

/** Trim and fold full-width characters (１２，３４ → 12,34) for a value cell. */
function clean(raw: string): string {
  const t = raw.trim();
  return NON_PRINTABLE_ASCII.test(t) ? t.normalize('NFKC').trim() : t;
}

export type NumberCell = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

/** '1,234', ' 12 ', '１２' → numbers; '' and '-' → empty; anything else is invalid. */
export function parseNumberCell(raw: string): NumberCell {
  const t = clean(raw);
  if (EMPTY_MARKERS.has(t)) return { kind: 'empty' };
  let s = t;
  if (!PLAIN_NUMBER.test(s)) {
    if (!GROUPED_NUMBER.test(s)) return { kind: 'invalid' };
    s = s.replaceAll(',', '');
  }
  const value = Number(s);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

const BOOLEAN_VALUES = new Map<string, boolean>([
  ['是', true],
  ['否', false],
  ['y', true],
  ['n', false],
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['t', true],
  ['f', false],
  ['1', true],
  ['0', false],
  ['√', true],
  ['×', false],
]);

export function parseBooleanCell(raw: string): boolean | null | undefined {
  const t = clean(raw).toLowerCase();
  if (t === '') return null;
  return BOOLEAN_VALUES.get(t);
}

function enumLookup<T extends string>(
  values: readonly T[],
  labels: Record<T, { zh: string; en: string }>,
  aliases: Record<string, T>,
): Map<string, T> {
  const map = new Map<string, T>();
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  for (const v of values) {
    map.set(norm(v), v);
    map.set(norm(labels[v].zh), v);
    map.set(norm(labels[v].en), v);
  }
  for (const [alias, v] of Object.entries(aliases)) map.set(norm(alias), v);
  return map;
}

const SCHOOL_TYPE_LOOKUP = enumLookup<SchoolType>(SCHOOL_TYPES, SCHOOL_TYPE_LABELS, {
  教学点: 'teaching_point',
  初中: 'junior',
  九年一贯制: 'nine_year',
  十二年一贯制: 'twelve_year',
  特殊教育: 'special',
  特教学校: 'special',
});
const OWNERSHIP_LOOKUP = enumLookup<Ownership>(OWNERSHIPS, OWNERSHIP_LABELS, { 公立: 'public', 私立: 'private' });
const URBAN_RURAL_SET = new Set<string>(URBAN_RURAL_CODES);
const WHITESPACE = /\s+/g;

const SCHOOL_TYPE_EXPECTED = `${SCHOOL_TYPES.map((t) => SCHOOL_TYPE_LABELS[t].zh).join('、')}（或 ${SCHOOL_TYPES.join('、')}）`;
const OWNERSHIP_EXPECTED = `${OWNERSHIPS.map((o) => OWNERSHIP_LABELS[o].zh).join('、')}（或 ${OWNERSHIPS.join('、')}）`;
const URBAN_RURAL_EXPECTED = URBAN_RURAL_CODES.map((c) => `${c}(${URBAN_RURAL_CODE_LABELS[c]})`).join('、');

/** A code cell as text: XLSX numbers arrive as '330999'; a leading apostrophe or ="…" (Excel text tricks) is removed. */
export function cleanCode(raw: string): string {
  let t = clean(raw);
  const formula = EXCEL_TEXT_FORMULA.exec(t);
  if (formula) t = (formula[1] ?? '').trim();
  if (t.startsWith("'") || t.startsWith('‘') || t.startsWith('’')) t = t.slice(1).trim();
  return t;
}

type CellResult = { ok: true; value: unknown; blank?: true } | { ok: false; message: string };

const ok = (value: unknown): CellResult => ({ ok: true, value });
/** A blank cell of a required statistics column: 0 for a stage the school does not have, else an error later. */
const blankZero: CellResult = { ok: true, value: 0, blank: true };
const fail = (message: string): CellResult => ({ ok: false, message });

const NEAR_INTEGER = 1e-9;
/** Marks a column whose blank cells are recorded as blanks (see LocatedRow.blanks). */
const BLANK = Symbol('blank');

function parseIntegerValue(raw: string, column: ColumnDefinition, emptyValue: unknown | typeof BLANK): CellResult {
  const cell = parseNumberCell(raw);
  const isYear = column.key === 'year' || column.key === 'closed_year';
  const what = isYear ? '四位年份（如 2024）' : '非负整数';
  if (cell.kind === 'empty') {
    if (emptyValue === BLANK) return blankZero;
    return emptyValue === undefined ? fail(`不能为空，应为${what}`) : ok(emptyValue);
  }
  if (cell.kind === 'invalid') {
    if (isYear) {
      const m = YEAR_SUFFIX.exec(clean(raw));
      if (m) return ok(Number(m[1]));
    }
    return fail(`应为${what}，实际为 ${quote(raw.trim())}`);
  }
  const v = cell.value;
  if (v < 0) return fail(`应为${what}，不能为负数，实际为 ${quote(raw.trim())}`);
  const rounded = Math.round(v);
  // XLSX formulas can leave 12.000000000000002 behind; that is an integer to the analyst.
  if (Math.abs(v - rounded) > NEAR_INTEGER * Math.max(1, Math.abs(v))) {
    return fail(`应为${what}，不能有小数，实际为 ${quote(raw.trim())}`);
  }
  return ok(rounded);
}

function parseAmountValue(raw: string, column: ColumnDefinition, scale: number): CellResult {
  const cell = parseNumberCell(raw);
  const unit = column.type === 'money' ? '（元）' : column.unit ? `（${column.unit}）` : '';
  if (cell.kind === 'empty') return blankZero;
  if (cell.kind === 'invalid') return fail(`应为非负数${unit}，实际为 ${quote(raw.trim())}`);
  if (cell.value < 0) return fail(`应为非负数${unit}，不能为负数，实际为 ${quote(raw.trim())}`);
  if (scale === 1) return ok(cell.value);
  // 12.5 万元 → 125 000 元, kept to the cent (floating point leaves 3000.0000000000005 behind otherwise).
  return ok(Math.round(cell.value * scale * 100) / 100);
}

function parseCodeValue(raw: string, column: ColumnDefinition): CellResult {
  const t = cleanCode(raw);
  if (EMPTY_MARKERS.has(t)) return column.required ? fail('不能为空') : ok(null);
  if (SCIENTIFIC_CODE.test(t)) {
    return fail(
      `实际为 ${quote(t)}：代码被 Excel 显示成了科学计数法，末尾数字已丢失。请将该列设置为“文本”格式并重新填写完整代码`,
    );
  }
  if (column.key === 'urban_rural_code') {
    return URBAN_RURAL_SET.has(t) ? ok(t) : fail(`应为城乡分类代码 ${URBAN_RURAL_EXPECTED} 之一，实际为 ${quote(t)}`);
  }
  return ok(t);
}

function parseTextValue(raw: string, column: ColumnDefinition): CellResult {
  const t = raw.trim();
  if (t === '' || (!column.required && EMPTY_MARKERS.has(t))) return column.required ? fail('不能为空') : ok(null);
  return ok(t);
}

function parseEnumValue(raw: string, column: ColumnDefinition): CellResult {
  const t = raw.normalize('NFKC').replace(WHITESPACE, '').toLowerCase();
  if (t === '') return column.required ? fail('不能为空') : ok(null);
  if (column.key === 'school_type') {
    const v = SCHOOL_TYPE_LOOKUP.get(t);
    return v ? ok(v) : fail(`应为 ${SCHOOL_TYPE_EXPECTED} 之一，实际为 ${quote(raw.trim())}`);
  }
  if (column.key === 'ownership') {
    const v = OWNERSHIP_LOOKUP.get(t);
    return v ? ok(v) : fail(`应为 ${OWNERSHIP_EXPECTED} 之一，实际为 ${quote(raw.trim())}`);
  }
  return ok(raw.trim());
}

function parseBooleanValue(raw: string, column: ColumnDefinition): CellResult {
  const v = parseBooleanCell(raw);
  if (v === null) return column.required ? fail('不能为空，应为 是 或 否') : ok(null);
  if (v === undefined) {
    return fail(`应为 是 或 否（也可填 Y/N、yes/no、true/false、1/0），实际为 ${quote(raw.trim())}`);
  }
  return ok(v);
}

/** Parser of one column, chosen once per file. */
function cellParser(kind: ImportKind, binding: ColumnBinding): (raw: string) => CellResult {
  const { column, scale } = binding;
  switch (column.type) {
    case 'integer': {
      // A stage the school does not have is empty or 0 (METHOD.md §9), but a blank is not a 0 for a stage it has: blanks of
      // required statistics columns are recorded and judged against the school's stages. Optional columns (class
      // size) leave a blank unknown (null); the year is never defaulted.
      const emptyValue =
        column.key === 'year' ? undefined : !column.required ? null : kind === 'school_stats' ? BLANK : undefined;
      return (raw) => parseIntegerValue(raw, column, emptyValue);
    }
    case 'decimal':
    case 'money':
      return (raw) => parseAmountValue(raw, column, scale);
    case 'code':
      return (raw) => parseCodeValue(raw, column);
    case 'enum':
      return (raw) => parseEnumValue(raw, column);
    case 'boolean':
      return (raw) => parseBooleanValue(raw, column);
    case 'text':
      return (raw) => parseTextValue(raw, column);
  }
}

// ----------------------------------------------------------------------------------------------------- zod → message

const HAS_CJK = /[\u4e00-\u9fff]/;

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      return issue.inclusive === false ? `应大于 ${issue.minimum}` : `应不小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `长度不能超过 ${issue.maximum} 个字符`;
      return issue.inclusive === false ? `应小于 ${issue.maximum}` : `应不大于 ${issue.maximum}`;
    case 'invalid_format':
      return HAS_CJK.test(issue.message) ? issue.message : '格式不正确';
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number' ? '应为数字' : '不能为空';
    default:
      return `不符合要求：${issue.message}`;
  }
}

// -------------------------------------------------------------------------------------------------------- row checks

/** Stats rows: subsets of a stage's teachers may not exceed them; certified teachers may not exceed all teachers. */
/**
 * Teacher subsets within their stage's teachers. A blank total is unknown, not 0 (it may come from another file of a
 * multi-file import, issue #13): its checks wait for the merged row (merge-partial-stats.ts).
 */
export function checkStatRow(
  row: SchoolStatRow,
  emit: (field: string, value: string, message: string) => void,
  headerOf: (field: string) => string,
  blanks: ReadonlySet<string> = new Set(),
): void {
  for (const { total, subsets } of Object.values(TEACHER_SUBSET_FIELDS)) {
    const t = row[total];
    if (blanks.has(total)) continue;
    for (const subset of subsets) {
      const v = row[subset];
      if (v > t) {
        emit(subset, String(v), `${headerOf(subset)}(${v})大于${headerOf(total)}(${t})：不能超过该学段的专任教师数`);
      }
    }
  }
  const teachers = row.teachersPrimary + row.teachersJunior;
  if (blanks.has('teachersPrimary') || blanks.has('teachersJunior')) return;
  if (row.certifiedTeachers > teachers) {
    emit(
      'certifiedTeachers',
      String(row.certifiedTeachers),
      `${headerOf('certifiedTeachers')}(${row.certifiedTeachers})大于${headerOf('teachersPrimary')}与${headerOf('teachersJunior')}之和(${teachers})`,
    );
  }
}

const SCHEMAS = {
  schools: SchoolRowSchema,
  school_stats: SchoolStatRowSchema,
  rotations: RotationRowSchema,
} as const;

/** Defaults of optional columns a file may leave out. */
function defaultsOf(kind: ImportKind): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const column of IMPORT_COLUMNS[kind]) {
    if (!column.required && !OMITTED_WHEN_BLANK.has(column.field)) defaults[column.field] = null;
  }
  return defaults;
}

/** Issue #13's merge and closure columns: absent from the row when blank (nothing to record), not null. */
const OMITTED_WHEN_BLANK: ReadonlySet<string> = new Set(['mergedIntoCode', 'closedYear']);

/**
 * The columns whose cells are stored values with a provenance (issue #13): every bound column of a schools or
 * statistics file except the keys (school code, year); rotations are stored without one.
 */
function sourcedColumns(kind: ImportKind, bindings: readonly ColumnBinding[]) {
  if (kind === 'rotations') return [];
  return bindings
    .filter((b) => b.column.field !== 'schoolCode' && b.column.field !== 'year')
    .map((b) => ({ field: b.column.field as string, letter: columnLetter(b.index), label: b.header }));
}

/**
 * Turn the cells of one file into canonical rows of `kind`, reporting every bad cell with file, row, column (the
 * header as written) and value. Rows with an error are left out of the result.
 */
export function parseRows<K extends ImportKind>(
  kind: K,
  file: string,
  bindings: readonly ColumnBinding[],
  rows: readonly TableRow[],
  issues: IssueCollector = new IssueCollector(),
  options: { sheet?: string | null } = {},
): ParsedRows<ImportRowTypes[K]> {
  const schema = SCHEMAS[kind];
  const sourced = sourcedColumns(kind, bindings);
  const sheet = options.sheet ?? null;
  const parsers = bindings.map((b) => cellParser(kind, b));
  const headerMap: Record<string, string> = {};
  for (const column of IMPORT_COLUMNS[kind]) headerMap[column.field] = column.zh;
  const byField = new Map<string, ColumnBinding>();
  for (const b of bindings) {
    headerMap[b.column.field] = b.header;
    byField.set(b.column.field, b);
  }
  const headers: ColumnHeaders = Object.freeze(headerMap);
  const headerOf = (field: string) => headers[field] ?? field;
  const defaults = defaultsOf(kind);

  const out: LocatedRow<ImportRowTypes[K]>[] = [];
  let invalidRows = 0;
  for (const { rowNumber, cells } of rows) {
    const record: Record<string, unknown> = { ...defaults };
    const badFields = new Set<string>();
    const blanks: string[] = [];
    const emit = (field: string, value: string | null, message: string) => {
      badFields.add(field);
      issues.error({ file, row: rowNumber, column: headerOf(field), value, message });
    };
    for (let i = 0; i < bindings.length; i++) {
      const binding = bindings[i] as ColumnBinding;
      const raw = cells[binding.index] ?? '';
      const result = (parsers[i] as (raw: string) => CellResult)(raw);
      if (result.ok) {
        if (result.value === null && OMITTED_WHEN_BLANK.has(binding.column.field)) continue;
        record[binding.column.field] = result.value;
        if (result.blank) blanks.push(binding.column.field);
      } else emit(binding.column.field, raw, result.message);
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (badFields.has(field)) continue;
        const binding = byField.get(field);
        const value = binding ? (cells[binding.index] ?? '') : null;
        emit(field, value, `${zodMessage(issue)}${value === null || value === '' ? '' : `，实际为 ${quote(value)}`}`);
      }
    }
    if (badFields.size > 0 || !parsed.success) {
      invalidRows++;
      continue;
    }
    if (kind === 'school_stats') checkStatRow(parsed.data as SchoolStatRow, emit, headerOf, new Set(blanks));
    if (badFields.size > 0) {
      invalidRows++;
      continue;
    }
    const sources: Record<string, ValueSource> = {};
    for (const c of sourced) sources[c.field] = { file, sheet, cell: `${c.letter}${rowNumber}`, label: c.label };
    out.push({
      file,
      rowNumber,
      row: parsed.data as ImportRowTypes[K],
      headers,
      ...(blanks.length > 0 ? { blanks } : {}),
      ...(sourced.length > 0 ? { sources, sheet } : {}),
    });
  }
  return { rows: out, invalidRows };
}
