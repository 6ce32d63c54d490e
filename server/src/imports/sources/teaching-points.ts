import {
  type ImportIssue,
  SCHOOL_STAT_COLUMNS,
  type SchoolRow,
  type SchoolStatRow,
  type ValueSource,
} from '@junheng/shared';
import { type IssueCollector, quote } from '../issues.ts';
import type { LocatedRow } from '../parse-rows.ts';
import type { CountyImportSettings } from '../validate-import.ts';
import type { TeachingPointFact } from './source-reader.ts';

/**
 * 教学点 that the statistics do not count as schools (是否计校数 = 0, issue #13). Per the county's setting they are
 * merged into their parent school as the statistics do — students, classes, teachers, areas, books … added into the
 * parent's row of that year, the teaching point not stored as a school of its own for that year — or kept as teaching
 * points (school type 教学点, parent set). The parent comes from the extract's column, else from the schools file of
 * the import or the stored school; without one the import asks for it with a located error.
 */

export interface TeachingPointResolver {
  /** The county's settings (the default when it has none stored). */
  settingsOf(districtCode: string | undefined): CountyImportSettings;
  /** County of a school: the schools file of this import, else the stored school. */
  districtOf(schoolCode: string): string | undefined;
  /** Parent of a school: the schools file of this import, else the stored school. */
  parentOf(schoolCode: string): string | null | undefined;
}

export interface TeachingPointOutcome {
  stats: LocatedRow<SchoolStatRow>[];
  schools: LocatedRow<SchoolRow>[];
  /** Teaching point → parent, with the years merged (for the report). */
  merged: { point: string; parent: string; years: number[] }[];
}

const STAT_FIELDS = SCHOOL_STAT_COLUMNS.filter((c) => c.field !== 'year' && c.field !== 'schoolCode');
const MAX_FIELDS = new Set(['maxClassSize', 'maxClassSizePrimary', 'maxClassSizeJunior']);
const STAGE_FIELDS = {
  primary: ['studentsPrimary', 'classesPrimary', 'teachersPrimary'],
  junior: ['studentsJunior', 'classesJunior', 'teachersJunior'],
  senior: ['studentsSenior'],
} as const;

function stageOf(field: string): 'primary' | 'junior' | 'senior' | null {
  if (field.endsWith('Primary')) return 'primary';
  if (field.endsWith('Junior')) return 'junior';
  if (field.endsWith('Senior')) return 'senior';
  return null;
}

/** The parent's row with the teaching point's figures added, as the statistics count a 不计校数 教学点. */
export function addTeachingPointInto(
  parent: LocatedRow<SchoolStatRow>,
  point: LocatedRow<SchoolStatRow>,
): LocatedRow<SchoolStatRow> {
  const a = parent.row as unknown as Record<string, number | null>;
  const b = point.row as unknown as Record<string, number | null>;
  const sum: Record<string, unknown> = { ...parent.row };
  for (const c of STAT_FIELDS) {
    const x = a[c.field] ?? null;
    const y = b[c.field] ?? null;
    if (x === null || y === null) sum[c.field] = c.required ? (x ?? 0) + (y ?? 0) : null;
    else if (MAX_FIELDS.has(c.field)) sum[c.field] = Math.max(x, y);
    else sum[c.field] = Math.round((x + y) * 100) / 100;
  }
  // A blank of the teaching point counts where the teaching point has the stage (it has 小学; others if it reports them).
  const pointStages = new Set<string>(['primary']);
  for (const [stage, fields] of Object.entries(STAGE_FIELDS)) {
    if (fields.some((f) => (b[f] ?? 0) > 0)) pointStages.add(stage);
  }
  const blanks = new Set(parent.blanks ?? []);
  for (const f of point.blanks ?? []) {
    const stage = stageOf(f);
    if (stage === null || pointStages.has(stage)) blanks.add(f);
  }
  const sources: Record<string, ValueSource> = { ...(parent.sources ?? {}) };
  for (const c of STAT_FIELDS) {
    const own = sources[c.field];
    const added = point.sources?.[c.field];
    if ((b[c.field] ?? 0) === 0 || own === undefined) continue;
    const from = added ? `${added.file} ${added.cell}` : `${point.file} 第 ${point.rowNumber} 行`;
    sources[c.field] = { ...own, label: `${own.label ?? c.zh} + 教学点 ${point.row.schoolCode}（${from}）` };
  }
  return {
    ...parent,
    row: sum as unknown as SchoolStatRow,
    ...(blanks.size > 0 ? { blanks: [...blanks] } : { blanks: [] }),
    sources,
  };
}

function at(r: LocatedRow<TeachingPointFact>, column: string, value: string | null, message: string): ImportIssue {
  return { file: r.file, row: r.rowNumber, column, value, message, ...(r.sheet ? { sheet: r.sheet } : {}) };
}

/** Merges or keeps every 不计校数 教学点 of the import; pure apart from the issues it reports. */
export function applyTeachingPoints(
  stats: readonly LocatedRow<SchoolStatRow>[],
  schools: readonly LocatedRow<SchoolRow>[],
  points: readonly LocatedRow<TeachingPointFact>[],
  resolver: TeachingPointResolver,
  issues: IssueCollector,
): TeachingPointOutcome {
  if (points.length === 0) return { stats: [...stats], schools: [...schools], merged: [] };
  const byKey = new Map<string, LocatedRow<SchoolStatRow>>();
  for (const r of stats) {
    const key = `${r.row.schoolCode}:${r.row.year}`;
    if (!byKey.has(key)) byKey.set(key, r);
  }
  const pointKeys = new Set(points.map((p) => `${p.row.schoolCode}:${p.row.year}`));
  const removed = new Set<LocatedRow<SchoolStatRow>>();
  const replaced = new Map<LocatedRow<SchoolStatRow>, LocatedRow<SchoolStatRow>>();
  const current = (r: LocatedRow<SchoolStatRow>) => replaced.get(r) ?? r;
  const merged = new Map<
    string,
    { point: string; parent: string; years: number[]; first: LocatedRow<TeachingPointFact> }
  >();
  const kept = new Map<string, string | null>();
  const seen = new Set<string>();

  for (const p of points) {
    const f = p.row;
    const key = `${f.schoolCode}:${f.year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const parent = f.parentSchoolCode ?? resolver.parentOf(f.schoolCode) ?? null;
    const county =
      resolver.districtOf(f.schoolCode) ??
      f.districtCode ??
      (parent !== null ? resolver.districtOf(parent) : undefined);
    const setting = resolver.settingsOf(county ?? undefined);
    const name = `「${f.schoolName}」（${f.schoolCode}）`;
    if (setting.teachingPoints === 'keep') {
      if (!kept.has(f.schoolCode) || kept.get(f.schoolCode) === null) kept.set(f.schoolCode, parent);
      continue;
    }
    const own = byKey.get(key);
    const column = f.parentColumn ?? '所属学校标识码';
    if (parent === null) {
      issues.error(
        at(
          p,
          column,
          null,
          `教学点${name}不计校数（是否计校数 = 0），按本县的导入设置应并入所属学校，但不知道它属于哪所学校：请在报表中增加并填写「所属学校标识码」列，或在「数据」页的县级导入设置中把教学点改为「保留为教学点」`,
        ),
      );
      if (own) removed.add(own);
      continue;
    }
    if (parent === f.schoolCode || pointKeys.has(`${parent}:${f.year}`)) {
      issues.error(
        at(
          p,
          column,
          parent,
          `教学点${name}的所属学校 ${quote(parent)} ${parent === f.schoolCode ? '是它自己' : '本身也是不计校数的教学点'}：请填写计校数的主校标识码`,
        ),
      );
      if (own) removed.add(own);
      continue;
    }
    const parentRow = byKey.get(`${parent}:${f.year}`);
    if (parentRow === undefined) {
      issues.error(
        at(
          p,
          column,
          parent,
          `教学点${name}应并入所属学校 ${quote(parent)}，但本次导入中没有该校 ${f.year} 年的统计数据：请一并导入主校的报表，或在县级导入设置中选择「保留为教学点」`,
        ),
      );
      if (own) removed.add(own);
      continue;
    }
    if (own === undefined) continue;
    replaced.set(parentRow, addTeachingPointInto(current(parentRow), own));
    removed.add(own);
    const entry = merged.get(f.schoolCode);
    if (entry) entry.years.push(f.year);
    else merged.set(f.schoolCode, { point: f.schoolCode, parent, years: [f.year], first: p });
  }

  for (const m of merged.values()) {
    const f = m.first.row;
    issues.warning(
      at(
        m.first,
        f.parentColumn ?? '是否计校数',
        f.schoolCode,
        `教学点「${f.schoolName}」（${f.schoolCode}）不计校数，按本县设置已并入所属学校 ${m.parent}（${m.years.sort().join('、')} 年）：其在校生、班数、教师、校舍、图书、设备等计入该校，教学点本身不作为学校保存这些年度的数据`,
      ),
    );
  }

  const outSchools = schools.map((r) => {
    if (!kept.has(r.row.schoolCode)) return r;
    const parent = kept.get(r.row.schoolCode) ?? null;
    if (r.row.schoolType === 'teaching_point' && (r.row.parentSchoolCode !== null || parent === null)) return r;
    return {
      ...r,
      row: { ...r.row, schoolType: 'teaching_point' as const, parentSchoolCode: r.row.parentSchoolCode ?? parent },
    };
  });

  return {
    stats: stats.filter((r) => !removed.has(r)).map(current),
    schools: outSchools,
    merged: [...merged.values()].map(({ point, parent, years }) => ({ point, parent, years })),
  };
}
