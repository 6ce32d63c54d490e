import { createHash } from 'node:crypto';
import {
  type CountyDataset,
  type ImportFileSummary,
  type ImportIssue,
  type ImportIssueCount,
  type ImportKind,
  type OptionalSchoolStatField,
  type RosterYearSummary,
  type RotationRow,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPE_STAGES,
  type SchoolEventRow,
  type SchoolRow,
  type SchoolStatField,
  type SchoolStatRow,
  type SchoolType,
  type Stage,
} from '@junheng/shared';
import { type DatasetSources, statSourceKey } from '../provenance/value-sources.ts';
import { expandArchives } from './archive.ts';
import { type HeaderMatch, IMPORT_KIND_ZH, type KindRecognition, recogniseKind } from './headers.ts';
import { ImportFileError } from './import-file-error.ts';
import { IssueCollector, MAX_LISTED_ISSUES, quote, shorten } from './issues.ts';
import { cleanCode, type LocatedRow, parseRows } from './parse-rows.ts';
import { type RawTable, readTable, type TableRow } from './read-table.ts';
import { detectSchoolEvents, type StoredSchoolIdentity } from './school-events.ts';
import { mergePartialStats } from './sources/merge-partial-stats.ts';
import { countEligible, statisticsDateOf, summariseRotations } from './sources/roster-derive.ts';
import { collapseWorkbookSchools } from './sources/school-workbook.ts';
import {
  type ColumnMappingPreset,
  type RosterSchoolYearFacts,
  readWithSourceReaders,
  type TeachingPointFact,
} from './sources/source-reader.ts';
import { applyTeachingPoints } from './sources/teaching-points.ts';

export interface UploadedImportFile {
  name: string;
  bytes: Uint8Array;
}

/** What the database already holds, for reference checks and plausibility warnings. */
export interface ImportContext {
  /** School codes already stored. */
  knownSchoolCodes: ReadonlySet<string>;
  /** Stored statistics keyed `${schoolCode}:${year}` (at least the years before the imported ones). */
  previousStats: ReadonlyMap<string, SchoolStatRow>;
  /** Optional: type of stored schools, for stage warnings on a statistics-only import. */
  knownSchoolTypes?: ReadonlyMap<string, SchoolType>;
  /**
   * An administrator scoped to one district may only write that district's schools, statistics and rotations; with
   * it, `schoolDistricts` gives the district of every stored school (also the county that keys teacher numbers).
   */
  allowedDistricts?: readonly string[];
  schoolDistricts?: ReadonlyMap<string, string>;
  /** Per-county import settings (issue #13: 教学点 merged or kept, rotation eligibility years), by district code. */
  countySettings?: ReadonlyMap<string, CountyImportSettings>;
  /** Issue #13: name, type, township, statistics years and closure of every stored school (identity across years). */
  storedSchools?: ReadonlyMap<string, StoredSchoolIdentity>;
  /** Parent school of each stored school that has one (教学点 of county extracts, issue #13). */
  schoolParents?: ReadonlyMap<string, string>;
  /**
   * Stored statistics of the years teacher rosters give facts for, keyed `${schoolCode}:${year}`: a roster without
   * the statistics file of its year updates the stored row's 符合交流条件教师数 (see rosterYearsOf).
   */
  storedStats?: ReadonlyMap<string, SchoolStatRow>;
}

/** A county's import settings; a county without a stored row uses DEFAULT_COUNTY_IMPORT_SETTINGS. */
export interface CountyImportSettings {
  /** 教学点 that the statistics do not count as schools (是否计校数 = 0): merged into the parent school, or kept. */
  teachingPoints: 'merge' | 'keep';
  /** Years at the same school from which a teacher is due to rotate (交流轮岗), when derived from a roster. */
  rotationEligibleYears: number;
}

export const DEFAULT_COUNTY_IMPORT_SETTINGS: CountyImportSettings = {
  teachingPoints: 'merge',
  rotationEligibleYears: 6,
};

/** Every file read and parsed row by row; cross-row and cross-file checks are still to come. */
export interface ParsedImport {
  files: ImportFileSummary[];
  schools: LocatedRow<SchoolRow>[];
  stats: LocatedRow<SchoolStatRow>[];
  rotations: LocatedRow<RotationRow>[];
  /** Per school-year facts derived from teacher rosters (issue #13), merged into the statistics by validation. */
  rosterFacts: LocatedRow<RosterSchoolYearFacts>[];
  /** 教学点 not counted as schools (是否计校数 = 0, county extracts): merged or kept by validation per county setting. */
  teachingPoints?: LocatedRow<TeachingPointFact>[];
  /** School codes written in the schools files, including rows with errors (avoids a second "unknown code" error). */
  schoolCodesInFiles: ReadonlySet<string>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  errorCount: number;
  warningCount: number;
  issueCounts: ImportIssueCount[];
}

/** The outcome of validation: canonical rows ready to apply (only when errorCount is 0) and the report lists. */
export interface ValidatedImport extends CountyDataset {
  /** 符合交流条件教师数 derived from teacher rosters for statistics rows already stored (not in this import). */
  rotationEligibleUpdates: RotationEligibleUpdate[];
  /** What each roster year gave (issue #13), for the report: what was counted, so the analyst can check it. */
  rosterSummaries: RosterYearSummary[];
  files: ImportFileSummary[];
  schools: SchoolRow[];
  stats: SchoolStatRow[];
  /** Deduplicated: a teacher rotated twice in one year is counted once (the first row). */
  rotations: RotationRow[];
  /** Renames, type and township changes, merges, closures and openings to record (issue #13). */
  schoolEvents: SchoolEventRow[];
  /** At most MAX_LISTED_ISSUES (200), in file and row order. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** All errors and warnings found, including those not listed. */
  errorCount: number;
  warningCount: number;
  /** Counts per kind (severity and column), including those not listed. */
  issueCounts: ImportIssueCount[];
  /** More errors exist than are listed. */
  truncated: boolean;
  /** Where each value of the kept rows was read (issue #13), stored with them. */
  sources: DatasetSources;
}

/** What parsing needs besides the files: the column mappings saved for this user's counties (issue #13). */
export interface ParseOptions {
  mappings?: readonly ColumnMappingPreset[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ----------------------------------------------------------------------------------------------- reading the files

/** When row 1 is a title (e.g. “某县2024年学校统计表”), the header may be one of the next rows. */
const HEADER_SEARCH_ROWS = 10;

export interface LocatedHeader {
  recognition: KindRecognition;
  headerRowNumber: number;
  headers: string[];
  rows: TableRow[];
}

/**
 * No column's name is longer than this; longer cells are shortened before header matching, whose similarity search
 * would otherwise take minutes on a 24 MB header cell (issue #10).
 */
const MAX_HEADER_CHARS = 200;

function headerTexts(cells: readonly string[]): string[] {
  return cells.map((c) => shorten(c, MAX_HEADER_CHARS));
}

export function locateHeader(table: RawTable): LocatedHeader {
  const first: LocatedHeader = {
    recognition: recogniseKind(headerTexts(table.headers)),
    headerRowNumber: table.headerRowNumber,
    headers: table.headers,
    rows: table.rows,
  };
  if (first.recognition.kind !== null) return first;
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS - 1);
  for (let i = 0; i < limit; i++) {
    const candidate = table.rows[i] as TableRow;
    const recognition = recogniseKind(headerTexts(candidate.cells));
    if (recognition.kind !== null) {
      return {
        recognition,
        headerRowNumber: candidate.rowNumber,
        headers: candidate.cells,
        rows: table.rows.slice(i + 1),
      };
    }
  }
  return first;
}

/** Columns with data but no header: a warning each (their data is ignored). */
function warnHeaderlessData(
  file: string,
  headers: readonly string[],
  rows: readonly TableRow[],
  issues: IssueCollector,
): void {
  const reported = new Set<number>();
  for (const { rowNumber, cells } of rows) {
    for (let c = 0; c < cells.length; c++) {
      if (reported.has(c)) continue;
      if ((headers[c] ?? '').trim() !== '' || (cells[c] ?? '').trim() === '') continue;
      reported.add(c);
      issues.warning({
        file,
        row: rowNumber,
        column: `第 ${c + 1} 列`,
        value: cells[c] ?? null,
        message: `第 ${c + 1} 列没有表头，该列的数据已忽略`,
      });
    }
  }
}

function pushHeaderProblems(file: string, row: number, recognition: KindRecognition, issues: IssueCollector): void {
  for (const p of recognition.problems) {
    issues.add(p.severity, { file, row, column: p.column, value: null, message: p.message });
  }
}

/**
 * Read and parse every uploaded file: format and encoding detection, header matching and row-by-row conversion to
 * canonical rows. File-level failures (empty, binary, corrupt, unreadable encoding, missing columns) are errors of the
 * whole file; the other files are still read so that one report lists everything.
 */
export async function parseImportFiles(
  files: readonly UploadedImportFile[],
  options: ParseOptions = {},
): Promise<ParsedImport> {
  const issues = new IssueCollector();
  const rosterFacts: LocatedRow<RosterSchoolYearFacts>[] = [];
  const teachingPoints: LocatedRow<TeachingPointFact>[] = [];
  const summaries: ImportFileSummary[] = [];
  const schools: LocatedRow<SchoolRow>[] = [];
  const stats: LocatedRow<SchoolStatRow>[] = [];
  const rotations: LocatedRow<RotationRow>[] = [];
  const schoolCodesInFiles = new Set<string>();
  const seenHashes = new Map<string, string>();

  if (files.length === 0) {
    issues.error({ file: '', row: null, column: null, value: null, message: '没有上传任何文件' });
  }

  // A .zip of files (issue #13: a county's school workbooks) is read as the files inside it.
  for (const { name, bytes } of expandArchives(files, issues)) {
    const summary: ImportFileSummary = { file: name, kind: null, encoding: null, rows: 0, sha256: sha256Hex(bytes) };
    summaries.push(summary);
    const sameAs = seenHashes.get(summary.sha256);
    if (sameAs !== undefined) {
      issues.warning({
        file: name,
        row: null,
        column: null,
        value: null,
        message: `与文件「${sameAs}」内容完全相同，已跳过（只导入一次）`,
      });
      continue;
    }
    seenHashes.set(summary.sha256, name);

    // Statistics workbooks, county extracts, rosters and mapped tables first; a file none claims is a template.
    const source = await readWithSourceReaders({ name, bytes }, { issues, mappings: options.mappings ?? [] });
    if (source !== null) {
      summary.format = source.format;
      summary.encoding = source.encoding;
      summary.rows = source.rows;
      summary.kind =
        source.kind ?? (source.stats.length > 0 ? 'school_stats' : source.schools.length > 0 ? 'schools' : 'rotations');
      schools.push(...source.schools);
      for (const r of source.schools) schoolCodesInFiles.add(r.row.schoolCode);
      stats.push(...source.stats);
      rotations.push(...source.rotations);
      rosterFacts.push(...(source.rosterFacts ?? []));
      teachingPoints.push(...(source.teachingPoints ?? []));
      continue;
    }

    let table: RawTable;
    try {
      table = await readTable(name, bytes);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      issues.error({ file: name, row: error.row, column: null, value: null, message: error.message });
      continue;
    }
    summary.encoding = table.encoding;

    const located = locateHeader(table);
    const { recognition, headerRowNumber, headers, rows } = located;
    summary.rows = rows.length;
    pushHeaderProblems(name, headerRowNumber, recognition, issues);
    const kind = recognition.kind;
    if (kind === null) continue;
    summary.kind = kind;
    if (headerRowNumber !== table.headerRowNumber) {
      issues.warning({
        file: name,
        row: headerRowNumber,
        column: null,
        value: null,
        message: `表头位于第 ${headerRowNumber} 行，之前的 ${headerRowNumber - table.headerRowNumber} 行（标题等）已忽略`,
      });
    }
    if (rows.length === 0) {
      // Applying it would record an empty batch that changes nothing (issue #10): refused, so nothing is applied.
      issues.error({
        file: name,
        row: headerRowNumber,
        column: null,
        value: null,
        message: `文件只有表头，没有数据行（识别为「${IMPORT_KIND_ZH[kind]}」）：请在表头下填写数据后再导入`,
      });
      continue;
    }
    warnHeaderlessData(name, headers, rows, issues);
    parseKind(
      kind,
      name,
      recognition.match,
      rows,
      issues,
      { schools, stats, rotations, schoolCodesInFiles },
      table.sheetName,
    );
  }

  return {
    files: summaries,
    // A school's workbooks of several years give its school row once per year: the latest year's is kept.
    schools: collapseWorkbookSchools(schools, issues),
    // The stages of one school-year from several extracts (and a template's non-blank cells) as one row (issue #13).
    stats: mergePartialStats(stats, issues),
    rotations,
    rosterFacts,
    teachingPoints,
    schoolCodesInFiles,
    errors: issues.errors,
    warnings: issues.warnings,
    errorCount: issues.errorCount,
    warningCount: issues.warningCount,
    issueCounts: issues.counts,
  };
}

function parseKind(
  kind: ImportKind,
  file: string,
  match: HeaderMatch,
  rows: readonly TableRow[],
  issues: IssueCollector,
  into: Pick<ParsedImport, 'schools' | 'stats' | 'rotations'> & { schoolCodesInFiles: Set<string> },
  sheet: string | null = null,
): void {
  switch (kind) {
    case 'schools': {
      const code = match.bindings.find((b) => b.column.key === 'school_code');
      if (code) {
        for (const r of rows) {
          const v = cleanCode(r.cells[code.index] ?? '');
          if (v !== '') into.schoolCodesInFiles.add(v);
        }
      }
      for (const r of parseRows('schools', file, match.bindings, rows, issues, { sheet }).rows) into.schools.push(r);
      return;
    }
    case 'school_stats':
      for (const r of parseRows('school_stats', file, match.bindings, rows, issues, { sheet }).rows) into.stats.push(r);
      return;
    case 'rotations':
      for (const r of parseRows('rotations', file, match.bindings, rows, issues).rows) into.rotations.push(r);
      return;
  }
}

/** Years of the statistics rows: validation needs what the database holds for the year before each. */
export function statYearsOf(parsed: ParsedImport): number[] {
  return [...new Set(parsed.stats.map((s) => s.row.year))];
}

/** Years teacher rosters give facts for: validation needs the statistics the database holds for them. */
export function rosterYearsOf(parsed: ParsedImport): number[] {
  return [...new Set(parsed.rosterFacts.map((f) => f.row.year))];
}

/**
 * What validation asks the database for: the statistics of the years before the imported ones and of the roster
 * years, and what is stored of the counties the import reaches (those its school rows give, and those of every stored
 * school any of its rows names). Other counties cannot change a verdict, so they are not read: a province's database
 * would otherwise be read whole for one county's file.
 */
export interface ContextRequest {
  statYears: number[];
  rosterYears: number[];
  /** Every school code a row names (its own, parent, merge target, rotation ends), including rows with errors. */
  schoolCodes: string[];
  /** The counties the files give for their schools and 教学点. */
  districts: string[];
}

export function contextRequestOf(parsed: ParsedImport): ContextRequest {
  const codes = new Set(parsed.schoolCodesInFiles);
  const districts = new Set<string>();
  const add = (code: string | null | undefined) => {
    if (code) codes.add(code);
  };
  for (const { row } of parsed.schools) {
    add(row.schoolCode);
    add(row.parentSchoolCode);
    add(row.mergedIntoCode);
    districts.add(row.districtCode);
  }
  for (const { row } of parsed.stats) add(row.schoolCode);
  for (const { row } of parsed.rotations) {
    add(row.fromSchoolCode);
    add(row.toSchoolCode);
  }
  for (const { row } of parsed.rosterFacts) add(row.schoolCode);
  for (const { row } of parsed.teachingPoints ?? []) {
    add(row.schoolCode);
    add(row.parentSchoolCode);
    if (row.districtCode) districts.add(row.districtCode);
  }
  return {
    statYears: statYearsOf(parsed),
    rosterYears: rosterYearsOf(parsed),
    schoolCodes: [...codes],
    districts: [...districts],
  };
}

// ------------------------------------------------------------------------------------------------- cross-row checks

function where(r: LocatedRow<unknown>): string {
  return `「${r.file}」第 ${r.rowNumber} 行`;
}

function issueAt<T>(r: LocatedRow<T>, field: string, value: string | null, message: string): ImportIssue {
  const source = r.sources?.[field];
  if (source !== undefined) {
    // A value read from a workbook cell (or merged from several files): located at that cell.
    const row = /^[A-Z]+(\d+)/.exec(source.cell);
    return {
      file: source.file,
      row: row ? Number(row[1]) : r.rowNumber,
      column: r.headers[field] ?? field,
      value,
      message,
      sheet: source.sheet,
      cell: source.cell,
    };
  }
  return { file: r.file, row: r.rowNumber, column: r.headers[field] ?? field, value, message };
}

/**
 * Group rows by a key; report every row of a group with more than one, each located and naming one other row and how
 * many there are (naming all of them made the report grow with the square of the rows: issue #10).
 */
function reportDuplicates<T>(
  rows: readonly LocatedRow<T>[],
  keyOf: (row: T) => string,
  describe: (row: T) => { field: string; value: string; what: string },
  issues: IssueCollector,
): LocatedRow<T>[] {
  const groups = new Map<string, LocatedRow<T>[]>();
  for (const r of rows) {
    const key = keyOf(r.row);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const firsts: LocatedRow<T>[] = [];
  for (const group of groups.values()) {
    firsts.push(group[0] as LocatedRow<T>);
    if (group.length < 2) continue;
    const first = group[0] as LocatedRow<T>;
    const second = group[1] as LocatedRow<T>;
    const more = group.length > 2 ? `等共 ${group.length} 行` : '';
    for (const r of group) {
      const other = r === first ? second : first;
      const d = describe(r.row);
      issues.error(issueAt(r, d.field, d.value, `${d.what}重复：与${where(other)}${more}重复，每个只能出现一次`));
    }
  }
  return firsts;
}

const STAGE_FIELDS: Record<Stage | 'senior', readonly SchoolStatField[]> = {
  primary: ['studentsPrimary', 'classesPrimary', 'teachersPrimary'],
  junior: ['studentsJunior', 'classesJunior', 'teachersJunior'],
  senior: ['studentsSenior'],
};
const SENIOR_TYPES: ReadonlySet<SchoolType> = new Set(['twelve_year', 'complete_middle']);
const STAGE_ZH: Record<Stage | 'senior', string> = { primary: '小学', junior: '初中', senior: '高中' };

const PER_STUDENT_FIELDS: readonly { field: 'teachingRoomArea' | 'sportsArea' | 'equipmentValue'; zh: string }[] = [
  { field: 'teachingRoomArea', zh: '生均教学及辅助用房面积' },
  { field: 'sportsArea', zh: '生均体育运动场馆面积' },
  { field: 'equipmentValue', zh: '生均教学仪器设备值' },
];
/** A per-student value this many times last year's (or 1/this of it) is worth a second look. */
const PLAUSIBLE_RATIO = 5;
const MAX_PLAUSIBLE_CLASS_SIZE = 100;

/** The school-wide and the per-stage class-size columns: a maximum with its 56–65 and 66+ class counts. */
const CLASS_SIZE_FIELD_SETS = [
  { max: 'maxClassSize', large: 'classes56To65', huge: 'classes66Plus' },
  { max: 'maxClassSizePrimary', large: 'classes56To65Primary', huge: 'classes66PlusPrimary' },
  { max: 'maxClassSizeJunior', large: 'classes56To65Junior', huge: 'classes66PlusJunior' },
] as const satisfies readonly {
  max: OptionalSchoolStatField;
  large: OptionalSchoolStatField;
  huge: OptionalSchoolStatField;
}[];

/** Implausible class sizes: over 100, or large/huge classes while the maximum is below their band. */
function checkClassSizeBand(
  r: LocatedRow<SchoolStatRow>,
  band: (typeof CLASS_SIZE_FIELD_SETS)[number],
  issues: IssueCollector,
): void {
  const s = r.row;
  const max = s[band.max];
  const large = s[band.large];
  const huge = s[band.huge];
  const maxHeader = r.headers[band.max] ?? band.max;
  if (max !== null && max > MAX_PLAUSIBLE_CLASS_SIZE) {
    issues.warning(issueAt(r, band.max, String(max), `${maxHeader} ${max} 人超过 100 人，请核实`));
  }
  if (max === null || max === 0) return;
  if (huge !== null && huge > 0 && max < 66) {
    issues.warning(
      issueAt(
        r,
        band.huge,
        String(huge),
        `有 ${huge} 个超大班额班（66 人及以上），但${maxHeader}只有 ${max} 人：请核实`,
      ),
    );
  } else if (large !== null && large > 0 && max < 56) {
    issues.warning(
      issueAt(r, band.large, String(large), `有 ${large} 个大班额班（56-65 人），但${maxHeader}只有 ${max} 人：请核实`),
    );
  }
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(n >= 100 ? 0 : 2)));
}

type StatStage = Stage | 'senior';

/** The stage a per-stage statistics field belongs to (null for school-wide fields such as areas and books). */
function stageOfField(field: string): StatStage | null {
  if (field.endsWith('Primary')) return 'primary';
  if (field.endsWith('Junior')) return 'junior';
  if (field.endsWith('Senior')) return 'senior';
  return null;
}

/**
 * Which stages a school-year needs figures for: those of its type (a special-education school's stages are not
 * fixed by its type), and any stage whose students, classes or teachers the row gives as more than 0.
 */
function neededStages(s: SchoolStatRow, type: SchoolType | undefined): Set<StatStage> {
  const needed = new Set<StatStage>();
  for (const stage of ['primary', 'junior', 'senior'] as const) {
    const byType =
      type !== undefined &&
      type !== 'special' &&
      (stage === 'senior' ? SENIOR_TYPES.has(type) : SCHOOL_TYPE_STAGES[type].includes(stage));
    if (byType || STAGE_FIELDS[stage].some((field) => (s[field] ?? 0) > 0)) needed.add(stage);
  }
  return needed;
}

/**
 * A blank cell in a column one of the school's stages needs is an error, never a silent 0 (issue #9): one blank
 * equipment value would otherwise pull the county CV far off. Blanks of a stage the school does not have stay 0.
 */
function reportBlanks(r: LocatedRow<SchoolStatRow>, type: SchoolType | undefined, issues: IssueCollector): void {
  if (!r.blanks || r.blanks.length === 0) return;
  const needed = neededStages(r.row, type);
  for (const field of r.blanks) {
    const stage = stageOfField(field);
    if (stage === null ? needed.size === 0 : !needed.has(stage)) continue;
    const why = stage === null ? '该校的统计需要此项' : `该校有${STAGE_ZH[stage]}学段，需要此项`;
    issues.error(issueAt(r, field, '', `${r.headers[field] ?? field}为空白（${why}）。空白不等于 0：确为 0 请填 0`));
  }
}

function studentsOf(s: SchoolStatRow): number {
  return s.studentsPrimary + s.studentsJunior + s.studentsSenior;
}

const STAGE_STAFF_FIELDS: Record<
  Stage,
  { students: SchoolStatField; teachers: SchoolStatField; classes: SchoolStatField }
> = {
  primary: { students: 'studentsPrimary', teachers: 'teachersPrimary', classes: 'classesPrimary' },
  junior: { students: 'studentsJunior', teachers: 'teachersJunior', classes: 'classesJunior' },
};

/**
 * A compulsory stage with teachers or classes but 0 students has no per-student value: the reports list it among the
 * exclusions (reason no_students). Warn at import, located at the stage's students column (#9.9).
 */
function warnStagesWithoutStudents(r: LocatedRow<SchoolStatRow>, issues: IssueCollector): void {
  for (const stage of ['primary', 'junior'] as const) {
    const fields = STAGE_STAFF_FIELDS[stage];
    const teachers = r.row[fields.teachers];
    const classes = r.row[fields.classes];
    if (r.row[fields.students] > 0 || (teachers <= 0 && classes <= 0)) continue;
    const has = [teachers > 0 ? `${teachers} 名专任教师` : '', classes > 0 ? `${classes} 个班` : '']
      .filter(Boolean)
      .join('、');
    issues.warning(
      issueAt(
        r,
        fields.students,
        '0',
        `${STAGE_ZH[stage]}在校生数为 0，但有 ${has}：该学段无法计算生均指标，将列入差异系数的排除名单。请核对是否漏填在校生数`,
      ),
    );
  }
}

function checkStats(
  stats: readonly LocatedRow<SchoolStatRow>[],
  known: (code: string) => boolean,
  typeOf: (code: string) => SchoolType | undefined,
  previousStats: ReadonlyMap<string, SchoolStatRow>,
  issues: IssueCollector,
): SchoolStatRow[] {
  const kept: SchoolStatRow[] = [];
  const inImport = new Map<string, SchoolStatRow>();
  for (const r of stats) inImport.set(`${r.row.schoolCode}:${r.row.year}`, r.row);

  for (const r of stats) {
    const s = r.row;
    if (!known(s.schoolCode)) {
      issues.error(
        issueAt(
          r,
          'schoolCode',
          s.schoolCode,
          `未知的学校标识码 ${quote(s.schoolCode)}：系统中没有该学校，本次导入的学校基本信息中也没有。请先导入学校基本信息，或核对代码`,
        ),
      );
      continue;
    }
    kept.push(s);

    const type = typeOf(s.schoolCode);
    reportBlanks(r, type, issues);

    // Stages the school type does not have.
    if (type) {
      const stages = SCHOOL_TYPE_STAGES[type];
      for (const stage of ['primary', 'junior', 'senior'] as const) {
        const has = stage === 'senior' ? SENIOR_TYPES.has(type) : stages.includes(stage);
        if (has) continue;
        for (const field of STAGE_FIELDS[stage]) {
          if (s[field] > 0) {
            issues.warning(
              issueAt(
                r,
                field,
                String(s[field]),
                `该校办学类型为「${SCHOOL_TYPE_LABELS[type].zh}」，没有${STAGE_ZH[stage]}学段，但${r.headers[field] ?? field}为 ${s[field]}：请核对办学类型或数据所在列`,
              ),
            );
          }
        }
      }
    }

    // Implausible but legal values.
    const students = studentsOf(s);
    warnStagesWithoutStudents(r, issues);
    for (const band of CLASS_SIZE_FIELD_SETS) checkClassSizeBand(r, band, issues);

    const previous =
      inImport.get(`${s.schoolCode}:${s.year - 1}`) ?? previousStats.get(`${s.schoolCode}:${s.year - 1}`);
    if (!previous || students === 0) continue;
    const previousStudents = studentsOf(previous);
    if (previousStudents === 0) continue;
    for (const { field, zh } of PER_STUDENT_FIELDS) {
      const now = s[field] / students;
      const before = previous[field] / previousStudents;
      if (now <= 0 || before <= 0) continue;
      const ratio = now / before;
      if (ratio < PLAUSIBLE_RATIO && ratio > 1 / PLAUSIBLE_RATIO) continue;
      const unit = field === 'equipmentValue' ? '元' : '平方米';
      const change = ratio >= PLAUSIBLE_RATIO ? `是上一年度的 ${fmt(ratio)} 倍` : `仅为上一年度的 ${fmt(ratio)} 倍`;
      issues.warning(
        issueAt(
          r,
          field,
          String(s[field]),
          `${zh}为 ${fmt(now)} ${unit}，${change}（${s.year - 1} 年：${fmt(before)} ${unit}）：请核实单位（元/万元）与数值`,
        ),
      );
    }
  }
  return kept;
}

function checkSchools(
  schools: readonly LocatedRow<SchoolRow>[],
  known: (code: string) => boolean,
  issues: IssueCollector,
): SchoolRow[] {
  const kept: SchoolRow[] = [];
  const districts = new Map<string, { name: string; count: number; first: LocatedRow<SchoolRow> }>();
  const townshipNames = new Map<string, LocatedRow<SchoolRow>>();
  for (const r of schools) {
    const s = r.row;
    let bad = false;
    if (s.parentSchoolCode !== null) {
      bad = s.parentSchoolCode === s.schoolCode || !known(s.parentSchoolCode);
      if (s.parentSchoolCode === s.schoolCode) {
        issues.error(issueAt(r, 'parentSchoolCode', s.parentSchoolCode, '所属学校标识码不能是本校自己的标识码'));
      } else if (!known(s.parentSchoolCode)) {
        issues.error(
          issueAt(
            r,
            'parentSchoolCode',
            s.parentSchoolCode,
            `未知的学校标识码 ${quote(s.parentSchoolCode)}（所属学校）：系统中和本次导入的学校基本信息中都没有该学校`,
          ),
        );
      }
    }
    if (!bad) kept.push(s);
    const district = districts.get(s.districtCode);
    if (district) {
      district.count++;
      if (district.name !== s.districtName) {
        issues.warning(
          issueAt(
            r,
            'districtName',
            s.districtName,
            `区县代码 ${s.districtCode} 的名称与${where(district.first)}的「${district.name}」不一致`,
          ),
        );
      }
    } else {
      districts.set(s.districtCode, { name: s.districtName, count: 1, first: r });
    }
    if (!s.townshipCode.startsWith(s.districtCode)) {
      issues.warning(
        issueAt(
          r,
          'townshipCode',
          s.townshipCode,
          `乡镇代码 ${s.townshipCode} 的前 6 位与区县代码 ${s.districtCode} 不一致：请核对`,
        ),
      );
    }
    const township = townshipNames.get(s.townshipCode);
    if (!township) townshipNames.set(s.townshipCode, r);
    else if (township.row.townshipName !== s.townshipName) {
      issues.warning(
        issueAt(
          r,
          'townshipName',
          s.townshipName,
          `乡镇代码 ${s.townshipCode} 的名称与${where(township)}的「${township.row.townshipName}」不一致`,
        ),
      );
    }
  }
  if (districts.size > 1) {
    const list = [...districts.entries()].map(([code, d]) => `${code} ${d.name}（${d.count} 所）`).join('、');
    const first = schools[0] as LocatedRow<SchoolRow>;
    issues.warning({
      file: first.file,
      row: null,
      column: first.headers.districtCode ?? '区县代码',
      value: null,
      message: `本次导入的学校分属 ${districts.size} 个区县：${list}。通常一次只导入一个区县，请确认`,
    });
  }
  return kept;
}

/**
 * A teacher number is unique per county (区县) and year (the county of the sending school, as the database keys it):
 * another county may use the same numbers. A repeat within one county-year is reported at its row and counted once.
 */
function checkRotations(
  rotations: readonly LocatedRow<RotationRow>[],
  known: (code: string) => boolean,
  countyOf: (code: string) => string | undefined,
  issues: IssueCollector,
): RotationRow[] {
  const firstOf = new Map<string, LocatedRow<RotationRow>>();
  const kept: RotationRow[] = [];
  for (const r of rotations) {
    const t = r.row;
    let bad = false;
    for (const field of ['fromSchoolCode', 'toSchoolCode'] as const) {
      if (known(t[field])) continue;
      bad = true;
      issues.error(
        issueAt(
          r,
          field,
          t[field],
          `未知的学校标识码 ${quote(t[field])}：系统中没有该学校，本次导入的学校基本信息中也没有`,
        ),
      );
    }
    if (t.fromSchoolCode === t.toSchoolCode) {
      bad = true;
      issues.error(
        issueAt(
          r,
          'toSchoolCode',
          t.toSchoolCode,
          `接收学校与派出学校相同（${t.toSchoolCode}）：交流轮岗应在两所学校之间`,
        ),
      );
    }
    const key = `${countyOf(t.fromSchoolCode) ?? ''}\u0000${t.teacherRef}\u0000${t.year}`;
    const first = firstOf.get(key);
    if (first) {
      issues.warning(
        issueAt(
          r,
          'teacherRef',
          t.teacherRef,
          `教师 ${quote(t.teacherRef)} 在 ${t.year} 年已在${where(first)}记录过交流，本行不重复计入`,
        ),
      );
      continue;
    }
    firstOf.set(key, r);
    if (!bad) kept.push(t);
  }
  return kept;
}

function sortIssues(list: ImportIssue[], fileOrder: ReadonlyMap<string, number>): ImportIssue[] {
  return list
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.issue.file) ?? -1) - (fileOrder.get(b.issue.file) ?? -1) ||
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}

/**
 * Cross-row and cross-file checks of parsed files against what the database holds: duplicates, unknown school
 * codes, rotations, plausibility warnings. Pure and synchronous.
 */
export function validateParsedImport(read: ParsedImport, context: ImportContext): ValidatedImport {
  const issues = new IssueCollector(MAX_LISTED_ISSUES);
  issues.absorb(read);
  const parsed = withTeachingPoints(read, context, issues);

  const schoolRows = reportDuplicates(
    parsed.schools,
    (s) => s.schoolCode,
    (s) => ({ field: 'schoolCode', value: s.schoolCode, what: `学校标识码 ${quote(s.schoolCode)} ` }),
    issues,
  );
  const importCodes = new Set(parsed.schoolCodesInFiles);
  const types = new Map<string, SchoolType>();
  for (const r of parsed.schools) {
    importCodes.add(r.row.schoolCode);
    types.set(r.row.schoolCode, r.row.schoolType);
  }
  const known = (code: string) => importCodes.has(code) || context.knownSchoolCodes.has(code);
  const typeOf = (code: string) => types.get(code) ?? context.knownSchoolTypes?.get(code);

  const checkedSchools = checkSchools(schoolRows, known, issues);
  const countyOf = new Map(context.schoolDistricts ?? []);
  for (const r of parsed.schools) countyOf.set(r.row.schoolCode, r.row.districtCode);
  const roster = mergeRosterFacts(parsed, context, known, (code) => countyOf.get(code), issues);
  const statRows = reportDuplicates(
    roster.stats,
    (s) => `${s.schoolCode}:${s.year}`,
    (s) => ({ field: 'schoolCode', value: s.schoolCode, what: `学校 ${quote(s.schoolCode)} 的 ${s.year} 年统计` }),
    issues,
  );
  // Issue #13: renames, type/township changes, merges and closures, with the year they took effect.
  const identity = detectSchoolEvents({
    schools: schoolRows,
    stats: statRows,
    stored: context.storedSchools ?? new Map(),
    ...(context.schoolDistricts ? { schoolDistricts: context.schoolDistricts } : {}),
    issues,
  });
  const schools = checkedSchools
    .filter((s) => !identity.rejected.has(s.schoolCode))
    .map((s) => {
      const current = identity.keepCurrent.get(s.schoolCode);
      return current ? { ...s, ...current } : s;
    });
  const stats = checkStats(statRows, known, typeOf, context.previousStats, issues);
  const rotations = checkRotations(parsed.rotations, known, (code) => countyOf.get(code), issues);
  if (context.allowedDistricts !== undefined) checkDistrictScope(parsed, context.allowedDistricts, context, issues);

  const fileOrder = new Map(parsed.files.map((f, i) => [f.file, i] as const));
  return {
    files: parsed.files,
    schools,
    stats,
    rotations,
    schoolEvents: identity.events,
    rotationEligibleUpdates: roster.updates,
    rosterSummaries: roster.summaries,
    sources: collectSources(statRows, schoolRows),
    errors: sortIssues(issues.errors, fileOrder),
    warnings: sortIssues(issues.warnings, fileOrder),
    errorCount: issues.errorCount,
    warningCount: issues.warningCount,
    issueCounts: issues.counts,
    truncated: issues.truncated,
  };
}

/**
 * 不计校数 教学点 of county extracts merged into their parent or kept, per county setting (issue #13; see
 * sources/teaching-points.ts). The parent and county come from the schools of this import, else the stored schools.
 */
function withTeachingPoints(parsed: ParsedImport, context: ImportContext, issues: IssueCollector): ParsedImport {
  if (!parsed.teachingPoints || parsed.teachingPoints.length === 0) return parsed;
  const inImport = new Map(parsed.schools.map((r) => [r.row.schoolCode, r.row] as const));
  const outcome = applyTeachingPoints(
    parsed.stats,
    parsed.schools,
    parsed.teachingPoints,
    {
      settingsOf: (code) =>
        (code === undefined ? undefined : context.countySettings?.get(code)) ?? DEFAULT_COUNTY_IMPORT_SETTINGS,
      districtOf: (code) => inImport.get(code)?.districtCode ?? context.schoolDistricts?.get(code),
      parentOf: (code) => {
        const row = inImport.get(code);
        return row !== undefined ? row.parentSchoolCode : context.schoolParents?.get(code);
      },
    },
    issues,
  );
  return { ...parsed, stats: outcome.stats, schools: outcome.schools };
}

// ------------------------------------------------------------------------------------------ teacher rosters (#13)

/** A stored statistics row whose 符合交流条件教师数 a roster replaces. */
export interface RotationEligibleUpdate {
  schoolCode: string;
  year: number;
  rotationEligibleTeachers: number;
}

/**
 * Merges what teacher rosters say into the statistics of the same school-year: 符合交流条件教师数 is taken from the
 * roster (counted with the county's `rotation_eligible_years`). A statistics row of this import gets the value (a
 * warning when its own differed; a blank cell is filled); a row only stored in the database is updated in the same
 * transaction; a school-year with neither is a located error.
 */
function mergeRosterFacts(
  parsed: ParsedImport,
  context: ImportContext,
  known: (code: string) => boolean,
  countyOf: (code: string) => string | undefined,
  issues: IssueCollector,
): { stats: LocatedRow<SchoolStatRow>[]; updates: RotationEligibleUpdate[]; summaries: RosterYearSummary[] } {
  if (parsed.rosterFacts.length === 0) return { stats: parsed.stats, updates: [], summaries: [] };
  const field = 'rotationEligibleTeachers';
  const statIndex = new Map<string, number[]>();
  parsed.stats.forEach((r, i) => {
    const key = `${r.row.schoolCode}:${r.row.year}`;
    statIndex.set(key, [...(statIndex.get(key) ?? []), i]);
  });
  const stats = [...parsed.stats];
  const updates: RotationEligibleUpdate[] = [];
  const summaries = new Map<string, RosterYearSummary>();
  const seen = new Map<string, LocatedRow<RosterSchoolYearFacts>>();
  const unknownSchools = new Map<string, { fact: LocatedRow<RosterSchoolYearFacts>; years: number[] }>();

  for (const fact of parsed.rosterFacts) {
    const { schoolCode, year } = fact.row;
    const key = `${schoolCode}:${year}`;
    const at = (column: string, value: string | null, message: string): ImportIssue => ({
      ...issueAt(fact, column, value, message),
      ...(fact.sheet == null ? {} : { sheet: fact.sheet }),
      ...(fact.sources?.[column]?.cell ? { cell: fact.sources[column].cell } : {}),
    });
    if (!known(schoolCode)) {
      // A county's roster also lists 高中, 幼儿园 and other units the product does not hold: one warning per school.
      const unknownKey = `${fact.file}\u0000${schoolCode}`;
      const entry = unknownSchools.get(unknownKey);
      if (entry) entry.years.push(year);
      else unknownSchools.set(unknownKey, { fact, years: [year] });
      continue;
    }
    const other = seen.get(key);
    if (other) {
      issues.error(
        at(
          'schoolCode',
          schoolCode,
          `学校 ${quote(schoolCode)} 的 ${year} 年教师名单重复：也在${where(other)}。一所学校一个年度只能导入一份名册`,
        ),
      );
      continue;
    }
    seen.set(key, fact);
    const minYears = (() => {
      const county = countyOf(schoolCode);
      return (
        (county === undefined ? undefined : context.countySettings?.get(county))?.rotationEligibleYears ??
        DEFAULT_COUNTY_IMPORT_SETTINGS.rotationEligibleYears
      );
    })();
    const eligible = fact.row.tenureCounts ? countEligible(fact.row.tenureCounts, minYears) : fact.row[field];

    const summaryKey = `${fact.file}\u0000${year}`;
    let summary = summaries.get(summaryKey);
    if (!summary) {
      const date = statisticsDateOf(year);
      summary = {
        file: fact.file,
        year,
        statisticsDate: `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`,
        eligibleYears: [],
        schools: 0,
        teachers: 0,
        eligibleTeachers: 0,
        backboneTeachers: 0,
        rotatedTeachers: 0,
        backboneRotated: 0,
        statsInImport: 0,
        storedStatsUpdated: 0,
      };
      summaries.set(summaryKey, summary);
    }
    if (!summary.eligibleYears.includes(minYears)) summary.eligibleYears.push(minYears);
    summary.schools++;
    summary.teachers += fact.row.teachers;
    summary.eligibleTeachers += eligible;
    summary.backboneTeachers += fact.row.backboneTeachers;

    const inImport = statIndex.get(key);
    if (inImport !== undefined) {
      summary.statsInImport++;
      for (const i of inImport) {
        const r = stats[i] as LocatedRow<SchoolStatRow>;
        const blank = r.blanks?.includes(field) ?? false;
        if (!blank && r.row[field] !== eligible) {
          issues.warning(
            issueAt(
              r,
              field,
              String(r.row[field]),
              `统计表填 ${r.row[field]}，教师名册${where(fact)}按在本校满 ${minYears} 年（${summary.statisticsDate}）推算为 ${eligible}：以名册为准`,
            ),
          );
        }
        stats[i] = {
          ...r,
          row: { ...r.row, [field]: eligible },
          ...(r.blanks ? { blanks: r.blanks.filter((b) => b !== field) } : {}),
          ...(fact.sources?.[field] ? { sources: { ...r.sources, [field]: fact.sources[field] } } : {}),
        };
      }
      continue;
    }
    const stored = context.storedStats?.get(key);
    if (stored !== undefined) {
      summary.storedStatsUpdated++;
      updates.push({ schoolCode, year, rotationEligibleTeachers: eligible });
      continue;
    }
    issues.error(
      at(
        'schoolCode',
        schoolCode,
        `教师名册给出学校 ${quote(schoolCode)} ${year} 年的符合交流条件教师数（${eligible}），但系统中和本次导入中都没有该校 ${year} 年的统计数据：请同时导入该年的学校年度统计`,
      ),
    );
  }

  for (const { fact, years } of unknownSchools.values()) {
    issues.warning({
      ...issueAt(
        fact,
        'schoolCode',
        fact.row.schoolCode,
        `学校标识码 ${quote(fact.row.schoolCode)} 不在系统中，本次导入的学校基本信息中也没有（可能是高中、幼儿园或县外单位）：该校 ${[...new Set(years)].join('、')} 年名册中的教师未计入。如是义务教育学校，请先导入学校基本信息或核对代码`,
      ),
      ...(fact.sheet == null ? {} : { sheet: fact.sheet }),
      ...(fact.sources?.schoolCode?.cell ? { cell: fact.sources.schoolCode.cell } : {}),
    });
  }
  for (const summary of summaries.values()) {
    const rows = parsed.rotations
      .filter((r) => r.file === summary.file && r.row.year === summary.year)
      .map((r) => r.row);
    const rotated = summariseRotations(rows);
    summary.rotatedTeachers = rotated.teachers;
    summary.backboneRotated = rotated.backbone;
  }
  return { stats, updates, summaries: [...summaries.values()] };
}

/** Provenance of the rows kept (the first of duplicates; rows with errors are never applied anyway). */
function collectSources(
  stats: readonly LocatedRow<SchoolStatRow>[],
  schools: readonly LocatedRow<SchoolRow>[],
): DatasetSources {
  const sources: DatasetSources = { stats: new Map(), schools: new Map() };
  for (const r of stats) if (r.sources) sources.stats.set(statSourceKey(r.row.schoolCode, r.row.year), r.sources);
  for (const r of schools) if (r.sources) sources.schools.set(r.row.schoolCode, r.sources);
  return sources;
}

/** Every row must belong to the districts the importing administrator may change: each other is a located error. */
function checkDistrictScope(
  parsed: ParsedImport,
  allowedDistricts: readonly string[],
  context: ImportContext,
  issues: IssueCollector,
): void {
  const allowed = new Set(allowedDistricts);
  const districtOf = new Map(context.schoolDistricts ?? []);
  for (const r of parsed.schools) districtOf.set(r.row.schoolCode, r.row.districtCode);
  const outside = (code: string) => {
    const district = districtOf.get(code);
    return district !== undefined && !allowed.has(district);
  };
  const named = allowedDistricts.join('、');
  const message = (what: string) => `${what}不属于您可管理的区县 ${named}：不能导入其他区县的数据`;
  for (const r of parsed.schools) {
    const stored = context.schoolDistricts?.get(r.row.schoolCode);
    if (!allowed.has(r.row.districtCode)) {
      issues.error(issueAt(r, 'districtCode', r.row.districtCode, message(`区县代码 ${quote(r.row.districtCode)} `)));
    } else if (stored !== undefined && !allowed.has(stored)) {
      // The row names the importer's district, but the school is stored under another: it would move the school.
      issues.error(
        issueAt(r, 'schoolCode', r.row.schoolCode, message(`学校 ${quote(r.row.schoolCode)}（现属区县 ${stored}）`)),
      );
    }
  }
  for (const r of parsed.stats) {
    if (outside(r.row.schoolCode)) {
      issues.error(issueAt(r, 'schoolCode', r.row.schoolCode, message(`学校 ${quote(r.row.schoolCode)} `)));
    }
  }
  for (const r of parsed.rosterFacts) {
    if (outside(r.row.schoolCode)) {
      issues.error(issueAt(r, 'schoolCode', r.row.schoolCode, message(`学校 ${quote(r.row.schoolCode)} `)));
    }
  }
  for (const r of parsed.rotations) {
    for (const field of ['fromSchoolCode', 'toSchoolCode'] as const) {
      if (outside(r.row[field])) {
        issues.error(issueAt(r, field, r.row[field], message(`学校 ${quote(r.row[field])} `)));
      }
    }
  }
}

/** Read, parse and validate an import (the whole of it: all files together). */
export async function validateImport(
  files: readonly UploadedImportFile[],
  context: ImportContext,
): Promise<ValidatedImport> {
  return validateParsedImport(await parseImportFiles(files), context);
}
