import { type ColumnDefinition, IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from '@junheng/shared';

/** Chinese names of the three importable data sets (report messages, template file names). */
export const IMPORT_KIND_ZH: Record<ImportKind, string> = {
  schools: '学校基本信息',
  school_stats: '学校年度统计',
  rotations: '教师交流轮岗',
};

export interface NormalisedHeader {
  /** Whole header, normalised: no whitespace, half-width, ASCII lower-case, unified brackets and dashes. */
  name: string;
  /** `name` without a trailing bracketed part. */
  base: string;
  /** Content of the trailing bracket (a unit such as 平方米 / 万元, or a band such as 56-65人); null when none. */
  bracket: string | null;
}

const WHITESPACE = /\s+/g;
const UPPER_ASCII = /[A-Z]+/g;
const OPEN_BRACKETS = /[[【〔{<《]/g;
const CLOSE_BRACKETS = /[\]】〕}>》]/g;
const DASHES = /[~\u2010-\u2015\u2212\u301C\uFF5E]/g;
const TRAILING_PUNCTUATION = /[:：*＊]+$/;
const TRAILING_BRACKET = /^(.+?)\(([^()]*)\)$/;

/**
 * Normalise a header as written by an analyst: trim, remove all whitespace, full-width → half-width (NFKC: （）［］：
 * and full-width letters and digits), lower-case ASCII, one bracket style, one dash; then split a trailing bracket off.
 */
export function normaliseHeader(raw: string): NormalisedHeader {
  const name = raw
    .normalize('NFKC')
    .replace(WHITESPACE, '')
    .replace(UPPER_ASCII, (s) => s.toLowerCase())
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(DASHES, '-')
    .replace(TRAILING_PUNCTUATION, '');
  const match = TRAILING_BRACKET.exec(name);
  if (!match) return { name, base: name, bracket: null };
  return { name, base: match[1] ?? name, bracket: match[2] ?? '' };
}

/** Extra accepted names (already normalised) for a few columns whose official header analysts often shorten. */
const ALIASES: Record<string, readonly string[]> = {
  year: ['年份', '统计年度'],
  school_code: ['学校代码'],
  group_name: ['学区', '教育集团', '所属学区', '所属教育集团'],
  boarding: ['寄宿制', '是否寄宿制学校'],
  merged_into_code: ['撤并入学校代码', '并入学校标识码', '撤并到学校标识码'],
  closed_year: ['停办年份', '撤并年份', '撤销年度'],
};

const AREA_UNITS = new Set(['平方米', '平米', 'm2', 'm^2', 'sqm', '米2']);
const MONEY_SCALE: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10_000 };
const MULTIPLIER_PREFIX = /^[十百千万亿]/;
const HAS_DIGIT = /\d/;

/**
 * Scale a value of `column` written under a header whose trailing bracket is `unit`; null when the unit is not
 * acceptable for the column (a money column in 美元, a count in 万册, a different class-size band …).
 */
export function unitScale(column: ColumnDefinition, unit: string): number | null {
  const own = normaliseHeader(column.zh).bracket;
  if (own !== null) {
    if (unit === own) return 1;
    if (own === '月' && unit === '个月') return 1;
    return null;
  }
  switch (column.type) {
    case 'money':
      return MONEY_SCALE[unit] ?? null;
    case 'decimal':
      if (AREA_UNITS.has(unit)) return 1;
      if (unit.startsWith('万') && AREA_UNITS.has(unit.slice(1))) return 10_000;
      return null;
    case 'integer':
      return MULTIPLIER_PREFIX.test(unit) || unit.includes('%') || HAS_DIGIT.test(unit) ? null : 1;
    default:
      // A note in brackets after a text/code/enum header, e.g. 办学类型(小学/初中等).
      return 1;
  }
}

function expectedUnits(column: ColumnDefinition): string {
  const own = normaliseHeader(column.zh).bracket;
  if (own !== null) return own;
  if (column.type === 'money') return '元 或 万元';
  if (column.type === 'decimal') return '平方米';
  return column.unit ?? '个数（不带万、千等倍数）';
}

interface ColumnIndex {
  exact: Map<string, ColumnDefinition>;
  base: Map<string, ColumnDefinition>;
}

function buildIndex(columns: readonly ColumnDefinition[]): ColumnIndex {
  const exact = new Map<string, ColumnDefinition>();
  const base = new Map<string, ColumnDefinition>();
  for (const column of columns) {
    const zh = normaliseHeader(column.zh);
    exact.set(column.key, column);
    exact.set(zh.name, column);
    // A header without the band/unit of a bracketed official name (大班额班数 for 大班额班数(56-65人)).
    exact.set(zh.base, column);
    if (column.unit) exact.set(normaliseHeader(`${column.zh}(${column.unit})`).name, column);
    base.set(column.key, column);
    base.set(zh.base, column);
    for (const alias of ALIASES[column.key] ?? []) {
      exact.set(alias, column);
      base.set(alias, column);
    }
  }
  return { exact, base };
}

const INDEXES: Record<ImportKind, ColumnIndex> = {
  schools: buildIndex(IMPORT_COLUMNS.schools),
  school_stats: buildIndex(IMPORT_COLUMNS.school_stats),
  rotations: buildIndex(IMPORT_COLUMNS.rotations),
};

/** How a file column feeds a canonical field. */
export interface ColumnBinding {
  /** 0-based index of the column in the file's rows. */
  index: number;
  /** Header as written in the file (used in located messages). */
  header: string;
  column: ColumnDefinition;
  /** Multiply values by this (10 000 for a 万元 header). */
  scale: number;
}

export interface HeaderProblem {
  severity: 'error' | 'warning';
  /** The header as written, or the expected column name when it is missing; null for the whole header row. */
  column: string | null;
  message: string;
}

export interface HeaderMatch {
  kind: ImportKind;
  bindings: ColumnBinding[];
  /** Required columns of the kind that no header matched. */
  missing: ColumnDefinition[];
  /** Unit, duplicate and unknown-column problems. */
  problems: HeaderProblem[];
}

/** Display name of a column: its Chinese header with the unit, and the English key. */
export function columnLabel(column: ColumnDefinition): string {
  return `${column.zh}${column.unit ? `(${column.unit})` : ''}（${column.key}）`;
}

/** Match the headers of a file against the columns of one import kind. */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): HeaderMatch {
  const index = INDEXES[kind];
  const bindings: ColumnBinding[] = [];
  const problems: HeaderProblem[] = [];
  const bound = new Map<string, ColumnBinding>();
  headers.forEach((header, i) => {
    if (header.trim() === '') return;
    const n = normaliseHeader(header);
    let column = index.exact.get(n.name);
    let scale = 1;
    if (!column && n.bracket !== null) {
      column = index.base.get(n.base);
      if (column) {
        const s = unitScale(column, n.bracket);
        if (s === null) {
          problems.push({
            severity: 'error',
            column: header,
            message: `列「${header}」的单位「${n.bracket}」无法识别：${column.zh}的单位应为 ${expectedUnits(column)}`,
          });
        } else {
          scale = s;
        }
      }
    }
    if (!column) {
      problems.push({ severity: 'warning', column: header, message: `未识别的列「${header}」，该列已忽略` });
      return;
    }
    const previous = bound.get(column.key);
    if (previous) {
      problems.push({
        severity: 'error',
        column: header,
        message: `列「${header}」与第 ${previous.index + 1} 列「${previous.header}」重复（都对应 ${columnLabel(column)}）：请删除其中一列`,
      });
      return;
    }
    const binding: ColumnBinding = { index: i, header, column, scale };
    bound.set(column.key, binding);
    bindings.push(binding);
  });
  const missing = IMPORT_COLUMNS[kind].filter((c) => c.required && !bound.has(c.key));
  return { kind, bindings, missing, problems };
}

export interface KindRecognition {
  /** The recognised kind; null when no kind has all its required columns. */
  kind: ImportKind | null;
  /** The match of the recognised kind, or of the closest kind when none was recognised. */
  match: HeaderMatch;
  /** Errors and warnings about the header row (a missing-columns error when kind is null). */
  problems: HeaderProblem[];
}

function requiredCount(kind: ImportKind): number {
  return IMPORT_COLUMNS[kind].filter((c) => c.required).length;
}

/**
 * Which data set a header row belongs to: the kind whose required columns are all present (the one matching most
 * columns when several are). When none is, an error names the missing required columns of the closest kind.
 */
const SHARED_KEYS = new Set(['year', 'school_code']);

export function recogniseKind(headers: readonly string[]): KindRecognition {
  const matches = IMPORT_KINDS.map((kind) => matchHeaders(kind, headers));
  const complete = matches.filter((m) => m.missing.length === 0);
  if (complete.length > 0) {
    const best = complete.reduce((a, b) => (b.bindings.length > a.bindings.length ? b : a));
    return { kind: best.kind, match: best, problems: best.problems };
  }
  // Judge the closest kind by the columns only it has (年度 and 学校标识码 appear in several kinds), then by coverage.
  const distinctive = (m: HeaderMatch) => m.bindings.filter((b) => !SHARED_KEYS.has(b.column.key)).length;
  const score = (m: HeaderMatch) => 1 - m.missing.length / requiredCount(m.kind);
  const closest = matches.reduce((a, b) =>
    distinctive(b) > distinctive(a) || (distinctive(b) === distinctive(a) && score(b) > score(a)) ? b : a,
  );
  if (closest.bindings.length === 0) {
    return {
      kind: null,
      match: closest,
      problems: [
        {
          severity: 'error',
          column: null,
          message:
            '无法识别文件内容：第一行应为表头，但没有找到任何已知列（如 学校标识码、学校名称、年度）。请使用模板的表头。',
        },
      ],
    };
  }
  const names = closest.missing.map(columnLabel).join('、');
  return {
    kind: null,
    match: closest,
    problems: [
      ...closest.problems.filter((p) => p.severity === 'error'),
      {
        severity: 'error',
        column: closest.missing[0]?.zh ?? null,
        message: `缺少必需列：${names}（按「${IMPORT_KIND_ZH[closest.kind]}」表判断）`,
      },
    ],
  };
}
