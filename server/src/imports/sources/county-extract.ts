import {
  emptySchoolStat,
  type ImportIssue,
  SCHOOL_STAT_COLUMNS,
  type SchoolStatField,
  type SchoolStatRow,
  type ValueSource,
} from '@junheng/shared';
import { cellAddress } from '../excel-address.ts';
import { quote } from '../issues.ts';
import { cleanCode, type LocatedRow, parseNumberCell } from '../parse-rows.ts';
import type { UploadedImportFile } from '../validate-import.ts';
import {
  type Grid,
  type GridRow,
  type HeaderColumn,
  headerColumns,
  normaliseSegment,
  readGrids,
} from './header-tree.ts';
import type { SourceReadContext, SourceReader, SourceRows, TeachingPointFact } from './source-reader.ts';
import { readStatisticsSchoolType, readUrbanRuralCode } from './statistics-codes.ts';

/**
 * County extracts (issue #13): one row per school, one file per stage (小学 / 初中 / 高中 in the file name), headed by
 * 2–3 merged rows. Columns are found by their header path (`在校生数 > 合计`, `专任教师 > #按学历分 > 本科`,
 * `专任教师 > #按授课课程分 > 艺术 > 计`), never by letter. Each row gives a partial statistics row — the fields of its
 * stage and the school-wide fields the extract has — which parseImportFiles merges with the other files' rows of the
 * same school-year (a 九年一贯制 school is in the 小学 and the 初中 file). Rows with 是否计校数 = 0 are 教学点 of a parent
 * school: validation merges or keeps them per county setting. See docs/IMPORT-SOURCES.md for the mapping.
 */

export type ExtractStage = 'primary' | 'junior' | 'senior';

const STAGE_WORDS: readonly { stage: ExtractStage; words: readonly string[] }[] = [
  { stage: 'primary', words: ['小学'] },
  { stage: 'junior', words: ['初中', '初级中学'] },
  { stage: 'senior', words: ['高中', '高级中学'] },
];
const STAGE_ZH: Record<ExtractStage, string> = { primary: '小学', junior: '初中', senior: '高中' };

const CODE_HEADERS = new Set(['学校标识码', '学校代码', '标识码']);
const CODE_ROW_MARKERS = new Set(['甲', '乙', '丙', '丁', 'A', 'B']);
const HEADER_SEARCH_ROWS = 15;
const MAX_HEADER_ROWS = 6;

/** The stage of an extract from its file name, or why it cannot be told. */
export function stageOfFileName(name: string): ExtractStage | { error: string } {
  const base = name.replace(/^.*[\\/]/, '');
  const found = STAGE_WORDS.filter((s) => s.words.some((w) => base.includes(w)));
  if (found.length === 1) return (found[0] as (typeof STAGE_WORDS)[number]).stage;
  return {
    error:
      found.length === 0
        ? '县级报表的文件名应写明学段（小学、初中或高中），例如「2024年小学基层报表.xlsx」：无法判断本文件的数据属于哪个学段'
        : `县级报表的文件名含有多个学段（${found.map((s) => STAGE_ZH[s.stage]).join('、')}）：每个学段一个文件，请改名后再导入`,
  };
}

// ------------------------------------------------------------------------------------------------- header location

interface ExtractLayout {
  grid: Grid;
  header: GridRow[];
  data: GridRow[];
  columns: HeaderColumn[];
}

function locateLayout(grid: Grid): ExtractLayout | null {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = grid.rows[i] as GridRow;
    const anchor = row.cells.findIndex((c) => CODE_HEADERS.has(normaliseSegment(c.text)));
    if (anchor < 0) continue;
    const anchorMaster = row.cells[anchor]?.master;
    let end = i + 1;
    while (end < grid.rows.length && end - i < MAX_HEADER_ROWS) {
      const cell = (grid.rows[end] as GridRow).cells[anchor];
      const text = (cell?.text ?? '').trim();
      const continues = anchorMaster !== undefined && cell?.master === anchorMaster;
      if (!continues && text !== '') break;
      end++;
    }
    const header = grid.rows.slice(i, end);
    let data = grid.rows.slice(end);
    // A code row (甲 | 乙 | 1 | 2 …) under the header, as the statistics forms print it.
    const first = data[0]?.cells[anchor]?.text.trim() ?? '';
    if (CODE_ROW_MARKERS.has(first)) data = data.slice(1);
    return { grid, header, data, columns: headerColumns(header, grid.format) };
  }
  return null;
}

/** A county extract has a 学校标识码 column, the county (统计三级) or 是否计校数, and stage figures. */
function isCountyExtract(columns: readonly HeaderColumn[]): boolean {
  const tops = new Set(columns.map((c) => c.key[0]));
  return (
    [...tops].some((t) => t !== undefined && CODE_HEADERS.has(t)) &&
    (tops.has('统计三级') || tops.has('是否计校数')) &&
    (tops.has('在校生数') || tops.has('专任教师') || tops.has('班数'))
  );
}

// --------------------------------------------------------------------------------------------------- field mapping

type Matcher = (key: readonly string[]) => boolean;

const exact =
  (...segments: string[]): Matcher =>
  (key) =>
    key.length === segments.length && segments.every((s, i) => stripUnit(key[i] ?? '') === s);

/** A path that ends with these segments under a first segment `top` (any grouping level between). */
const under =
  (top: string, ...tail: string[]): Matcher =>
  (key) =>
    key[0] === top &&
    key.length >= tail.length + 1 &&
    tail.every((s, i) => stripUnit(key[key.length - tail.length + i] ?? '') === s);

/** `教学仪器设备值(万元)` → `教学仪器设备值`. */
function stripUnit(segment: string): string {
  return segment.replace(/[(（][^)）]*[)）]$/, '');
}

function findColumn(columns: readonly HeaderColumn[], ...matchers: Matcher[]): HeaderColumn | undefined {
  for (const m of matchers) {
    const found = columns.find((c) => m(c.key));
    if (found) return found;
  }
  return undefined;
}

/** Columns whose values are added up for one field (e.g. 研究生 + 本科 + 专科). */
interface FieldColumns {
  field: SchoolStatField;
  columns: HeaderColumn[];
  /** Multiplier (万元 → 元). */
  scale: number;
  kind: 'count' | 'amount';
}

const TEACHERS = '专任教师';

function degreeColumns(columns: readonly HeaderColumn[], stage: ExtractStage): HeaderColumn[] | null {
  const byDegree = (name: string) => findColumn(columns, under(TEACHERS, '按学历分', name), under(TEACHERS, name));
  const postgraduate = byDegree('研究生');
  const doctor = byDegree('博士研究生');
  const master = byDegree('硕士研究生');
  const graduate = postgraduate ? [postgraduate] : doctor && master ? [doctor, master] : null;
  const bachelor = byDegree('本科');
  if (graduate === null || bachelor === undefined) return null;
  if (stage === 'junior') return [...graduate, bachelor];
  const college = byDegree('专科');
  return college === undefined ? null : [...graduate, bachelor, college];
}

function titleColumns(columns: readonly HeaderColumn[]): HeaderColumn[] | null {
  const byTitle = (name: string) =>
    findColumn(
      columns,
      under(TEACHERS, '按专业技术职务分', name),
      under(TEACHERS, '按职称分', name),
      under(TEACHERS, name),
    );
  const found = ['正高级', '副高级', '中级'].map(byTitle);
  return found.every((c) => c !== undefined) ? (found as HeaderColumn[]) : null;
}

/** 体育与健康 + 艺术 (the subtotal 艺术 > 计 when 艺术 has sub-columns); 音乐 and 美术 only when there is no subtotal. */
function peArtColumns(columns: readonly HeaderColumn[]): HeaderColumn[] | null {
  const subject = (...tail: string[]) =>
    findColumn(columns, under(TEACHERS, '按授课课程分', ...tail), under(TEACHERS, '按课程分', ...tail));
  const pe = subject('体育与健康') ?? subject('体育');
  const artTotal = subject('艺术', '计') ?? subject('艺术', '合计') ?? subject('艺术', '小计') ?? subject('艺术');
  if (pe === undefined) return null;
  if (artTotal !== undefined) return [pe, artTotal];
  const music = subject('艺术', '音乐') ?? subject('音乐');
  const art = subject('艺术', '美术') ?? subject('美术');
  return music && art ? [pe, music, art] : null;
}

const STAGE_SUFFIX = { primary: 'Primary', junior: 'Junior' } as const;

/** Which columns of this extract give which field. */
function mapFields(columns: readonly HeaderColumn[], stage: ExtractStage): FieldColumns[] {
  const out: FieldColumns[] = [];
  const add = (field: SchoolStatField, cols: HeaderColumn[] | null | undefined, kind: 'count' | 'amount' = 'count') => {
    if (!cols || cols.length === 0 || cols.some((c) => c === undefined)) return;
    out.push({ field, columns: cols, scale: 1, kind });
  };
  const one = (...matchers: Matcher[]) => {
    const c = findColumn(columns, ...matchers);
    return c ? [c] : null;
  };
  const students = one(
    exact('在校生数', '合计'),
    exact('在校生数', '计'),
    exact('在校生数'),
    exact('在校生数', '总计'),
  );
  if (stage === 'senior') {
    add('studentsSenior', students);
  } else {
    const s = STAGE_SUFFIX[stage];
    add(`students${s}`, students);
    add(`classes${s}`, one(exact('班数', '合计'), exact('班数', '计'), exact('班数')));
    add(`teachers${s}`, one(exact(TEACHERS, '合计'), exact(TEACHERS, '计'), exact(TEACHERS)));
    add(`higherDegreeTeachers${s}`, degreeColumns(columns, stage));
    add(`seniorTitleTeachers${s}`, titleColumns(columns));
    add(`peArtTeachers${s}`, peArtColumns(columns));
    add(
      `backboneTeachers${s}`,
      one(
        (k) => k[0] === TEACHERS && /县级(及)?以上骨干/.test(k[k.length - 1] ?? ''),
        (k) => /县级(及)?以上骨干/.test(k[0] ?? ''),
      ),
    );
  }
  // School-wide fields: the same in each stage file of a school (checked when the files are merged).
  const wide = (field: SchoolStatField, pattern: RegExp, kind: 'count' | 'amount') => {
    const c = columns.find((col) => col.key.some((seg) => pattern.test(seg)));
    if (!c) return;
    const yuan = field === 'equipmentValue' && !c.key.some((seg) => /万元/.test(seg)) ? 1 : 10_000;
    out.push({ field, columns: [c], scale: field === 'equipmentValue' ? yuan : 1, kind });
  };
  wide('teachingRoomArea', /^教学及辅助用房(面积)?/, 'amount');
  wide('sportsArea', /^体育运动场(馆|地)面积/, 'amount');
  wide('equipmentValue', /^教学仪器设备(资产)?值/, 'amount');
  wide('multimediaRooms', /^网络多媒体教室/, 'count');
  wide('computers', /^计算机(台数|数)/, 'count');
  wide('books', /^图书(册数)?(\(册\))?$/, 'count');
  return out;
}

// ---------------------------------------------------------------------------------------------------------- reader

const SCHOOL_COUNTED = new Map([
  ['1', true],
  ['0', false],
  ['是', true],
  ['否', false],
]);

function yearOf(name: string): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(name.replace(/^.*[\\/]/, ''));
  return m ? Number(m[1]) : null;
}

export const countyExtractReader: SourceReader = {
  format: 'county_extract',
  async read(file: UploadedImportFile, context: SourceReadContext): Promise<SourceRows | null> {
    const grids = await readGrids(file.bytes, ['统计三级', '是否计校数']);
    if (grids === null) return null;
    for (const grid of grids) {
      const layout = locateLayout(grid);
      if (layout === null || !isCountyExtract(layout.columns)) continue;
      return readExtract(file.name, layout, context);
    }
    return null;
  },
};

function readExtract(file: string, layout: ExtractLayout, context: SourceReadContext): SourceRows {
  const { grid, columns, data } = layout;
  const { issues } = context;
  const sheet = grid.sheet;
  const out: SourceRows = {
    format: 'county_extract',
    rows: 0,
    encoding: grid.encoding,
    schools: [],
    stats: [],
    rotations: [],
    teachingPoints: [],
  };
  const headerRow = layout.header[0]?.rowNumber ?? 1;
  const fileIssue = (message: string, column: string | null = null): ImportIssue => ({
    file,
    row: headerRow,
    column,
    value: null,
    message,
    sheet,
  });

  const stage = stageOfFileName(file);
  if (typeof stage !== 'string') {
    issues.error(fileIssue(stage.error));
    return out;
  }
  const col = (...names: string[]) => findColumn(columns, ...names.map((n) => exact(n)));
  const codeColumn = col('学校标识码', '学校代码', '标识码') as HeaderColumn;
  const nameColumn = col('学校名称', '单位名称');
  const countyColumn = col('统计三级');
  const typeColumn = col('办学类型');
  const urbanColumn = col('城乡分类', '城乡分类代码');
  const countedColumn = col('是否计校数');
  const parentColumn = col('所属学校标识码', '上级学校标识码', '所属学校', '上级学校', '主校标识码');
  const yearColumn = col('年度', '统计年度', '年份');
  const fileYear = yearOf(file);
  if (yearColumn === undefined && fileYear === null) {
    issues.error(
      fileIssue('县级报表没有「年度」列，文件名中也没有年份（如「2024年小学基层报表」）：无法判断数据的年度'),
    );
    return out;
  }
  const fields = mapFields(columns, stage);
  if (fields.length === 0) {
    issues.error(fileIssue(`县级报表（${STAGE_ZH[stage]}）中没有可识别的统计列（如「在校生数 > 合计」）`));
    return out;
  }

  const fieldHeader = new Map<string, string>();
  for (const f of fields) fieldHeader.set(f.field, f.columns.map((c) => c.label).join(' + '));
  const headers: Record<string, string> = {};
  for (const column of SCHOOL_STAT_COLUMNS) headers[column.field] = fieldHeader.get(column.field) ?? column.zh;
  headers.schoolCode = codeColumn.label;
  if (yearColumn) headers.year = yearColumn.label;
  const frozenHeaders = Object.freeze(headers);

  for (const row of data) {
    const text = (c: HeaderColumn | undefined) => (c ? (row.cells[c.index]?.text ?? '').trim() : '');
    if (row.cells.every((c) => c.text.trim() === '')) continue;
    out.rows++;
    const at = (c: HeaderColumn, message: string, value: string | null = text(c)): ImportIssue => ({
      file,
      row: row.rowNumber,
      column: c.label,
      value,
      message,
      sheet,
      cell: cellAddress(c.index, row.rowNumber),
    });
    const code = cleanCode(text(codeColumn));
    if (code === '') {
      // A 合计 / 总计 row under the schools is not a school.
      if (/合计|总计|小计/.test(row.cells.map((c) => c.text).join(''))) {
        out.rows--;
        continue;
      }
      issues.error(at(codeColumn, '学校标识码为空：每行应是一所学校'));
      continue;
    }
    if (!/^\d{10}$/.test(code)) {
      issues.error(
        at(
          codeColumn,
          /e\+?\d+$/i.test(code)
            ? '学校标识码被 Excel 显示成了科学计数法，末尾数字已丢失：请将该列设为“文本”格式并重新填写完整代码'
            : '学校标识码应为 10 位数字（2 位类别 + 2 位省份 + 6 位序号）',
          code,
        ),
      );
      continue;
    }
    let year = fileYear;
    if (yearColumn) {
      const y = parseNumberCell(text(yearColumn));
      if (y.kind !== 'number' || !Number.isInteger(y.value) || y.value < 2000 || y.value > 2100) {
        issues.error(at(yearColumn, '年度应为四位年份（如 2024）'));
        continue;
      }
      year = y.value;
    }
    let bad = false;
    if (typeColumn && text(typeColumn) !== '') {
      const type = readStatisticsSchoolType(text(typeColumn));
      if (!type.ok) {
        if (type.leftOut) {
          issues.warning(at(typeColumn, `${type.message}：本行未导入`));
          continue;
        }
        issues.error(at(typeColumn, type.message));
        bad = true;
      }
    }
    if (urbanColumn && text(urbanColumn) !== '') {
      const urban = readUrbanRuralCode(text(urbanColumn));
      if (!urban.ok) issues.error(at(urbanColumn, urban.message));
      else if (urban.warning !== null) issues.warning(at(urbanColumn, urban.warning));
      if (!urban.ok) bad = true;
    }
    let counted = true;
    if (countedColumn && text(countedColumn) !== '') {
      const v = SCHOOL_COUNTED.get(text(countedColumn));
      if (v === undefined) {
        issues.error(
          at(countedColumn, `是否计校数应为 1（计校数）或 0（不计校数的教学点），实际为 ${quote(text(countedColumn))}`),
        );
        bad = true;
      } else counted = v;
    }

    const record = emptySchoolStat(code, year as number) as unknown as Record<string, number | string | null>;
    const given: string[] = [];
    const sources: Record<string, ValueSource> = {};
    for (const f of fields) {
      let sum = 0;
      let blank = false;
      let invalid = false;
      for (const c of f.columns) {
        const raw = text(c);
        const cell = parseNumberCell(raw);
        if (cell.kind === 'empty') {
          blank = true;
          continue;
        }
        const isCount = f.kind === 'count';
        if (cell.kind === 'invalid' || cell.value < 0 || (isCount && !Number.isInteger(cell.value))) {
          issues.error(at(c, `应为${isCount ? '非负整数' : '非负数'}，实际为 ${quote(raw)}`));
          invalid = true;
          continue;
        }
        sum += cell.value;
      }
      if (invalid) {
        bad = true;
        continue;
      }
      if (blank) continue;
      record[f.field] = f.kind === 'amount' ? Math.round(sum * f.scale * 100) / 100 : sum;
      given.push(f.field);
      const cells = f.columns.map((c) => cellAddress(c.index, row.rowNumber));
      sources[f.field] = {
        file,
        sheet,
        cell: cells.join('+'),
        label: f.columns.map((c) => c.label).join(' + ') + (f.scale === 10_000 ? '（万元 × 10000）' : ''),
      };
    }
    if (bad) continue;
    const givenSet = new Set(given);
    const blanks = SCHOOL_STAT_COLUMNS.filter(
      (c) => c.required && c.field !== 'year' && c.field !== 'schoolCode' && !givenSet.has(c.field),
    ).map((c) => c.field);
    const located: LocatedRow<SchoolStatRow> = {
      file,
      rowNumber: row.rowNumber,
      row: record as unknown as SchoolStatRow,
      headers: frozenHeaders,
      blanks,
      given,
      sources,
      sheet,
    };
    out.stats.push(located);
    if (!counted) {
      const county = text(countyColumn);
      const fact: TeachingPointFact = {
        schoolCode: code,
        schoolName: text(nameColumn) || code,
        year: year as number,
        parentSchoolCode: parentColumn ? cleanCode(text(parentColumn)) || null : null,
        districtCode: /\d{6}/.exec(county)?.[0] ?? null,
        parentColumn: parentColumn?.label ?? null,
      };
      out.teachingPoints?.push({
        file,
        rowNumber: row.rowNumber,
        row: fact,
        headers: frozenHeaders,
        sheet,
        ...(countedColumn
          ? {
              sources: {
                schoolCode: {
                  file,
                  sheet,
                  cell: cellAddress(countedColumn.index, row.rowNumber),
                  label: countedColumn.label,
                },
              },
            }
          : {}),
      });
    }
  }
  if (out.rows === 0) {
    issues.error(fileIssue(`县级报表（${STAGE_ZH[stage]}）只有表头，没有学校数据行`));
  }
  return out;
}
