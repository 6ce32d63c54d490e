import zlib from 'node:zlib';
import type { ImportIssue, RotationRow, ValueSource } from '@junheng/shared';
import iconv from 'iconv-lite';
import { loadExcelJs } from '../../export/load-exceljs.ts';
import { columnLetter } from '../excel-address.ts';
import { ImportFileError } from '../import-file-error.ts';
import { quote } from '../issues.ts';
import { cleanCode, type LocatedRow } from '../parse-rows.ts';
import { CORRUPT_XLSX_MESSAGE, cellText, detectFormat, readTable, type TableRow } from '../read-table.ts';
import type { UploadedImportFile } from '../validate-import.ts';
import { checkXlsxLimits, readZipDirectory } from '../xlsx-guard.ts';
import { isIdCardHeader, looksLikeIdCardNumber, maskIdCardNumber } from './id-card.ts';
import { formatRosterDate, parseRosterDate } from './roster-dates.ts';
import {
  type BackboneLevel,
  countEligible,
  deriveRotations,
  deriveSchoolYears,
  type RosterRotation,
  type RosterTeacher,
} from './roster-derive.ts';
import type { RosterSchoolYearFacts, SourceReadContext, SourceReader, SourceRows } from './source-reader.ts';

/**
 * Teacher rosters as the teacher-management system exports them (issue #13; docs/IMPORT-SOURCES.md): one row per
 * teacher of one statistics year (教师编号/工号, school, 进入本校日期, 骨干 level, optional 任教学段), with the
 * teacher's rotations either as columns of the teacher's rows (one rotation per row: a teacher may have several
 * rows) or on a second sheet keyed by 教师编号. Gives per school-year facts (teachers, eligible to rotate, backbone)
 * and the rotations that start in the roster's year. Identity-card numbers reject the file.
 */

type RosterField =
  | 'teacherRef'
  | 'schoolCode'
  | 'schoolName'
  | 'joinDate'
  | 'backbone'
  | 'stage'
  | 'year'
  | 'rotationType'
  | 'rotationStart'
  | 'rotationEnd'
  | 'rotationFrom'
  | 'rotationTo';

const FIELD_ALIASES: Record<RosterField, readonly string[]> = {
  teacherRef: [
    '教师编号',
    '工号',
    '教职工号',
    '教师工号',
    '职工号',
    '职工编号',
    '人员编号',
    '教师代码',
    '教师号',
    '教师id',
  ],
  schoolCode: ['学校标识码', '学校代码', '单位标识码', '单位代码', '学校识别码', '所在学校标识码', '任职学校标识码'],
  schoolName: ['学校名称', '学校', '所在学校', '任职学校', '任教学校', '单位名称', '所在单位', '工作单位'],
  joinDate: [
    '进入本校日期',
    '进入本校时间',
    '进入本校年月',
    '进本校日期',
    '进本校时间',
    '进本校年月',
    '来校日期',
    '来校时间',
    '来校年月',
    '到校日期',
    '到校时间',
    '调入本校日期',
    '调入本校时间',
    '进入本单位日期',
    '进入本单位时间',
  ],
  backbone: ['骨干教师级别', '骨干级别', '骨干教师类型', '骨干类型', '骨干教师', '骨干', '骨干教师等级', '骨干等级'],
  stage: ['任教学段', '学段', '任教学段名称'],
  year: ['年度', '统计年度', '学年度', '统计年份'],
  rotationType: ['交流类型', '交流轮岗类型', '交流方式', '交流形式'],
  rotationStart: [
    '开始年月',
    '交流开始年月',
    '开始时间',
    '交流开始时间',
    '开始日期',
    '交流开始日期',
    '起始年月',
    '交流起始年月',
  ],
  rotationEnd: ['结束年月', '交流结束年月', '结束时间', '交流结束时间', '结束日期', '交流结束日期', '截止年月'],
  rotationFrom: ['原单位', '原单位名称', '原单位标识码', '原学校', '派出单位', '派出学校', '派出学校标识码'],
  rotationTo: [
    '交流单位',
    '交流单位名称',
    '交流单位标识码',
    '交流学校',
    '接收单位',
    '接收学校',
    '接收学校标识码',
    '交流至单位',
    '交流到单位',
  ],
};

const FIELD_ZH: Record<RosterField, string> = {
  teacherRef: '教师编号',
  schoolCode: '学校标识码',
  schoolName: '学校名称',
  joinDate: '进入本校日期',
  backbone: '骨干教师级别',
  stage: '任教学段',
  year: '年度',
  rotationType: '交流类型',
  rotationStart: '开始年月',
  rotationEnd: '结束年月',
  rotationFrom: '原单位',
  rotationTo: '交流单位',
};

/** Header text as compared: full-width folded, no spaces or required-markers, no trailing (unit / format) note. */
function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\([^)]*\)$/, '')
    .toLowerCase();
}

const ALIAS_LOOKUP = new Map<string, RosterField>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [RosterField, readonly string[]][]) {
  for (const alias of aliases) ALIAS_LOOKUP.set(normaliseHeader(alias), field);
}

/** The join-date headers: present in every roster and in no other file family (the cheap first look). */
const MARKERS = FIELD_ALIASES.joinDate;
const HEADER_SEARCH_ROWS = 10;

interface Sheet {
  /** Worksheet name; null for a CSV. */
  name: string | null;
  rows: TableRow[];
}

interface RosterSheet {
  sheet: Sheet;
  kind: 'teachers' | 'rotations';
  headerRowNumber: number;
  headers: string[];
  columns: Partial<Record<RosterField, number>>;
  /** Rows above the header (a title such as “澄川县2024年教师名册”). */
  titleRows: TableRow[];
  rows: TableRow[];
}

function locateRosterHeader(sheet: Sheet): RosterSheet | null {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = sheet.rows[i] as TableRow;
    const columns: Partial<Record<RosterField, number>> = {};
    row.cells.forEach((cell, index) => {
      const field = ALIAS_LOOKUP.get(normaliseHeader(cell));
      if (field !== undefined && columns[field] === undefined) columns[field] = index;
    });
    if (columns.teacherRef === undefined) continue;
    const kind = columns.joinDate !== undefined ? 'teachers' : columns.rotationTo !== undefined ? 'rotations' : null;
    if (kind === null) continue;
    return {
      sheet,
      kind,
      headerRowNumber: row.rowNumber,
      headers: row.cells,
      columns,
      titleRows: sheet.rows.slice(0, i),
      rows: sheet.rows.slice(i + 1),
    };
  }
  return null;
}

// ------------------------------------------------------------------------------------------------ reading the file

/** Inflates at most `limit` bytes of every entry the test names (a cheap look before the workbook is loaded). */
function peekXlsxText(bytes: Uint8Array, wanted: (name: string) => boolean, limit: number): string {
  const entries = readZipDirectory(bytes);
  if (entries === null) return '';
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  for (const entry of entries) {
    if (!wanted(entry.name)) continue;
    const at = entry.localHeaderOffset;
    if (at + 30 > view.length || view.readUInt32LE(at) !== 0x04034b50) continue;
    const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
    const data = view.subarray(start, Math.min(view.length, start + entry.compressedSize));
    try {
      const inflated =
        entry.method === 0
          ? data.subarray(0, limit)
          : zlib.inflateRawSync(data, { maxOutputLength: limit, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      text += inflated.toString('utf8');
    } catch {
      // Larger than the peek (or not deflate): its start is not needed, the marker is in the shared strings.
    }
  }
  return text;
}

const PEEK_BYTES = 4 * 1024 * 1024;

/** The join-date headers as bytes in UTF-8 and GB18030, looked for at the start of a CSV before it is parsed. */
const MARKER_BYTES: readonly Buffer[] = MARKERS.flatMap((m) => [Buffer.from(m, 'utf8'), iconv.encode(m, 'gb18030')]);
const CSV_PEEK_BYTES = 64 * 1024;

function csvMentionsMarker(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, CSV_PEEK_BYTES));
  return MARKER_BYTES.some((marker) => head.includes(marker));
}

function mentionsMarker(text: string): boolean {
  return MARKERS.some((m) => text.includes(m));
}

async function readXlsxSheets(bytes: Uint8Array): Promise<Sheet[] | null> {
  // Header texts live in the shared strings (Excel, ExcelJS, WPS); only a workbook without them is looked into further.
  const shared = readZipDirectory(bytes)?.some((e) => e.name === 'xl/sharedStrings.xml') ?? false;
  const peek = peekXlsxText(
    bytes,
    (name) => (shared ? name === 'xl/sharedStrings.xml' : /^xl\/worksheets\/[^/]+\.xml$/.test(name)),
    PEEK_BYTES,
  );
  if (!mentionsMarker(peek)) return null;
  checkXlsxLimits(bytes);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new ImportFileError('corrupt_xlsx', CORRUPT_XLSX_MESSAGE, { cause: error });
  }
  return workbook.worksheets
    .filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden')
    .map((worksheet) => {
      const rows: TableRow[] = [];
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
        let end = cells.length;
        while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--;
        if (end > 0) rows.push({ rowNumber, cells: cells.slice(0, end) });
      });
      return { name: worksheet.name, rows };
    });
}

async function readSheets(file: UploadedImportFile): Promise<{ sheets: Sheet[]; encoding: string | null } | null> {
  const format = detectFormat(file.bytes);
  if (format === 'xlsx') {
    const sheets = await readXlsxSheets(file.bytes);
    return sheets === null ? null : { sheets, encoding: null };
  }
  if (format !== 'csv' || file.bytes.length === 0) return null;
  if (!csvMentionsMarker(file.bytes)) return null;
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(file.name, file.bytes);
  } catch {
    return null; // The template reader reports what is wrong with the file.
  }
  const rows = [{ rowNumber: table.headerRowNumber, cells: table.headers }, ...table.rows];
  if (!rows.slice(0, HEADER_SEARCH_ROWS).some((r) => mentionsMarker(r.cells.join('\u0000')))) return null;
  return { sheets: [{ name: null, rows }], encoding: table.encoding };
}

// ------------------------------------------------------------------------------------------------- cell readers

const BACKBONE_LEVELS: readonly [RegExp, BackboneLevel][] = [
  [/^(?:无|否|非骨干|不是|没有|0|n|no|false)$/i, 'none'],
  [/^(?:国家级?|全国)/, 'national'],
  [/^(?:省级?|省)/, 'province'],
  [/^(?:市级?|地市级?|州级?|盟级?)/, 'city'],
  [/^(?:县级?|区级?|县\(区\)级?|县区级?|旗级?)/, 'county'],
  [/^(?:校级?|学校)/, 'school'],
];

/** 骨干 level: 省级/市级/县级/无 or 省/市/县/空 (also 国家级, 区级, 校级; 省级骨干教师 …); undefined when unknown. */
export function parseBackboneLevel(raw: string): BackboneLevel | undefined {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (text === '' || /^[-—/]+$/.test(text)) return 'none';
  for (const [pattern, level] of BACKBONE_LEVELS) if (pattern.test(text)) return level;
  return undefined;
}

/** 任教学段 of a teacher outside compulsory education (高中, 学前/幼儿园): left out of every count. */
function outsideCompulsory(stage: string): boolean {
  return /高中|学前|幼儿|中职|职高/.test(stage);
}

const YEAR_IN_TEXT = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

function yearsIn(text: string): number[] {
  return [...new Set([...text.normalize('NFKC').matchAll(YEAR_IN_TEXT)].map((m) => Number(m[1])))];
}

function parseYearCell(raw: string): number | null {
  const m = /^\s*((?:19|20)\d{2})\s*(?:年度?|学年(?:度)?)?\s*$/.exec(raw.normalize('NFKC'));
  if (m) return Number(m[1]);
  // 2024-2025学年 / 2024—2025 → the first year (the statistics year is the school year's first).
  const span = /^\s*((?:19|20)\d{2})\s*[-—~至]\s*(?:19|20)\d{2}\s*(?:学年(?:度)?)?\s*$/.exec(raw.normalize('NFKC'));
  return span ? Number(span[1]) : null;
}

// ---------------------------------------------------------------------------------------------------- the reader

interface Located {
  sheet: RosterSheet;
  row: TableRow;
}

class RosterFile {
  readonly issues: SourceReadContext['issues'];
  errors = 0;

  constructor(
    readonly file: string,
    context: SourceReadContext,
  ) {
    this.issues = context.issues;
  }

  cell(at: Located, field: RosterField): string {
    const index = at.sheet.columns[field];
    return index === undefined ? '' : (at.row.cells[index] ?? '').trim();
  }

  has(sheet: RosterSheet, field: RosterField): boolean {
    return sheet.columns[field] !== undefined;
  }

  header(sheet: RosterSheet, field: RosterField): string {
    const index = sheet.columns[field];
    return index === undefined ? FIELD_ZH[field] : (sheet.headers[index] ?? FIELD_ZH[field]);
  }

  address(sheet: RosterSheet, field: RosterField, rowNumber: number): string | null {
    const index = sheet.columns[field];
    return index === undefined ? null : `${columnLetter(index)}${rowNumber}`;
  }

  source(at: Located, field: RosterField): ValueSource {
    return {
      file: this.file,
      sheet: at.sheet.sheet.name,
      cell: this.address(at.sheet, field, at.row.rowNumber) ?? '',
      label: this.header(at.sheet, field),
    };
  }

  issue(
    at: Located | { sheet: RosterSheet; row: null },
    field: RosterField | null,
    value: string | null,
    message: string,
  ) {
    const rowNumber = at.row === null ? null : at.row.rowNumber;
    const cell = field === null || rowNumber === null ? null : this.address(at.sheet, field, rowNumber);
    const issue: ImportIssue = {
      file: this.file,
      row: rowNumber,
      column: field === null ? null : this.header(at.sheet, field),
      value,
      message,
      ...(at.sheet.sheet.name === null ? {} : { sheet: at.sheet.sheet.name }),
      ...(cell === null ? {} : { cell }),
    };
    return issue;
  }

  error(
    at: Located | { sheet: RosterSheet; row: null },
    field: RosterField | null,
    value: string | null,
    message: string,
  ) {
    this.errors++;
    this.issues.error(this.issue(at, field, value, message));
  }

  warning(
    at: Located | { sheet: RosterSheet; row: null },
    field: RosterField | null,
    value: string | null,
    message: string,
  ) {
    this.issues.warning(this.issue(at, field, value, message));
  }

  where(at: Located): string {
    return `${at.sheet.sheet.name === null ? '' : `工作表「${at.sheet.sheet.name}」`}第 ${at.row.rowNumber} 行`;
  }
}

/**
 * Identity-card numbers: a column whose header names one, or any cell that looks like one (18 characters with a
 * valid check character, or the 15-digit form), is an error naming the file, sheet and cell with the value masked.
 * One error per column (with how many cells); returns whether any was found.
 */
function rejectIdCardNumbers(roster: RosterFile, sheets: readonly RosterSheet[]): boolean {
  let found = false;
  for (const sheet of sheets) {
    const headerRow: TableRow = { rowNumber: sheet.headerRowNumber, cells: sheet.headers };
    sheet.headers.forEach((header, index) => {
      if (!isIdCardHeader(header)) return;
      found = true;
      roster.errors++;
      roster.issues.error({
        file: roster.file,
        row: headerRow.rowNumber,
        column: header,
        value: null,
        message: `列「${header}」是身份证件号码：本系统不保存身份证号，整个文件未导入。请删除该列（教师编号请用人事系统的化名编号或工号）后重新导入`,
        ...(sheet.sheet.name === null ? {} : { sheet: sheet.sheet.name }),
        cell: `${columnLetter(index)}${headerRow.rowNumber}`,
      });
    });
    const byColumn = new Map<number, { first: TableRow; value: string; count: number }>();
    for (const row of [...sheet.titleRows, ...sheet.rows]) {
      row.cells.forEach((value, index) => {
        if (isIdCardHeader(sheet.headers[index] ?? '') || !looksLikeIdCardNumber(value)) return;
        const entry = byColumn.get(index);
        if (entry) entry.count++;
        else byColumn.set(index, { first: row, value, count: 1 });
      });
    }
    for (const [index, { first, value, count }] of byColumn) {
      found = true;
      roster.errors++;
      const header = sheet.headers[index] || `第 ${index + 1} 列`;
      const more = count > 1 ? `（该列共 ${count} 个）` : '';
      roster.issues.error({
        file: roster.file,
        row: first.rowNumber,
        column: header,
        value: maskIdCardNumber(value),
        message: `单元格的值像身份证号码${more}：本系统不保存身份证号，整个文件未导入。教师编号请用人事系统的化名编号或工号，删除身份证号后重新导入`,
        ...(sheet.sheet.name === null ? {} : { sheet: sheet.sheet.name }),
        cell: `${columnLetter(index)}${first.rowNumber}`,
      });
    }
  }
  return found;
}

interface ParsedTeacher {
  teacher: RosterTeacher;
  at: Located;
}

/** The statistics year of a file without a 年度 column: its title rows, else its file name. */
function fileYear(roster: RosterFile, sheets: readonly RosterSheet[]): { year: number | null; problem: string | null } {
  const fromTitles = yearsIn(sheets.flatMap((s) => s.titleRows.flatMap((r) => r.cells)).join(' '));
  if (fromTitles.length === 1) return { year: fromTitles[0] as number, problem: null };
  const fromName = yearsIn(roster.file.replace(/\.[^.]+$/, ''));
  if (fromName.length === 1) return { year: fromName[0] as number, problem: null };
  const found = [...new Set([...fromTitles, ...fromName])];
  return {
    year: null,
    problem:
      found.length > 1
        ? `无法确定名册的统计年度：标题和文件名中有多个年份（${found.join('、')}）。请加“年度”列，或只在文件名中写一个年份（如“教师名册_2024.xlsx”）`
        : '无法确定名册的统计年度：请加“年度”列，或在文件名或标题中写明年份（如“教师名册_2024.xlsx”，2024 表示 2024 学年初）',
  };
}

function schoolCodeOfUnit(raw: string, names: ReadonlyMap<string, string>, codes: ReadonlySet<string>): string | null {
  const text = raw.normalize('NFKC').trim();
  const code = cleanCode(text);
  if (codes.has(code) || /^\d{6,}$/.test(code)) return code;
  const inParens = /\((\d{6,})\)\s*$/.exec(text);
  if (inParens) return inParens[1] as string;
  return names.get(text.replace(/\s+/g, '')) ?? null;
}

async function readRoster(file: UploadedImportFile, context: SourceReadContext): Promise<SourceRows | null> {
  let read: Awaited<ReturnType<typeof readSheets>>;
  try {
    read = await readSheets(file);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    // A roster that cannot be opened: the template reader tries again and reports why.
    return null;
  }
  if (read === null) return null;
  const located = read.sheets.map(locateRosterHeader).filter((s): s is RosterSheet => s !== null);
  const teacherSheets = located.filter((s) => s.kind === 'teachers');
  if (teacherSheets.length === 0) return null;
  const rotationSheets = located.filter((s) => s.kind === 'rotations');
  const sheets = [...teacherSheets, ...rotationSheets];
  const roster = new RosterFile(file.name, context);
  const empty: SourceRows = {
    format: 'teacher_roster',
    rows: 0,
    encoding: read.encoding,
    schools: [],
    stats: [],
    rotations: [],
    rosterFacts: [],
  };
  empty.rows = teacherSheets.reduce((sum, s) => sum + s.rows.length, 0);
  if (rejectIdCardNumbers(roster, sheets)) return empty;

  for (const sheet of teacherSheets) {
    if (!roster.has(sheet, 'schoolCode') && !roster.has(sheet, 'schoolName')) {
      roster.error({ sheet, row: null }, null, null, '教师名册缺少“学校标识码”（或“学校名称”）列');
    }
  }
  const needsFileYear = sheets.some((s) => !roster.has(s, 'year'));
  const { year: defaultYear, problem } = needsFileYear ? fileYear(roster, sheets) : { year: null, problem: null };
  if (needsFileYear && problem !== null) {
    roster.error({ sheet: teacherSheets[0] as RosterSheet, row: null }, null, null, problem);
  }
  if (roster.errors > 0) return empty;

  // School names resolve to codes through the rows that give both (a code wins over a name).
  const codeOfName = new Map<string, string>();
  const knownCodes = new Set<string>();
  for (const sheet of teacherSheets) {
    for (const row of sheet.rows) {
      const at = { sheet, row };
      const code = cleanCode(roster.cell(at, 'schoolCode'));
      const name = roster.cell(at, 'schoolName').normalize('NFKC').replace(/\s+/g, '');
      if (code !== '') knownCodes.add(code);
      if (code !== '' && name !== '' && !codeOfName.has(name)) codeOfName.set(name, code);
    }
  }

  const yearOf = (at: Located): number | null => {
    if (!roster.has(at.sheet, 'year')) return defaultYear;
    const raw = roster.cell(at, 'year');
    const year = parseYearCell(raw);
    if (year === null) roster.error(at, 'year', raw, `年度应为四位年份（如 2024），实际为 ${quote(raw)}`);
    return year;
  };

  // Teachers (and the rotations written on their rows).
  const teachers = new Map<string, ParsedTeacher>();
  const rotationRows: { rotation: RosterRotation; at: Located }[] = [];
  for (const sheet of teacherSheets) {
    for (const row of sheet.rows) {
      const at: Located = { sheet, row };
      const teacherRef = cleanCode(roster.cell(at, 'teacherRef'));
      if (teacherRef === '') {
        if (row.cells.some((c) => c.trim() !== '')) {
          roster.error(at, 'teacherRef', '', '教师编号为空：每行都要有教师编号（人事系统的化名编号或工号）');
        }
        continue;
      }
      const year = yearOf(at);
      if (year === null) continue;
      const key = `${year}\u0000${teacherRef}`;
      const known = teachers.get(key);
      const teacher = known?.teacher ?? parseTeacher(roster, at, teacherRef, year, codeOfName, knownCodes);
      if (!known && teacher !== null) teachers.set(key, { teacher, at });
      if (teacher === null) continue;
      if (known) checkSameTeacher(roster, at, known, codeOfName, knownCodes);
      const rotation = parseRotation(roster, at, teacher, codeOfName, knownCodes);
      if (rotation !== null) rotationRows.push({ rotation, at });
    }
  }
  // Rotations of a second sheet, joined to the teachers by 教师编号 (and 年度).
  for (const sheet of rotationSheets) {
    for (const row of sheet.rows) {
      const at: Located = { sheet, row };
      const teacherRef = cleanCode(roster.cell(at, 'teacherRef'));
      if (teacherRef === '') continue;
      const year = yearOf(at);
      if (year === null) continue;
      const parsed = teachers.get(`${year}\u0000${teacherRef}`);
      if (!parsed) {
        roster.error(
          at,
          'teacherRef',
          teacherRef,
          `教师 ${quote(teacherRef)} 不在 ${year} 年的教师名单中：交流记录的教师编号应与教师表一致`,
        );
        continue;
      }
      const rotation = parseRotation(roster, at, parsed.teacher, codeOfName, knownCodes);
      if (rotation !== null) rotationRows.push({ rotation, at });
    }
  }
  if (roster.errors > 0) return empty;
  return derive(roster, read.encoding, empty.rows, [...teachers.values()], rotationRows);
}

function parseTeacher(
  roster: RosterFile,
  at: Located,
  teacherRef: string,
  year: number,
  codeOfName: ReadonlyMap<string, string>,
  knownCodes: ReadonlySet<string>,
): RosterTeacher | null {
  const errorsBefore = roster.errors;
  const schoolCode = resolveSchool(roster, at, codeOfName, knownCodes);
  const rawJoin = roster.cell(at, 'joinDate');
  const joined = parseRosterDate(rawJoin);
  if (rawJoin === '') {
    roster.error(at, 'joinDate', '', '进入本校日期为空：无法计算在本校的年限（空白不等于 0）');
  } else if (joined === null) {
    roster.error(
      at,
      'joinDate',
      rawJoin,
      `进入本校日期 ${quote(rawJoin)} 无法识别：请写成 2015-09-01、2015/9/1、2015.09 或 201509`,
    );
  } else if (joined.year > year + 1) {
    roster.error(
      at,
      'joinDate',
      rawJoin,
      `进入本校日期 ${formatRosterDate(joined)} 晚于 ${year} 学年：请核对日期或年度`,
    );
  }
  const rawBackbone = roster.cell(at, 'backbone');
  const backbone = parseBackboneLevel(rawBackbone);
  if (backbone === undefined) {
    roster.error(
      at,
      'backbone',
      rawBackbone,
      `骨干教师级别 ${quote(rawBackbone)} 无法识别：应为 国家级、省级、市级、县级、校级 或 无（也可写 省/市/县/空）`,
    );
  }
  if (roster.errors > errorsBefore || schoolCode === null || joined === null || backbone === undefined) return null;
  return {
    year,
    teacherRef,
    schoolCode,
    joined,
    backbone,
    outsideCompulsory: outsideCompulsory(roster.cell(at, 'stage')),
  };
}

function resolveSchool(
  roster: RosterFile,
  at: Located,
  codeOfName: ReadonlyMap<string, string>,
  knownCodes: ReadonlySet<string>,
): string | null {
  const code = cleanCode(roster.cell(at, 'schoolCode'));
  if (code !== '') return code;
  const name = roster.cell(at, 'schoolName');
  if (name === '') {
    roster.error(
      at,
      roster.has(at.sheet, 'schoolCode') ? 'schoolCode' : 'schoolName',
      '',
      '学校标识码和学校名称都为空',
    );
    return null;
  }
  const resolved = schoolCodeOfUnit(name, codeOfName, knownCodes);
  if (resolved === null) {
    roster.error(
      at,
      'schoolName',
      name,
      `学校名称 ${quote(name)} 无法对应到学校标识码：名册中没有同名且填了标识码的行。请填写学校标识码`,
    );
  }
  return resolved;
}

/** A teacher's later rows (one per rotation) must name the same school and join date as the first. */
function checkSameTeacher(
  roster: RosterFile,
  at: Located,
  known: ParsedTeacher,
  codeOfName: ReadonlyMap<string, string>,
  knownCodes: ReadonlySet<string>,
): void {
  const code = cleanCode(roster.cell(at, 'schoolCode'));
  const name = roster.cell(at, 'schoolName');
  const school = code !== '' ? code : name === '' ? null : schoolCodeOfUnit(name, codeOfName, knownCodes);
  if (school !== null && school !== known.teacher.schoolCode) {
    roster.error(
      at,
      code !== '' ? 'schoolCode' : 'schoolName',
      code !== '' ? code : name,
      `教师 ${quote(known.teacher.teacherRef)} 在${roster.where(known.at)}属于学校 ${known.teacher.schoolCode}，本行却是另一所学校：同一年度一名教师只能属于一所学校`,
    );
  }
  const rawJoin = roster.cell(at, 'joinDate');
  const joined = rawJoin === '' ? null : parseRosterDate(rawJoin);
  if (joined !== null && formatRosterDate(joined) !== formatRosterDate(known.teacher.joined)) {
    roster.error(
      at,
      'joinDate',
      rawJoin,
      `教师 ${quote(known.teacher.teacherRef)} 的进入本校日期与${roster.where(known.at)}（${formatRosterDate(known.teacher.joined)}）不一致`,
    );
  }
}

const ROTATION_FIELDS: readonly RosterField[] = ['rotationType', 'rotationStart', 'rotationEnd', 'rotationTo'];

function parseRotation(
  roster: RosterFile,
  at: Located,
  teacher: RosterTeacher,
  codeOfName: ReadonlyMap<string, string>,
  knownCodes: ReadonlySet<string>,
): RosterRotation | null {
  if (ROTATION_FIELDS.every((f) => roster.cell(at, f) === '')) return null;
  const errorsBefore = roster.errors;
  const rawStart = roster.cell(at, 'rotationStart');
  const start = parseRosterDate(rawStart);
  if (!roster.has(at.sheet, 'rotationStart')) {
    roster.error(at, null, null, '有交流记录，但名册缺少“开始年月”列');
  } else if (start === null) {
    roster.error(
      at,
      'rotationStart',
      rawStart,
      rawStart === '' ? '交流开始年月为空' : `交流开始年月 ${quote(rawStart)} 无法识别：请写成 2023-09 或 202309`,
    );
  }
  const rawEnd = roster.cell(at, 'rotationEnd');
  const end = rawEnd === '' ? null : parseRosterDate(rawEnd);
  if (rawEnd !== '' && end === null) {
    roster.error(at, 'rotationEnd', rawEnd, `交流结束年月 ${quote(rawEnd)} 无法识别：请写成 2024-08 或 202408`);
  } else if (start !== null && end !== null && end.year * 12 + end.month < start.year * 12 + start.month) {
    roster.error(
      at,
      'rotationEnd',
      rawEnd,
      `交流结束年月 ${formatRosterDate(end)} 早于开始年月 ${formatRosterDate(start)}`,
    );
  }
  const rawFrom = roster.cell(at, 'rotationFrom');
  const fromSchoolCode = rawFrom === '' ? teacher.schoolCode : schoolCodeOfUnit(rawFrom, codeOfName, knownCodes);
  if (fromSchoolCode === null) {
    roster.error(
      at,
      'rotationFrom',
      rawFrom,
      `原单位 ${quote(rawFrom)} 无法对应到学校标识码：请填写学校标识码，或名册中该校教师所写的学校名称`,
    );
  }
  const rawTo = roster.cell(at, 'rotationTo');
  const toSchoolCode = rawTo === '' ? null : schoolCodeOfUnit(rawTo, codeOfName, knownCodes);
  if (rawTo === '') {
    roster.error(at, 'rotationTo', '', '交流单位为空：有交流记录的行要写明交流到哪所学校');
  } else if (toSchoolCode === null) {
    roster.error(
      at,
      'rotationTo',
      rawTo,
      `交流单位 ${quote(rawTo)} 无法对应到学校标识码：请填写学校标识码，或名册中该校教师所写的学校名称`,
    );
  }
  if (roster.errors > errorsBefore || start === null || fromSchoolCode === null || toSchoolCode === null) return null;
  const type = roster.cell(at, 'rotationType');
  return {
    year: teacher.year,
    teacherRef: teacher.teacherRef,
    fromSchoolCode,
    toSchoolCode,
    start,
    end,
    type: type === '' ? null : type,
  };
}

const DEFAULT_ELIGIBLE_YEARS = 6;

function derive(
  roster: RosterFile,
  encoding: string | null,
  rows: number,
  teachers: readonly ParsedTeacher[],
  rotationRows: readonly { rotation: RosterRotation; at: Located }[],
): SourceRows {
  const firstAt = new Map<string, Located>();
  for (const { teacher, at } of teachers) {
    const key = `${teacher.schoolCode}\u0000${teacher.year}`;
    if (!firstAt.has(key) && !teacher.outsideCompulsory) firstAt.set(key, at);
  }
  const rosterFacts: LocatedRow<RosterSchoolYearFacts>[] = deriveSchoolYears(teachers.map((t) => t.teacher)).map(
    (s) => {
      const at = firstAt.get(`${s.schoolCode}\u0000${s.year}`) as Located;
      return {
        file: roster.file,
        rowNumber: at.row.rowNumber,
        sheet: at.sheet.sheet.name,
        headers: {
          schoolCode: roster.header(at.sheet, roster.has(at.sheet, 'schoolCode') ? 'schoolCode' : 'schoolName'),
          rotationEligibleTeachers: roster.header(at.sheet, 'joinDate'),
          year: roster.has(at.sheet, 'year') ? roster.header(at.sheet, 'year') : '年度',
        },
        sources: {
          schoolCode: roster.source(at, roster.has(at.sheet, 'schoolCode') ? 'schoolCode' : 'schoolName'),
          rotationEligibleTeachers: roster.source(at, 'joinDate'),
        },
        row: {
          schoolCode: s.schoolCode,
          year: s.year,
          teachers: s.teachers,
          backboneTeachers: s.backboneTeachers,
          rotationEligibleTeachers: countEligible(s.tenureCounts, DEFAULT_ELIGIBLE_YEARS),
          tenureCounts: s.tenureCounts,
        },
      };
    },
  );

  const teacherByKey = new Map(teachers.map((t) => [`${t.teacher.year}\u0000${t.teacher.teacherRef}`, t.teacher]));
  const teacherAtByKey = new Map(teachers.map((t) => [`${t.teacher.year}\u0000${t.teacher.teacherRef}`, t.at]));
  const atOf = new Map(rotationRows.map((r) => [r.rotation, r.at]));
  const derived = deriveRotations(
    rotationRows.map((r) => r.rotation),
    (year, ref) => teacherByKey.get(`${year}\u0000${ref}`),
  );
  const rotations: LocatedRow<RotationRow>[] = derived.rows.map(({ rotation, row }) => {
    const at = atOf.get(rotation) as Located;
    const teacherAt = teacherAtByKey.get(`${row.year}\u0000${row.teacherRef}`);
    const backboneSheet = teacherAt?.sheet ?? at.sheet;
    return {
      file: roster.file,
      rowNumber: at.row.rowNumber,
      sheet: at.sheet.sheet.name,
      headers: {
        year: roster.header(at.sheet, 'rotationStart'),
        teacherRef: roster.header(at.sheet, 'teacherRef'),
        fromSchoolCode: roster.header(at.sheet, roster.has(at.sheet, 'rotationFrom') ? 'rotationFrom' : 'teacherRef'),
        toSchoolCode: roster.header(at.sheet, 'rotationTo'),
        backbone: roster.header(backboneSheet, 'backbone'),
        months: roster.header(at.sheet, 'rotationEnd'),
      },
      sources: {
        year: roster.source(at, 'rotationStart'),
        teacherRef: roster.source(at, 'teacherRef'),
        toSchoolCode: roster.source(at, 'rotationTo'),
        ...(roster.has(at.sheet, 'rotationFrom') ? { fromSchoolCode: roster.source(at, 'rotationFrom') } : {}),
        ...(teacherAt && roster.has(teacherAt.sheet, 'backbone')
          ? { backbone: roster.source(teacherAt, 'backbone') }
          : {}),
        ...(roster.has(at.sheet, 'rotationEnd') ? { months: roster.source(at, 'rotationEnd') } : {}),
      },
      row,
    };
  });

  if (derived.otherYears.length > 0) {
    const years = [...new Set(derived.otherYears.map((r) => r.start.year))].sort((a, b) => a - b);
    const first = atOf.get(derived.otherYears[0] as RosterRotation) as Located;
    const rosterYears = [...new Set(derived.otherYears.map((r) => r.year))].sort((a, b) => a - b).join('、');
    roster.warning(
      first,
      'rotationStart',
      roster.cell(first, 'rotationStart'),
      `${derived.otherYears.length} 条交流记录开始于名册年度（${rosterYears}）以外的学年（开始年份 ${years.join('、')}）：名册只计入本学年（当年 9 月至次年 8 月）开始的交流，往年的交流请导入那一年的名册`,
    );
  }
  if (derived.outsideCompulsory.length > 0) {
    const first = atOf.get(derived.outsideCompulsory[0] as RosterRotation) as Located;
    roster.warning(
      first,
      'stage',
      roster.cell(first, 'stage'),
      `${derived.outsideCompulsory.length} 条交流记录的教师任教高中或学前，不属于义务教育交流轮岗，未计入`,
    );
  }
  return { format: 'teacher_roster', rows, encoding, schools: [], stats: [], rotations, rosterFacts };
}

export const teacherRosterReader: SourceReader = { format: 'teacher_roster', read: readRoster };
