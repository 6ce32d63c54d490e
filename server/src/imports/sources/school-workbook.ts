import {
  emptySchoolStat,
  type ImportIssue,
  type Ownership,
  SCHOOL_TYPE_STAGES,
  type SchoolRow,
  type SchoolStatRow,
  type SchoolType,
  type ValueSource,
} from '@junheng/shared';
import { ImportFileError } from '../import-file-error.ts';
import type { IssueCollector } from '../issues.ts';
import { cleanCode, type LocatedRow, parseBooleanCell, parseNumberCell } from '../parse-rows.ts';
import { CORRUPT_XLSX_MESSAGE } from '../read-table.ts';
import type { UploadedImportFile } from '../validate-import.ts';
import { readZipDirectory, readZipEntry } from '../xlsx-guard.ts';
import type { SourceReader, SourceRows } from './source-reader.ts';
import { readStatisticsSchoolType, readUrbanRuralCode } from './statistics-codes.ts';
import {
  cellName,
  type FormColumn,
  type FormRow,
  findColumn,
  findRow,
  formCodeOfSheet,
  normaliseLabel,
  readStatisticsForm,
  type StatisticsForm,
} from './statistics-form.ts';
import { decodeXml, readXlsxCells, type SheetCells } from './xlsx-cells.ts';

/**
 * Reader of the 教育事业统计 school workbooks (issue #13): one .xlsx per school, one sheet per form, named
 * `教基NNNN_<办学类型>` (2021 template on) or `基础基NNN` (older years). Every value is found by the row's 指标名称
 * (within its stage section) and the column's header text, never by cell address, and carries its provenance (file,
 * sheet, cell, `教基3112 行01 列2`). docs/IMPORT-SOURCES.md lists the mapping.
 */

const SHEET_NAME = /^(?:教基\d{4}|基础基\d{3})/;

/** Forms by what their title says, for sheets not named by the 2021 codes (基础基NNN of older years). */
const FORMS_BY_TITLE: readonly { code: FormCode; test: RegExp }[] = [
  { code: '教基1001', test: /基本情况/ },
  { code: '教基1102续', test: /骨干/ },
  { code: '教基3112', test: /小学.*(学生|班)/ },
  { code: '教基3115', test: /(初中|中学).*(学生|班)/ },
  { code: '教基4155', test: /学历|职务|职称/ },
  { code: '教基4156', test: /课程|学科/ },
  { code: '教基5170', test: /校舍|用房/ },
  { code: '教基5176', test: /办学条件|运动场|图书|仪器/ },
];

type FormCode = '教基1001' | '教基1102续' | '教基3112' | '教基3115' | '教基4155' | '教基4156' | '教基5170' | '教基5176';
const FORM_CODES: readonly FormCode[] = [
  '教基1001',
  '教基1102续',
  '教基3112',
  '教基3115',
  '教基4155',
  '教基4156',
  '教基5170',
  '教基5176',
];

const FORM_ZH: Record<FormCode, string> = {
  教基1001: '学校基本情况',
  教基1102续: '县级以上骨干教师情况',
  教基3112: '小学学生数和班额',
  教基3115: '中学学生数和班额',
  教基4155: '专任教师学历、专业技术职务情况',
  教基4156: '专任教师分课程情况',
  教基5170: '校舍情况',
  教基5176: '办学条件',
};

/** Whether the workbook's sheet names are those of a statistics workbook: read from workbook.xml, without ExcelJS. */
export function looksLikeSchoolWorkbook(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const entries = readZipDirectory(bytes);
  const book = entries?.find((e) => e.name === 'xl/workbook.xml');
  if (!book) return false;
  let xml: Buffer | null;
  try {
    xml = readZipEntry(bytes, book, 4 * 1024 * 1024);
  } catch {
    return false;
  }
  if (xml === null) return false;
  const text = xml.toString('utf8');
  for (const m of text.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)) {
    if (
      SHEET_NAME.test(
        decodeXml(m[1] ?? '')
          .normalize('NFKC')
          .replace(/\s/g, ''),
      )
    )
      return true;
  }
  return false;
}

// ------------------------------------------------------------------------------------------------ reading one school

type Stage = '小学' | '初中' | '高中';

/** One value read from cells of a form, with where it came from. */
interface Reading {
  value: number;
  /** Every cell it read was blank and so were their whole rows: nothing reported (blank is not 0). */
  blank: boolean;
  source: ValueSource;
}

class SchoolWorkbook {
  readonly forms = new Map<FormCode, StatisticsForm>();
  readonly sources: Record<string, ValueSource> = {};
  readonly headers: Record<string, string> = {};
  readonly blanks: string[] = [];
  failed = false;

  constructor(
    readonly file: string,
    readonly issues: IssueCollector,
  ) {}

  error(issue: Omit<ImportIssue, 'file'>): void {
    this.failed = true;
    this.issues.error({ file: this.file, ...issue });
  }

  warning(issue: Omit<ImportIssue, 'file'>): void {
    this.issues.warning({ file: this.file, ...issue });
  }

  /** Error of a cell: file, sheet, cell, the value and what was expected. */
  cellError(form: StatisticsForm, row: FormRow, column: FormColumn, value: string, message: string): void {
    this.error({
      row: row.rowNumber,
      column: label(form, row, column),
      value,
      message,
      sheet: form.sheet,
      cell: cellName(row, column),
    });
  }

  /** A required form, row or column is not there: a located error of the sheet (or the file when the form is missing). */
  missing(form: StatisticsForm | null, code: FormCode, what: string): void {
    this.error({
      row: null,
      column: null,
      value: null,
      message:
        form === null
          ? `缺少报表 ${code}（${FORM_ZH[code]}）：找不到名为「${code}_…」的工作表，无法读取${what}`
          : `报表 ${code}（工作表「${form.sheet}」）中找不到${what}：请检查该表是否完整`,
      ...(form === null ? {} : { sheet: form.sheet }),
    });
  }

  record(field: string, zh: string, reading: Reading): number {
    this.sources[field] = reading.source;
    this.headers[field] = `${zh}（${reading.source.sheet}!${reading.source.cell}）`;
    if (reading.blank) this.blanks.push(field);
    return reading.value;
  }
}

function label(form: StatisticsForm, row: FormRow, column: FormColumn): string {
  return `${form.code} 行${row.code || row.rowNumber} 列${column.code}`;
}

/** Cells of one column over several rows as Excel names them: `D8:D11` when contiguous, else `D8,D10`. */
function cellsName(unordered: readonly { row: FormRow; column: FormColumn }[]): string {
  const cells = [...unordered].sort((a, b) => a.column.index - b.column.index || a.row.rowNumber - b.row.rowNumber);
  const names = cells.map((c) => cellName(c.row, c.column));
  if (names.length === 1) return names[0] as string;
  const sameColumn = cells.every((c) => c.column.index === cells[0]?.column.index);
  const rows = cells.map((c) => c.row.rowNumber);
  const contiguous = rows.every((r, i) => i === 0 || r === (rows[i - 1] as number) + 1);
  return sameColumn && contiguous ? `${names[0]}:${names[names.length - 1]}` : names.join(',');
}

function rowHasNumber(row: FormRow, form: StatisticsForm): boolean {
  for (const column of form.columns) {
    const p = parseNumberCell(row.cells.get(column.index) ?? '');
    if (p.kind === 'number') return true;
  }
  return false;
}

/**
 * The sum of some cells of a form (one cell, or rows of a column such as 博士 + 硕士 + 本科 + 专科). A blank cell in a row
 * holding other numbers is 0 (the statistics system prints no zeros); when every cell read and their rows are blank,
 * the value is blank (for the rows of a section, e.g. 博士 … 专科 of 小学: when the section's own row is blank). Text, negative or (for counts) fractional values are located errors.
 */
function sumCells(
  book: SchoolWorkbook,
  form: StatisticsForm,
  cells: readonly { row: FormRow; column: FormColumn }[],
  options: { integer: boolean; scale?: number; anchor?: FormRow },
): Reading | null {
  let total = 0;
  let anyNumber = false;
  let bad = false;
  for (const { row, column } of cells) {
    const text = row.cells.get(column.index) ?? '';
    const parsed = parseNumberCell(text);
    if (parsed.kind === 'invalid') {
      book.cellError(form, row, column, text, `${row.rawLabel}「${text}」不是数字`);
      bad = true;
      continue;
    }
    if (parsed.kind === 'empty') continue;
    anyNumber = true;
    if (parsed.value < 0) {
      book.cellError(form, row, column, text, `${row.rawLabel}不能为负数`);
      bad = true;
    } else if (options.integer && !Number.isInteger(parsed.value)) {
      book.cellError(form, row, column, text, `${row.rawLabel}应为整数`);
      bad = true;
    }
    total += parsed.value;
  }
  if (bad) return null;
  const scale = options.scale ?? 1;
  const value = scale === 1 ? total : Math.round(total * scale * 100) / 100;
  const first = cells[0] as { row: FormRow; column: FormColumn };
  const codes =
    cells.length === 1
      ? label(form, first.row, first.column)
      : `${form.code} 行${[...new Set(cells.map((c) => c.row.code || c.row.rowNumber))].join('+')} 列${[...new Set(cells.map((c) => c.column.code))].join('+')}`;
  return {
    value: options.integer ? Math.round(value) : value,
    blank:
      !anyNumber &&
      (options.anchor ? !rowHasNumber(options.anchor, form) : cells.every((c) => !rowHasNumber(c.row, form))),
    source: { file: book.file, sheet: form.sheet, cell: cellsName(cells), label: codes },
  };
}

// -------------------------------------------------------------------------------------------------------- 教基1001

interface KeyValueItem {
  field: keyof SchoolRow | 'year';
  zh: string;
  test: RegExp;
  required: boolean;
}

const SCHOOL_ITEMS: readonly KeyValueItem[] = [
  { field: 'schoolCode', zh: '学校标识码', test: /^学校(?:\(机构\))?标识码$|^机构标识码$/, required: true },
  { field: 'schoolName', zh: '学校名称', test: /^学校(?:\(机构\))?(?:名称|全称)$/, required: true },
  { field: 'schoolType', zh: '办学类型', test: /^办学类型/, required: true },
  { field: 'ownership', zh: '办学性质', test: /^(?:办学性质|举办者(?:类型|性质)?)/, required: true },
  { field: 'urbanRuralCode', zh: '城乡分类代码', test: /^(?:统计用)?城乡(?:分类|划分)/, required: true },
  { field: 'cityName', zh: '地市名称', test: /^(?:所在)?地市|^所在地\(市\)/, required: false },
  { field: 'districtCode', zh: '区县代码', test: /^(?:所在)?区县.*代码$/, required: false },
  { field: 'districtName', zh: '区县名称', test: /^(?:所在)?区县(?:名称)?$|^所在地\(区县\)$/, required: true },
  { field: 'townshipCode', zh: '乡镇代码', test: /^(?:所在)?乡镇.*代码$|区划代码$/, required: true },
  { field: 'townshipName', zh: '乡镇名称', test: /^(?:所在)?乡镇(?:\(街道\))?(?:名称)?$/, required: true },
  { field: 'boarding', zh: '是否寄宿制学校', test: /寄宿/, required: true },
  { field: 'parentSchoolCode', zh: '所属学校标识码', test: /^(?:所属|主校).*标识码/, required: false },
  { field: 'groupName', zh: '学区/教育集团', test: /学区|教育集团/, required: false },
  { field: 'year', zh: '统计年份', test: /^统计(?:年份|年度)$/, required: false },
];

interface SchoolReading {
  row: SchoolRow;
  type: SchoolType;
  rowNumber: number;
  year: { value: number; source: ValueSource } | null;
  sources: Record<string, ValueSource>;
  headers: Record<string, string>;
}

/** The value column of the key-value form 教基1001: the one headed 内容 / 填报内容, else the first coded column. */
function valueColumn(form: StatisticsForm): FormColumn | null {
  return findColumn(form, (p) => p.some((t) => /内容|情况|数值|填报/.test(t))) ?? form.columns[0] ?? null;
}

function readSchool(book: SchoolWorkbook, leftOut: { message: string | null }): SchoolReading | null {
  const form = book.forms.get('教基1001') ?? null;
  if (form === null) {
    book.missing(null, '教基1001', '学校标识码、学校名称和办学类型');
    return null;
  }
  const column = valueColumn(form);
  if (column === null) {
    book.missing(form, '教基1001', '填报内容栏');
    return null;
  }
  const values: Partial<Record<string, { text: string; row: FormRow }>> = {};
  for (const item of SCHOOL_ITEMS) {
    const row = findRow(form, (l) => item.test.test(l));
    const text = row ? cleanCode(row.cells.get(column.index) ?? '') : '';
    if (row) values[item.field] = { text, row };
    if (item.required && (row === null || text === '')) {
      if (row === null) book.missing(form, '教基1001', `「${item.zh}」一行`);
      else book.cellError(form, row, column, '', `${item.zh}为空白：请填写`);
    }
  }
  const sources: Record<string, ValueSource> = {};
  const headers: Record<string, string> = {};
  for (const [field, v] of Object.entries(values)) {
    if (!v) continue;
    sources[field] = {
      file: book.file,
      sheet: form.sheet,
      cell: cellName(v.row, column),
      label: label(form, v.row, column),
    };
    headers[field] = `${SCHOOL_ITEMS.find((i) => i.field === field)?.zh}（${form.sheet}!${cellName(v.row, column)}）`;
  }
  const text = (field: string) => values[field]?.text ?? '';
  const fail = (field: string, message: string) => {
    const v = values[field];
    if (v) book.cellError(form, v.row, column, v.text, message);
  };

  let type: SchoolType | null = null;
  if (text('schoolType') !== '') {
    const t = readStatisticsSchoolType(text('schoolType'));
    if (t.ok) type = t.type;
    else if (t.leftOut) {
      leftOut.message = `${t.code} ${t.zh}：${t.message}，本工作簿未导入`;
      return null;
    } else fail('schoolType', t.message);
  }
  let urbanRural: SchoolRow['urbanRuralCode'] | null = null;
  if (text('urbanRuralCode') !== '') {
    const u = readUrbanRuralCode(text('urbanRuralCode'));
    if (!u.ok) fail('urbanRuralCode', u.message);
    else {
      urbanRural = u.code;
      const v = values.urbanRuralCode;
      if (u.warning && v) {
        book.warning({
          row: v.row.rowNumber,
          column: label(form, v.row, column),
          value: v.text,
          message: u.warning,
          sheet: form.sheet,
          cell: cellName(v.row, column),
        });
      }
    }
  }
  const ownershipText = text('ownership');
  let ownership: Ownership | null = null;
  if (ownershipText !== '') {
    if (/民办|私立|民营/.test(ownershipText)) ownership = 'private';
    else if (/公办|公立|教育部门|其他部门|地方|集体|国有|事业/.test(ownershipText) || /^\d+$/.test(ownershipText))
      ownership = 'public';
    else fail('ownership', `办学性质「${ownershipText}」无法识别：应为公办或民办（或举办者类型，如“地方教育部门”）`);
  }
  let boarding: boolean | null = null;
  if (text('boarding') !== '') {
    const b = parseBooleanCell(text('boarding').replace(/学校$/, ''));
    if (b === undefined || b === null) fail('boarding', `是否寄宿制学校「${text('boarding')}」应为 是 或 否`);
    else boarding = b;
  }
  // 乡镇代码: 9 digits, or the 12-digit 统计用区划代码 whose first 9 digits are the township's.
  const townshipDigits = text('townshipCode').replace(/\D/g, '');
  let townshipCode: string | null = null;
  if (text('townshipCode') !== '') {
    if (/^\d{9}(?:\d{3})?$/.test(townshipDigits)) townshipCode = townshipDigits.slice(0, 9);
    else fail('townshipCode', `乡镇代码「${text('townshipCode')}」应为 9 位数字（或 12 位统计用区划代码）`);
  }
  let districtCode = townshipCode?.slice(0, 6) ?? null;
  if (text('districtCode') !== '') {
    const d = text('districtCode').replace(/\D/g, '');
    if (!/^\d{6}/.test(d)) fail('districtCode', `区县代码「${text('districtCode')}」应为 6 位数字`);
    else if (townshipCode !== null && !townshipCode.startsWith(d.slice(0, 6)))
      fail('districtCode', `区县代码 ${d.slice(0, 6)} 与乡镇代码 ${townshipCode} 不一致`);
    else districtCode = d.slice(0, 6);
  } else if (townshipCode !== null) {
    sources.districtCode = { ...(sources.townshipCode as ValueSource), label: `${sources.townshipCode?.label} 前6位` };
  }
  let year: SchoolReading['year'] = null;
  const yearValue = values.year;
  if (yearValue && yearValue.text !== '') {
    const y = /(?:19|20)\d{2}/.exec(yearValue.text)?.[0];
    if (y === undefined) fail('year', `统计年份「${yearValue.text}」应为 4 位年份`);
    else year = { value: Number(y), source: sources.year as ValueSource };
  }

  if (
    book.failed ||
    type === null ||
    urbanRural === null ||
    ownership === null ||
    boarding === null ||
    townshipCode === null ||
    districtCode === null
  )
    return null;
  const schoolCode = text('schoolCode');
  return {
    row: {
      schoolCode,
      schoolName: text('schoolName'),
      districtCode,
      districtName: text('districtName'),
      townshipCode,
      townshipName: text('townshipName'),
      urbanRuralCode: urbanRural,
      schoolType: type,
      ownership,
      boarding,
      parentSchoolCode: text('parentSchoolCode') || null,
      groupName: text('groupName') || null,
      cityName: text('cityName') || null,
    },
    type,
    rowNumber: values.schoolCode?.row.rowNumber ?? 1,
    year,
    sources,
    headers,
  };
}

// ------------------------------------------------------------------------------------------------ the statistics

const isTotal = (l: string) => /^(?:合计|总计|小计|计)$/.test(l);
const lastIs =
  (...names: string[]) =>
  (p: readonly string[]) =>
    p.length > 0 && names.includes(p[p.length - 1] as string);
const has = (re: RegExp) => (p: readonly string[]) => p.some((t) => re.test(t));

/** The column of a header, or (when its parent splits it, e.g. 在校生数 > 合计 | 女) its total column. */
function columnOf(form: StatisticsForm, re: RegExp): FormColumn | null {
  const under = form.columns.filter((c) => c.path.some((t) => re.test(t)));
  if (under.length === 0) return null;
  if (under.length === 1) return under[0] as FormColumn;
  return (
    under.find((c) => isTotal(c.path[c.path.length - 1] as string)) ??
    under.find((c) => re.test(c.path[c.path.length - 1] as string)) ??
    (under[0] as FormColumn)
  );
}

/** The row of a stage's total in a students form: `合计` (小学 form), or the section row `初中` / `高中`. */
function stageRow(form: StatisticsForm, stage: Stage): FormRow | null {
  const section = form.rows.find(
    (r) => r.section === stage && (r.label.startsWith(stage) || r.label.startsWith('普通高中')),
  );
  if (section) return section;
  if (form.code === '教基3112' && stage === '小学') return findRow(form, (l) => isTotal(l) || l === '小学合计');
  return null;
}

interface StageNeeds {
  primary: boolean;
  junior: boolean;
  senior: boolean;
}

function stagesOf(type: SchoolType, book: SchoolWorkbook): StageNeeds {
  const stages = SCHOOL_TYPE_STAGES[type];
  if (type === 'special') {
    // A special school's stages are those its forms report.
    const f4155 = book.forms.get('教基4155');
    return {
      primary: book.forms.has('教基3112') || (f4155?.rows.some((r) => r.section === '小学') ?? false),
      junior: book.forms.has('教基3115') || (f4155?.rows.some((r) => r.section === '初中') ?? false),
      senior: false,
    };
  }
  return {
    primary: stages.includes('primary'),
    junior: stages.includes('junior'),
    senior: type === 'complete_middle' || type === 'twelve_year',
  };
}

function readStats(book: SchoolWorkbook, school: SchoolReading, year: number): SchoolStatRow {
  const stats = emptySchoolStat(school.row.schoolCode, year) as unknown as Record<string, number | null>;
  const needs = stagesOf(school.type, book);
  const set = (field: string, zh: string, reading: Reading | null) => {
    if (reading !== null) stats[field] = book.record(field, zh, reading);
  };

  // 在校生数, 班数 and 班额 (教基3112 小学, 教基3115 初中 and 高中).
  const studentStages: readonly {
    stage: Stage;
    suffix: 'Primary' | 'Junior' | 'Senior';
    form: FormCode;
    need: boolean;
  }[] = [
    { stage: '小学', suffix: 'Primary', form: '教基3112', need: needs.primary },
    { stage: '初中', suffix: 'Junior', form: '教基3115', need: needs.junior },
    { stage: '高中', suffix: 'Senior', form: '教基3115', need: needs.senior },
  ];
  const maxes: number[] = [];
  const bands = { c56: [] as number[], c66: [] as number[] };
  for (const s of studentStages) {
    const form = book.forms.get(s.form) ?? null;
    const row = form ? stageRow(form, s.stage) : null;
    if (form === null || row === null) {
      if (s.need)
        book.missing(form, s.form, `${s.stage}的在校生数（「${s.stage === '小学' ? '合计' : s.stage}」一行）`);
      continue;
    }
    const students = columnOf(form, /^在校生(?:数)?$/);
    if (students === null) {
      book.missing(form, s.form, '「在校生数」栏');
      continue;
    }
    set(
      `students${s.suffix}`,
      `${s.stage}在校生数`,
      sumCells(book, form, [{ row, column: students }], { integer: true }),
    );
    if (s.suffix === 'Senior') continue;
    const classes = columnOf(form, /^班数$/);
    if (classes === null) book.missing(form, s.form, '「班数」栏');
    else
      set(`classes${s.suffix}`, `${s.stage}班数`, sumCells(book, form, [{ row, column: classes }], { integer: true }));
    // 班额 (optional: left unknown when the form has no such columns).
    const max = findColumn(form, lastIs('最大班额'));
    const c56 = findColumn(form, lastIs('56-65人', '56~65人', '56至65人'));
    const c66 = findColumn(form, lastIs('66人及以上', '66人以上'));
    const optional = (field: string, zh: string, column: FormColumn | null, into: number[]) => {
      if (column === null) return;
      const r = sumCells(book, form, [{ row, column }], { integer: true });
      if (r === null) return;
      if ((row.cells.get(column.index) ?? '').trim() === '' && field.startsWith('max')) return; // unknown, not 0
      stats[field] = r.value;
      book.sources[field] = r.source;
      book.headers[field] = `${zh}（${r.source.sheet}!${r.source.cell}）`;
      into.push(r.value);
    };
    optional(`maxClassSize${s.suffix}`, `${s.stage}最大班额`, max, maxes);
    optional(`classes56To65${s.suffix}`, `${s.stage}大班额班数(56-65人)`, c56, bands.c56);
    optional(`classes66Plus${s.suffix}`, `${s.stage}超大班额班数(66人及以上)`, c66, bands.c66);
  }
  if (maxes.length > 0) stats.maxClassSize = Math.max(...maxes);
  if (bands.c56.length > 0) stats.classes56To65 = bands.c56.reduce((a, b) => a + b, 0);
  if (bands.c66.length > 0) stats.classes66Plus = bands.c66.reduce((a, b) => a + b, 0);

  const teacherStages = [
    {
      stage: '小学' as const,
      suffix: 'Primary',
      need: needs.primary,
      degrees: ['博士研究生', '硕士研究生', '本科', '专科'],
    },
    { stage: '初中' as const, suffix: 'Junior', need: needs.junior, degrees: ['博士研究生', '硕士研究生', '本科'] },
  ];

  // 专任教师 by 学历 and 专业技术职务 (教基4155): teachers, 高于规定学历 (小学 专科及以上, 初中 本科及以上), 中级及以上职称.
  const f4155 = book.forms.get('教基4155') ?? null;
  const certifiedCells: { row: FormRow; column: FormColumn }[] = [];
  if (f4155 === null) {
    if (needs.primary || needs.junior) book.missing(null, '教基4155', '专任教师数、学历和职称');
  } else {
    const total = columnOf(f4155, /^(?:专任教师|合计|计)$/) ?? findColumn(f4155, lastIs('合计', '计'));
    const titles = ['正高级', '副高级', '中级'].map((t) => findColumn(f4155, lastIs(t)));
    const certified = findColumn(f4155, has(/教师资格/));
    if (total === null) book.missing(f4155, '教基4155', '「合计」栏');
    for (const [i, t] of titles.entries())
      if (t === null) book.missing(f4155, '教基4155', `「${['正高级', '副高级', '中级'][i]}」栏（专业技术职务）`);
    if (certified === null) book.missing(f4155, '教基4155', '「具有教师资格证书」栏');
    for (const s of teacherStages) {
      const section = f4155.rows.find((r) => r.section === s.stage && r.label.startsWith(s.stage));
      if (!section) {
        if (s.need) book.missing(f4155, '教基4155', `「${s.stage}」一节`);
        continue;
      }
      if (total !== null) {
        set(
          `teachers${s.suffix}`,
          `${s.stage}专任教师数`,
          sumCells(book, f4155, [{ row: section, column: total }], { integer: true }),
        );
        const degreeRows = s.degrees.map((d) => ({
          d,
          row: findRow(f4155, (l) => l === d || l === `${d}毕业`, s.stage),
        }));
        const found = degreeRows.filter((d) => d.row !== null).map((d) => ({ row: d.row as FormRow, column: total }));
        const absent = degreeRows.filter((d) => d.row === null && d.d !== '博士研究生');
        if (absent.length > 0) book.missing(f4155, '教基4155', `${s.stage}「${absent.map((a) => a.d).join('、')}」行`);
        else if (found.length > 0)
          set(
            `higherDegreeTeachers${s.suffix}`,
            `${s.stage}高于规定学历教师数`,
            sumCells(book, f4155, found, { integer: true }),
          );
      }
      if (titles.every((t) => t !== null)) {
        const cells = (titles as FormColumn[]).map((column) => ({ row: section, column }));
        set(
          `seniorTitleTeachers${s.suffix}`,
          `${s.stage}中级及以上职称教师数`,
          sumCells(book, f4155, cells, { integer: true }),
        );
      }
      if (certified !== null) certifiedCells.push({ row: section, column: certified });
    }
    if (certifiedCells.length > 0)
      set('certifiedTeachers', '持有教师资格证专任教师数', sumCells(book, f4155, certifiedCells, { integer: true }));
  }

  // 体育与健康 + 艺术 (its subtotal 计; 音乐 and 美术 are parts of it, never added on top) (教基4156).
  const f4156 = book.forms.get('教基4156') ?? null;
  if (f4156 === null) {
    if (needs.primary || needs.junior) book.missing(null, '教基4156', '体育与健康、艺术专任教师数');
  } else {
    const pe = findColumn(f4156, lastIs('体育与健康', '体育'));
    const art = artSubtotal(f4156);
    if (pe === null) book.missing(f4156, '教基4156', '「体育与健康」栏');
    if (art === null) book.missing(f4156, '教基4156', '「艺术」栏');
    for (const s of teacherStages) {
      const section = f4156.rows.find((r) => r.section === s.stage && r.label.startsWith(s.stage));
      if (!section) {
        if (s.need) book.missing(f4156, '教基4156', `「${s.stage}」一行`);
        continue;
      }
      if (pe === null || art === null) continue;
      const cells = [pe, ...art.columns].map((column) => ({ row: section, column }));
      const reading = sumCells(book, f4156, cells, { integer: true });
      if (reading !== null && art.warning) {
        book.warning({
          row: section.rowNumber,
          column: label(f4156, section, art.columns[0] as FormColumn),
          value: null,
          message: art.warning,
          sheet: f4156.sheet,
          cell: cellsName(cells),
        });
      }
      set(`peArtTeachers${s.suffix}`, `${s.stage}体育艺术专任教师数`, reading);
    }
  }

  // 县级以上骨干教师 and 符合交流轮岗条件教师 (教基1102续).
  const f1102 = book.forms.get('教基1102续') ?? null;
  if (f1102 === null) {
    book.missing(null, '教基1102续', '县级以上骨干教师数');
  } else {
    const backbone = columnOf(f1102, /骨干/);
    if (backbone === null) book.missing(f1102, '教基1102续', '「县级以上骨干教师」栏');
    else {
      for (const s of teacherStages) {
        const row = findRow(f1102, (l) => l.startsWith(s.stage));
        if (row === null) {
          if (s.need) book.missing(f1102, '教基1102续', `「${s.stage}」一行`);
          continue;
        }
        set(
          `backboneTeachers${s.suffix}`,
          `${s.stage}县级以上骨干教师数`,
          sumCells(book, f1102, [{ row, column: backbone }], { integer: true }),
        );
      }
    }
    const eligible = findColumn(f1102, has(/交流/));
    const totalRow = findRow(f1102, isTotal) ?? findRow(f1102, (l) => /全校/.test(l));
    if (eligible !== null && totalRow !== null)
      set(
        'rotationEligibleTeachers',
        '符合交流条件教师数',
        sumCells(book, f1102, [{ row: totalRow, column: eligible }], { integer: true }),
      );
    else {
      // Not every county adds this column: left blank, so a roster or a template file of the same import can give it.
      book.blanks.push('rotationEligibleTeachers');
      book.headers.rotationEligibleTeachers = `符合交流条件教师数（${f1102.sheet}：无此栏）`;
    }
  }

  // 校舍 (教基5170): 教学及辅助用房 area, 音乐 / 美术专用教室 rooms, 室内体育用房 area (added to the sports area).
  const f5170 = book.forms.get('教基5170') ?? null;
  let indoor: Reading | null = null;
  if (f5170 === null) book.missing(null, '教基5170', '教学及辅助用房面积');
  else {
    const area = columnOf(f5170, /面积/);
    const rooms = columnOf(f5170, /间数|间/);
    const row = (re: RegExp, what: string) => {
      const r = findRow(f5170, (l) => re.test(l));
      if (r === null) book.missing(f5170, '教基5170', `「${what}」一行`);
      return r;
    };
    if (area === null) book.missing(f5170, '教基5170', '「面积」栏');
    if (rooms === null) book.missing(f5170, '教基5170', '「间数」栏');
    const teaching = row(/^教学及辅助用房/, '教学及辅助用房');
    const music = row(/^音乐(?:专用)?教室/, '音乐专用教室');
    const artRoom = row(/^美术(?:专用)?教室/, '美术专用教室');
    const indoorRow = row(/^室内体育(?:用房|馆)|^风雨操场/, '室内体育用房');
    if (area !== null && teaching !== null)
      set(
        'teachingRoomArea',
        '教学及辅助用房面积',
        sumCells(book, f5170, [{ row: teaching, column: area }], { integer: false }),
      );
    if (rooms !== null && music !== null)
      set('musicRooms', '音乐专用教室数', sumCells(book, f5170, [{ row: music, column: rooms }], { integer: true }));
    if (rooms !== null && artRoom !== null)
      set('artRooms', '美术专用教室数', sumCells(book, f5170, [{ row: artRoom, column: rooms }], { integer: true }));
    if (area !== null && indoorRow !== null)
      indoor = sumCells(book, f5170, [{ row: indoorRow, column: area }], { integer: false });
  }

  // 办学条件 (教基5176): 运动场地 (+ 室内体育用房 = 体育运动场馆面积), 图书, 计算机, 网络多媒体教室, 教学仪器设备值.
  const f5176 = book.forms.get('教基5176') ?? null;
  if (f5176 === null) book.missing(null, '教基5176', '运动场地面积、图书、计算机、网络多媒体教室和教学仪器设备值');
  else {
    const amount = findColumn(f5176, lastIs('数量', '合计', '计', '数值', '填报数')) ?? columnOf(f5176, /数量|数值/);
    const unitColumn = findColumn(f5176, has(/计量单位|单位/));
    if (amount === null) book.missing(f5176, '教基5176', '「数量」栏');
    const item = (field: string, zh: string, re: RegExp, integer: boolean, money = false) => {
      const r = findRow(f5176, (l) => re.test(l));
      if (r === null) {
        book.missing(f5176, '教基5176', `「${zh}」一行`);
        return null;
      }
      if (amount === null) return null;
      let scale = 1;
      if (money) {
        // The unit as the row's 计量单位 says, else its label, the column header or the title (the first that names one).
        const said = [
          unitColumn ? (r.cells.get(unitColumn.index) ?? '') : '',
          r.rawLabel,
          amount.path.join(' '),
          f5176.title,
        ];
        const unit = said.find((t) => /元/.test(t));
        if (unit !== undefined && /万元/.test(unit)) scale = 10_000;
        else if (unit === undefined) {
          book.cellError(
            f5176,
            r,
            amount,
            r.cells.get(amount.index) ?? '',
            `${zh}未注明单位（元或万元）：请在计量单位栏填写`,
          );
          return null;
        }
      }
      const reading = sumCells(book, f5176, [{ row: r, column: amount }], { integer, scale });
      if (reading && scale !== 1) reading.source.label = `${reading.source.label}（万元 × 10000 = 元）`;
      if (field !== '') set(field, zh, reading);
      return reading;
    };
    const outdoor = item('', '运动场地面积', /^(?:体育)?运动场(?:地|馆)?(?:面积)?/, false);
    if (outdoor !== null && indoor !== null) {
      set('sportsArea', '体育运动场馆面积', {
        value: Math.round((outdoor.value + indoor.value) * 100) / 100,
        blank: outdoor.blank && indoor.blank,
        source: {
          file: book.file,
          sheet: outdoor.source.sheet,
          cell: outdoor.source.cell,
          label: `${outdoor.source.label} + ${indoor.source.label}（${indoor.source.sheet}!${indoor.source.cell} 室内体育用房）`,
        },
      });
    }
    item('books', '图书册数', /^图书/, true);
    item('computers', '计算机台数', /^计算机/, true);
    item('multimediaRooms', '网络多媒体教室数', /多媒体教室/, true);
    item('equipmentValue', '教学仪器设备值', /仪器设备/, false, true);
  }
  return stats as unknown as SchoolStatRow;
}

/**
 * The 艺术 columns to add to 体育与健康: the subtotal (`艺术 > 计`) when the form has one, the single 艺术 column when
 * it is not split; only when a split form lacks its subtotal are its parts (音乐, 美术 …) added, with a warning.
 */
function artSubtotal(form: StatisticsForm): { columns: FormColumn[]; warning: string | null } | null {
  const under = form.columns.filter((c) => c.path.includes('艺术'));
  if (under.length === 0) {
    const single = findColumn(form, lastIs('艺术', '艺术(音乐、美术)'));
    return single ? { columns: [single], warning: null } : null;
  }
  if (under.length === 1) return { columns: under, warning: null };
  const subtotal = under.find(
    (c) => isTotal(c.path[c.path.length - 1] as string) || c.path[c.path.length - 1] === '艺术',
  );
  if (subtotal) return { columns: [subtotal], warning: null };
  return {
    columns: under,
    warning: `「艺术」栏没有小计（计）：按${under.map((c) => c.path[c.path.length - 1]).join(' + ')}合计`,
  };
}

// -------------------------------------------------------------------------------------------------------- the year

const TITLE_YEAR = /((?:19|20)\d{2})\s*(?:学年|年度|年)(?!版)/;
const FILE_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

/** The statistics year: 统计年份 of 教基1001, else the forms' titles, else the file name (with a warning). */
function readYear(book: SchoolWorkbook, school: SchoolReading): { year: number; source: ValueSource } | null {
  if (school.year) return { year: school.year.value, source: school.year.source };
  const byTitle = new Map<number, StatisticsForm>();
  for (const form of book.forms.values()) {
    const y = TITLE_YEAR.exec(form.title)?.[1];
    if (y !== undefined && !byTitle.has(Number(y))) byTitle.set(Number(y), form);
  }
  if (byTitle.size > 1) {
    const list = [...byTitle].map(([y, f]) => `「${f.sheet}」${y} 年`).join('、');
    book.error({
      row: null,
      column: null,
      value: null,
      message: `各报表标题中的统计年份不一致（${list}）：请确认是同一年的报表`,
    });
    return null;
  }
  const [entry] = byTitle;
  if (entry) {
    const [year, form] = entry;
    const cell =
      form.titleCells.find((_, i) => TITLE_YEAR.test(form.title.split(' ')[i] ?? '')) ?? form.titleCells[0] ?? '';
    return { year, source: { file: book.file, sheet: form.sheet, cell, label: `${form.code} 标题` } };
  }
  // The file's own name first, then its folders (`2023/学校.xlsx`, `澄川县2023年.zip/学校.xlsx`).
  const fromName = FILE_YEAR.exec(book.file.split('/').pop() ?? '')?.[1] ?? FILE_YEAR.exec(book.file)?.[1];
  if (fromName !== undefined) {
    book.warning({
      row: null,
      column: null,
      value: fromName,
      message: `报表中没有统计年份（标题和教基1001「统计年份」都没有）：按文件名中的 ${fromName} 年导入，请核实`,
    });
    return { year: Number(fromName), source: { file: book.file, sheet: null, cell: '', label: '文件名中的年份' } };
  }
  book.error({
    row: null,
    column: null,
    value: null,
    message: '找不到统计年份：报表标题、教基1001「统计年份」和文件名中都没有 4 位年份。请在教基1001中填写统计年份',
    sheet: book.forms.get('教基1001')?.sheet ?? null,
  });
  return null;
}

// ------------------------------------------------------------------------------------------------------ the reader

/** Reads one school's workbook; null (with located errors) when it cannot give a school and its statistics. */
export async function readSchoolWorkbook(file: UploadedImportFile, issues: IssueCollector): Promise<SourceRows> {
  const result: SourceRows = {
    format: 'school_workbook',
    rows: 0,
    encoding: null,
    schools: [],
    stats: [],
    rotations: [],
  };
  const book = new SchoolWorkbook(file.name, issues);
  let sheets: SheetCells[];
  try {
    sheets = readXlsxCells(file.bytes);
  } catch (error) {
    const message = error instanceof ImportFileError ? error.message : CORRUPT_XLSX_MESSAGE;
    book.error({ row: null, column: null, value: null, message });
    return result;
  }

  for (const sheet of sheets) {
    const named = formCodeOfSheet(sheet.name);
    const reading = readStatisticsForm(sheet, named);
    if (!reading.ok) {
      if (named !== null && FORM_CODES.includes(named as FormCode))
        book.error({ row: reading.rowNumber, column: null, value: null, message: reading.message, sheet: sheet.name });
      continue;
    }
    const form = reading.form;
    let code: FormCode | undefined = FORM_CODES.find((c) => c === named);
    if (code === undefined && (named === null || named.startsWith('基础基'))) {
      code = FORMS_BY_TITLE.find((f) => f.test.test(normaliseLabel(form.title)))?.code;
    }
    if (code === undefined) continue; // A form that holds none of our fields.
    form.code = code;
    if (book.forms.has(code)) {
      book.error({
        row: null,
        column: null,
        value: null,
        sheet: sheet.name,
        message: `报表 ${code} 出现了两次（工作表「${book.forms.get(code)?.sheet}」和「${sheet.name}」）：一个工作簿只能有一所学校的一套报表`,
      });
      continue;
    }
    book.forms.set(code, form);
  }
  result.rows = book.forms.size;

  const leftOut = { message: null as string | null };
  const school = readSchool(book, leftOut);
  if (leftOut.message !== null) {
    book.warning({
      row: null,
      column: null,
      value: null,
      message: leftOut.message,
      sheet: book.forms.get('教基1001')?.sheet ?? null,
    });
    return result;
  }
  if (school === null) return result;
  const year = readYear(book, school);
  if (year === null) return result;
  const stats = readStats(book, school, year.year);
  if (book.failed) return result;

  const sheet = book.forms.get('教基1001')?.sheet ?? null;
  const schoolRow: LocatedRow<SchoolRow> = {
    file: file.name,
    rowNumber: school.rowNumber,
    row: school.row,
    headers: school.headers,
    sources: school.sources,
    sheet,
  };
  WORKBOOK_SCHOOLS.set(schoolRow, year.year);
  result.schools.push(schoolRow);
  const stat: LocatedRow<SchoolStatRow> = {
    file: file.name,
    rowNumber: school.rowNumber,
    row: stats,
    headers: {
      year: `统计年份（${year.source.label}）`,
      schoolCode: school.headers.schoolCode ?? '学校标识码',
      ...book.headers,
    },
    sources: { year: year.source, schoolCode: school.sources.schoolCode as ValueSource, ...book.sources },
    sheet,
  };
  if (book.blanks.length > 0) stat.blanks = book.blanks;
  result.stats.push(stat);
  return result;
}

/** School rows read from workbooks, with their statistics year (to keep one row per school over several years). */
const WORKBOOK_SCHOOLS = new WeakMap<LocatedRow<SchoolRow>, number>();

const SCHOOL_FIELD_ZH: Partial<Record<keyof SchoolRow, string>> = {
  schoolName: '学校名称',
  schoolType: '办学类型',
  ownership: '办学性质',
  urbanRuralCode: '城乡分类',
  townshipCode: '乡镇代码',
  townshipName: '乡镇名称',
  boarding: '是否寄宿制',
  parentSchoolCode: '所属学校标识码',
  groupName: '学区/教育集团',
};

/**
 * A school's workbooks of several years each give its 教基1001: one school row is kept, the latest year's (as the
 * school is now). What changed between the years (a new name, a new 城乡分类) is a warning naming both workbooks;
 * rows of other files (templates) are left as they are, so a duplicate there is still an error.
 */
export function collapseWorkbookSchools(
  rows: LocatedRow<SchoolRow>[],
  issues: IssueCollector,
): LocatedRow<SchoolRow>[] {
  const latest = new Map<string, LocatedRow<SchoolRow>>();
  for (const r of rows) {
    const year = WORKBOOK_SCHOOLS.get(r);
    if (year === undefined) continue;
    const kept = latest.get(r.row.schoolCode);
    if (kept === undefined || (WORKBOOK_SCHOOLS.get(kept) as number) < year) latest.set(r.row.schoolCode, r);
  }
  if (latest.size === 0) return rows;
  const out: LocatedRow<SchoolRow>[] = [];
  for (const r of rows) {
    const kept = WORKBOOK_SCHOOLS.has(r) ? latest.get(r.row.schoolCode) : undefined;
    if (kept === undefined || kept === r) {
      out.push(r);
      continue;
    }
    for (const [field, zh] of Object.entries(SCHOOL_FIELD_ZH) as [keyof SchoolRow, string][]) {
      if (r.row[field] === kept.row[field]) continue;
      issues.warning({
        file: r.file,
        row: r.rowNumber,
        column: r.headers[field] ?? zh,
        value: r.row[field] === null || r.row[field] === undefined ? '' : String(r.row[field]),
        message: `${zh}在 ${WORKBOOK_SCHOOLS.get(r)} 年的报表中为「${r.row[field] ?? ''}」，在 ${WORKBOOK_SCHOOLS.get(kept)} 年的「${kept.file}」中为「${kept.row[field] ?? ''}」：学校信息按最新一年保存，历年统计数据都保留`,
        sheet: r.sheet ?? null,
        ...(r.sources?.[field] ? { cell: r.sources[field].cell } : {}),
      });
    }
  }
  return out;
}

export const schoolWorkbookReader: SourceReader = {
  format: 'school_workbook',
  async read(file, context) {
    if (!looksLikeSchoolWorkbook(file.bytes)) return null;
    return readSchoolWorkbook(file, context.issues);
  },
};
