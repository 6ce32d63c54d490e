import { emptySchoolStat, SCHOOL_STAT_COLUMNS, type SchoolStatRow, type ValueSource } from '@junheng/shared';
import type { IssueCollector } from '../issues.ts';
import { checkStatRow, type LocatedRow } from '../parse-rows.ts';

/**
 * Merges the partial statistics rows of one school-year into one row (issue #13). A 九年一贯制 school is in the 小学
 * and the 初中 extract, each giving its stage's fields (and the school-wide fields it has); a template file may give
 * what the extracts cannot (its blank cells give nothing). A field given twice with different values is a located
 * error at both cells; a field no row gives stays blank, so the "空白不等于 0" rule of validation applies to it.
 *
 * Groups without a partial row are left as they are (two template rows of one school-year stay a duplicate error).
 */

const STAT_FIELDS = SCHOOL_STAT_COLUMNS.filter((c) => c.field !== 'year' && c.field !== 'schoolCode');

/** Fields a row gives: a partial row's `given`; a template row's non-blank cells (optional columns: non-null). */
export function givenFields(r: LocatedRow<SchoolStatRow>): string[] {
  if (r.given !== undefined) return [...r.given];
  const blanks = new Set(r.blanks ?? []);
  const values = r.row as unknown as Record<string, unknown>;
  return STAT_FIELDS.filter((c) => !blanks.has(c.field) && values[c.field] !== null).map((c) => c.field);
}

function locationOf(r: LocatedRow<SchoolStatRow>, field: string): string {
  const source = r.sources?.[field];
  if (source) return `「${source.file}」${source.sheet ? `工作表「${source.sheet}」` : ''}${source.cell} 单元格`;
  return `「${r.file}」第 ${r.rowNumber} 行`;
}

function rowOfCell(cell: string): number | null {
  const m = /^[A-Z]+(\d+)/.exec(cell);
  return m ? Number(m[1]) : null;
}

export function mergePartialStats(
  stats: readonly LocatedRow<SchoolStatRow>[],
  issues: IssueCollector,
): LocatedRow<SchoolStatRow>[] {
  if (!stats.some((r) => r.given !== undefined)) return [...stats];
  const groups = new Map<string, LocatedRow<SchoolStatRow>[]>();
  const order: string[] = [];
  for (const r of stats) {
    const key = `${r.row.schoolCode}:${r.row.year}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else {
      groups.set(key, [r]);
      order.push(key);
    }
  }
  const out: LocatedRow<SchoolStatRow>[] = [];
  for (const key of order) {
    const group = groups.get(key) as LocatedRow<SchoolStatRow>[];
    const complete = group.filter((r) => r.given === undefined);
    if (complete.length === group.length || complete.length > 1) {
      out.push(...group);
      continue;
    }
    out.push(mergeGroup(group, issues));
  }
  return out;
}

function mergeGroup(group: readonly LocatedRow<SchoolStatRow>[], issues: IssueCollector): LocatedRow<SchoolStatRow> {
  const first = group[0] as LocatedRow<SchoolStatRow>;
  const values = emptySchoolStat(first.row.schoolCode, first.row.year) as unknown as Record<string, unknown>;
  const givenBy = new Map<string, LocatedRow<SchoolStatRow>>();
  const sources: Record<string, ValueSource> = {};
  const headers: Record<string, string> = { ...first.headers };
  for (const r of group) {
    const rowValues = r.row as unknown as Record<string, unknown>;
    for (const field of givenFields(r)) {
      const value = rowValues[field];
      const earlier = givenBy.get(field);
      if (earlier !== undefined) {
        const before = (earlier.row as unknown as Record<string, unknown>)[field];
        if (before !== value) {
          const source = r.sources?.[field];
          issues.error({
            file: source?.file ?? r.file,
            row: source ? rowOfCell(source.cell) : r.rowNumber,
            column: r.headers[field] ?? field,
            value: String(value),
            message: `学校 ${r.row.schoolCode} ${r.row.year} 年的「${earlier.headers[field] ?? field}」在两处不一致：此处为 ${String(value)}，${locationOf(earlier, field)}为 ${String(before)}。同一项只能有一个数值，请核对`,
            ...(source ? { sheet: source.sheet, cell: source.cell } : {}),
          });
        }
        continue;
      }
      givenBy.set(field, r);
      values[field] = value;
      headers[field] = r.headers[field] ?? field;
      const source = r.sources?.[field];
      if (source) sources[field] = source;
    }
  }
  const blanks = STAT_FIELDS.filter((c) => c.required && !givenBy.has(c.field)).map((c) => c.field);
  // The teacher subsets of the merged row within its teachers, located at the subset's cell.
  checkStatRow(
    values as unknown as SchoolStatRow,
    (field, value, message) => {
      const by = givenBy.get(field) ?? first;
      const source = by.sources?.[field];
      issues.error({
        file: source?.file ?? by.file,
        row: source ? rowOfCell(source.cell) : by.rowNumber,
        column: headers[field] ?? field,
        value,
        message,
        ...(source ? { sheet: source.sheet, cell: source.cell } : {}),
      });
    },
    (field) => headers[field] ?? field,
    new Set(blanks),
  );
  return {
    file: first.file,
    rowNumber: first.rowNumber,
    row: values as unknown as SchoolStatRow,
    headers: Object.freeze(headers),
    ...(blanks.length > 0 ? { blanks } : {}),
    sources,
    ...(first.sheet !== undefined ? { sheet: first.sheet } : {}),
  };
}
