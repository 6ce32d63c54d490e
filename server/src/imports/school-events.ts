import {
  type ImportIssue,
  SCHOOL_TYPE_LABELS,
  type SchoolEventRow,
  type SchoolRow,
  type SchoolStatRow,
  type SchoolType,
} from '@junheng/shared';
import { type IssueCollector, quote } from './issues.ts';
import type { LocatedRow } from './parse-rows.ts';

/**
 * School identity across years (issue #13). A school is keyed on its 学校标识码; when an import gives a known code
 * with another name, type or township, the change is recorded with the year it took effect instead of silently
 * overwriting; merges and closures written in the schools file (撤并入学校标识码, 撤销年份) are checked and recorded.
 * Pure: what the database holds comes in `stored`.
 */

/** What the database holds about one school, for change detection. */
export interface StoredSchoolIdentity {
  name: string;
  schoolType: SchoolType;
  townshipCode: string;
  townshipName: string;
  districtCode: string;
  /**
   * Years with stored statistics, oldest first (may be empty): at least the first, the last, and every one within a
   * year of the imported statistics years.
   */
  statYears: readonly number[];
  /** Year of a stored closure (merged_into or closed); null when none. */
  closedYear: number | null;
}

export interface SchoolEventDetection {
  events: SchoolEventRow[];
  /**
   * Rows that describe an earlier year than the school's latest stored statistics (a back-fill): the school keeps its
   * current name, type and township (the latest), given here by school code.
   */
  keepCurrent: ReadonlyMap<string, Pick<SchoolRow, 'schoolName' | 'schoolType' | 'townshipCode' | 'townshipName'>>;
  /** School codes whose merge or closure columns have an error (the import is refused). */
  rejected: ReadonlySet<string>;
}

/** Merged or closed schools need this share of the county's schools of the year before to be warned about. */
const CLOSURE_WARNING_COVERAGE = 0.5;

function at<T>(r: LocatedRow<T>, field: string, value: string | null, message: string): ImportIssue {
  return {
    file: r.file,
    row: r.rowNumber,
    column: r.headers[field] ?? field,
    value,
    message,
    ...(r.sheet ? { sheet: r.sheet } : {}),
    ...(r.sources?.[field]?.cell ? { cell: r.sources[field].cell } : {}),
  };
}

const typeZh = (type: string) => SCHOOL_TYPE_LABELS[type as SchoolType]?.zh ?? type;

/**
 * The year an import's description of a school takes effect: the school's own statistics years in the import (else
 * the import's statistics years, else the year after the county's latest stored statistics). Against the school's
 * latest stored statistics year: an import whose latest year is earlier describes the past (back-fill); otherwise the
 * change takes effect in the first imported year after the stored ones (the latest imported year if none is later).
 */
export function effectiveYear(
  importYears: readonly number[],
  storedYears: readonly number[],
  countyLastYear: number | null,
): { year: number; backfill: boolean } | null {
  const storedLast = storedYears.at(-1) ?? null;
  if (importYears.length === 0) {
    const last = countyLastYear ?? storedLast;
    return last === null ? null : { year: last + 1, backfill: false };
  }
  const sorted = [...importYears].sort((a, b) => a - b);
  const latest = sorted.at(-1) as number;
  if (storedLast !== null && latest < storedLast) return { year: latest, backfill: true };
  const later = sorted.find((y) => storedLast === null || y > storedLast);
  return { year: storedLast === null ? (sorted[0] as number) : (later ?? latest), backfill: false };
}

export function detectSchoolEvents(input: {
  schools: readonly LocatedRow<SchoolRow>[];
  stats: readonly LocatedRow<SchoolStatRow>[];
  stored: ReadonlyMap<string, StoredSchoolIdentity>;
  /** County of every stored school (a fallback when `stored` lacks one). */
  schoolDistricts?: ReadonlyMap<string, string>;
  issues: IssueCollector;
}): SchoolEventDetection {
  const { schools, stats, stored, issues } = input;
  const events: SchoolEventRow[] = [];
  const keepCurrent = new Map<string, Pick<SchoolRow, 'schoolName' | 'schoolType' | 'townshipCode' | 'townshipName'>>();
  const rejected = new Set<string>();

  const fileRows = new Map(schools.map((r) => [r.row.schoolCode, r] as const));
  const districtOf = (code: string) =>
    fileRows.get(code)?.row.districtCode ?? stored.get(code)?.districtCode ?? input.schoolDistricts?.get(code);
  const nameOf = (code: string) => fileRows.get(code)?.row.schoolName ?? stored.get(code)?.name ?? code;

  // Statistics years per school in this import, and all the import's years.
  const importYearsOf = new Map<string, number[]>();
  for (const { row } of stats) {
    const list = importYearsOf.get(row.schoolCode);
    if (list) list.push(row.year);
    else importYearsOf.set(row.schoolCode, [row.year]);
  }
  const allImportYears = [...new Set(stats.map((s) => s.row.year))].sort((a, b) => a - b);

  // Stored statistics years per county.
  const countyYears = new Map<string, Set<number>>();
  const addCountyYear = (district: string | undefined, year: number) => {
    if (district === undefined) return;
    const set = countyYears.get(district);
    if (set) set.add(year);
    else countyYears.set(district, new Set([year]));
  };
  for (const s of stored.values()) for (const y of s.statYears) addCountyYear(s.districtCode, y);
  const storedCountyLast = (district: string) => {
    const set = countyYears.get(district);
    return set && set.size > 0 ? Math.max(...set) : null;
  };
  const importCountyYears = new Map<string, Set<number>>();
  for (const { row } of stats) {
    const district = districtOf(row.schoolCode);
    if (district === undefined) continue;
    const set = importCountyYears.get(district);
    if (set) set.add(row.year);
    else importCountyYears.set(district, new Set([row.year]));
  }

  // Closures written in this import, by school code (year), for the target and coverage checks.
  const closures = new Map<string, number>();

  for (const r of schools) {
    const s = r.row;
    const known = stored.get(s.schoolCode);
    const ownYears = importYearsOf.get(s.schoolCode) ?? [];
    if (known) {
      const when = effectiveYear(
        ownYears.length > 0 ? ownYears : allImportYears,
        known.statYears,
        storedCountyLast(known.districtCode),
      );
      const changes: { kind: SchoolEventRow['kind']; old: string; now: string; text: string }[] = [];
      if (known.name !== s.schoolName) {
        changes.push({
          kind: 'renamed',
          old: known.name,
          now: s.schoolName,
          text: `名称由「${known.name}」改为「${s.schoolName}」`,
        });
      }
      if (known.schoolType !== s.schoolType) {
        changes.push({
          kind: 'type_changed',
          old: known.schoolType,
          now: s.schoolType,
          text: `办学类型由「${typeZh(known.schoolType)}」改为「${typeZh(s.schoolType)}」`,
        });
      }
      if (known.townshipCode !== s.townshipCode) {
        changes.push({
          kind: 'township_changed',
          old: known.townshipCode,
          now: s.townshipCode,
          text: `所属乡镇由「${known.townshipName}」(${known.townshipCode}) 改为「${s.townshipName}」(${s.townshipCode})`,
        });
      }
      if (changes.length > 0 && when !== null) {
        const what = changes.map((c) => c.text).join('；');
        if (when.backfill) {
          keepCurrent.set(s.schoolCode, {
            schoolName: known.name,
            schoolType: known.schoolType,
            townshipCode: known.townshipCode,
            townshipName: known.townshipName,
          });
          issues.warning(
            at(
              r,
              'schoolName',
              s.schoolName,
              `学校 ${quote(s.schoolCode)} 已有 ${known.statYears.at(-1)} 年的统计，本次导入的是 ${when.year} 年及以前的数据，其中${what}：学校保留现在（最新）的信息，未记录变更（无法确定变更年份）`,
            ),
          );
        } else {
          for (const c of changes) {
            events.push({
              schoolCode: s.schoolCode,
              year: when.year,
              kind: c.kind,
              oldValue: c.old,
              newValue: c.now,
              targetSchoolCode: null,
            });
          }
          issues.warning(
            at(
              r,
              changes[0]?.kind === 'renamed'
                ? 'schoolName'
                : changes[0]?.kind === 'type_changed'
                  ? 'schoolType'
                  : 'townshipCode',
              changes[0]?.now ?? null,
              `学校 ${quote(s.schoolCode)} ${what}：记为 ${when.year} 年起的变更，历年数据仍属同一所学校，档案与趋势中列出原名称`,
            ),
          );
        }
      }
    } else if (ownYears.length > 0) {
      // A new code whose county already has earlier statistics (stored or in this import): opened in its first year.
      const first = Math.min(...ownYears);
      const years = [...(countyYears.get(s.districtCode) ?? []), ...(importCountyYears.get(s.districtCode) ?? [])];
      if (years.length > 0 && Math.min(...years) < first) {
        events.push({
          schoolCode: s.schoolCode,
          year: first,
          kind: 'opened',
          oldValue: null,
          newValue: null,
          targetSchoolCode: null,
        });
      }
    }
    if (s.closedYear != null || s.mergedIntoCode != null) {
      const year = s.closedYear ?? allImportYears.at(-1) ?? null;
      if (year !== null) closures.set(s.schoolCode, year);
    }
  }

  // Merges and closures: checked against the file and the database, each error located at its cell.
  for (const r of schools) {
    const s = r.row;
    const target = s.mergedIntoCode ?? null;
    if (s.closedYear == null && target === null) continue;
    const yearField = s.closedYear != null ? 'closedYear' : 'mergedIntoCode';
    const year = closures.get(s.schoolCode);
    const reject = (field: string, value: string | null, message: string) => {
      rejected.add(s.schoolCode);
      issues.error(at(r, field, value, message));
    };
    if (year === undefined) {
      reject(
        'closedYear',
        '',
        `学校 ${quote(s.schoolCode)} 填写了撤并入学校，但没有撤销年份，本次导入也没有统计数据可据以确定年份：请填写撤销年份（该校不再单独统计的第一年）`,
      );
      continue;
    }
    if (target !== null) {
      const targetDistrict = districtOf(target);
      if (target === s.schoolCode) {
        reject('mergedIntoCode', target, '撤并入学校标识码不能是本校自己的标识码');
      } else if (targetDistrict === undefined) {
        reject(
          'mergedIntoCode',
          target,
          `未知的学校标识码 ${quote(target)}（撤并入学校）：系统中和本次导入的学校基本信息中都没有该学校`,
        );
      } else if (targetDistrict !== s.districtCode) {
        reject(
          'mergedIntoCode',
          target,
          `撤并入学校 ${quote(target)}（${nameOf(target)}）属于区县 ${targetDistrict}，本校属于区县 ${s.districtCode}：只能撤并入本县的学校`,
        );
      } else {
        const targetClosed = closures.get(target) ?? stored.get(target)?.closedYear ?? null;
        if (targetClosed !== null && targetClosed <= year) {
          reject(
            'mergedIntoCode',
            target,
            `撤并入学校 ${quote(target)}（${nameOf(target)}）自 ${targetClosed} 年起已撤销，不能在 ${year} 年接收本校`,
          );
        }
      }
    }
    const storedYears = stored.get(s.schoolCode)?.statYears ?? [];
    const ownYears = [...storedYears, ...(importYearsOf.get(s.schoolCode) ?? [])];
    const laterYears = [...new Set(ownYears.filter((y) => y >= year))].sort((a, b) => a - b);
    const county = [
      ...(countyYears.get(s.districtCode) ?? []),
      ...(importCountyYears.get(s.districtCode) ?? []),
      ...ownYears,
    ];
    const countyLast = county.length > 0 ? Math.max(...county) : null;
    const countyFirst = county.length > 0 ? Math.min(...county) : null;
    if (laterYears.length > 0) {
      reject(
        yearField,
        String(year),
        `学校 ${quote(s.schoolCode)} 的撤销年份为 ${year}，但该校有 ${laterYears.join('、')} 年的统计数据：撤销年份是该校不再单独统计的第一年，请核对年份或删除这些年份的统计`,
      );
    } else if (countyLast !== null && year > countyLast + 1) {
      reject(
        yearField,
        String(year),
        `撤销年份 ${year} 不合理：本县最新的统计年份是 ${countyLast} 年，撤销年份最晚为 ${countyLast + 1} 年`,
      );
    } else if (countyFirst !== null && year <= countyFirst && ownYears.length === 0) {
      reject(
        yearField,
        String(year),
        `撤销年份 ${year} 不合理：该校没有任何统计数据，且不晚于本县最早的统计年份 ${countyFirst} 年`,
      );
    }
    if (rejected.has(s.schoolCode)) continue;
    const previous = stored.get(s.schoolCode)?.closedYear ?? null;
    events.push({
      schoolCode: s.schoolCode,
      year,
      kind: target === null ? 'closed' : 'merged_into',
      oldValue: null,
      newValue: null,
      targetSchoolCode: target,
    });
    const replaced = previous !== null ? `（替换此前记录的 ${previous} 年撤销）` : '';
    issues.warning(
      at(
        r,
        yearField,
        String(year),
        target === null
          ? `学校 ${quote(s.schoolCode)}（${s.schoolName}）记为自 ${year} 年起撤销${replaced}：此后不再计入县域差异系数`
          : `学校 ${quote(s.schoolCode)}（${s.schoolName}）记为自 ${year} 年起撤并入 ${quote(target)}（${nameOf(target)}）${replaced}：其学生自该年起计入后者`,
      ),
    );
  }

  // Statistics of a school recorded as merged or closed before that year: counted again from now on (reopened?).
  for (const r of stats) {
    const closed = stored.get(r.row.schoolCode)?.closedYear ?? null;
    if (closed === null || closed > r.row.year || closures.has(r.row.schoolCode)) continue;
    issues.warning(
      at(
        r,
        'schoolCode',
        r.row.schoolCode,
        `学校 ${quote(r.row.schoolCode)}（${nameOf(r.row.schoolCode)}）已记录为自 ${closed} 年起撤并或撤销，本次导入有其 ${r.row.year} 年的统计：该年将再次计入县域差异系数。如学校确已恢复，可忽略；否则请删除该行`,
      ),
    );
  }

  warnSilentClosures({ stats, stored, importYearsOf, districtOf, nameOf, closures, issues });
  return { events, keepCurrent, rejected };
}

/**
 * A school with statistics for year Y−1 whose county gets year-Y statistics in this import, but not for it: probably
 * merged or closed. Only a warning (nothing is recorded): the import cannot tell a closure from a forgotten row; the
 * analyst records it with 撤并入学校标识码 / 撤销年份. Only when the import covers at least half of the county's schools
 * of Y−1, so that a partial correction of a few schools does not warn about all the others.
 */
function warnSilentClosures(input: {
  stats: readonly LocatedRow<SchoolStatRow>[];
  stored: ReadonlyMap<string, StoredSchoolIdentity>;
  importYearsOf: ReadonlyMap<string, readonly number[]>;
  districtOf: (code: string) => string | undefined;
  nameOf: (code: string) => string;
  closures: ReadonlyMap<string, number>;
  issues: IssueCollector;
}): void {
  const { stats, stored, importYearsOf, districtOf, nameOf, closures, issues } = input;
  const hasYear = (code: string, year: number) =>
    (importYearsOf.get(code)?.includes(year) ?? false) || (stored.get(code)?.statYears.includes(year) ?? false);
  // County-years of the import, with the first statistics row of each (where the warning points).
  const firstRow = new Map<string, LocatedRow<SchoolStatRow>>();
  for (const r of stats) {
    const district = districtOf(r.row.schoolCode);
    if (district === undefined) continue;
    const key = `${district}:${r.row.year}`;
    if (!firstRow.has(key)) firstRow.set(key, r);
  }
  const codes = new Set([...stored.keys(), ...importYearsOf.keys()]);
  for (const [key, row] of firstRow) {
    const [district, yearText] = key.split(':') as [string, string];
    const year = Number(yearText);
    const before = [...codes].filter((c) => districtOf(c) === district && hasYear(c, year - 1));
    if (before.length === 0) continue;
    const covered = before.filter((c) => importYearsOf.get(c)?.includes(year));
    if (covered.length < before.length * CLOSURE_WARNING_COVERAGE) continue;
    for (const code of before) {
      if (hasYear(code, year)) continue;
      const closed = closures.get(code) ?? stored.get(code)?.closedYear ?? null;
      if (closed !== null && closed <= year) continue;
      issues.warning({
        file: row.file,
        row: null,
        column: row.headers.schoolCode ?? '学校标识码',
        value: code,
        message: `学校 ${quote(code)}（${nameOf(code)}）有 ${year - 1} 年的统计，本次导入有本县其他 ${covered.length} 所学校 ${year} 年的统计，却没有该校：如该校已撤并或撤销，请在学校基本信息中填写「撤并入学校标识码」或「撤销年份」（本次未作记录）`,
      });
    }
  }
}
