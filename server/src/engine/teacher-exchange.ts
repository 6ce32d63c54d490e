import type {
  RotationEffectRow,
  RotationFlow,
  RotationReport,
  RotationRow,
  RotationSchool,
  SchoolRow,
  SchoolStatField,
  SchoolStatRow,
  Stage,
  StageUnit,
  TeacherExchangeYear,
} from '@junheng/shared';
import {
  computeWeightedCv,
  LOCALE_LABELS,
  localeOfUrbanRuralCode,
  OUTSIDE_AREA_CODE,
  OUTSIDE_AREA_LABELS,
  ROTATION_DEFAULT_MONTHS,
  ROTATION_MAX_SPAN_YEARS,
  ROTATION_MIN_BACKBONE_SHARE,
  ROTATION_MIN_RATIO,
  type RotationMultiYearMode,
  type RotationRatioSchools,
  STAGES,
} from '@junheng/shared';
import { computeIndicatorValue } from './indicators.ts';
import { collectIndicatorPoints } from './quality.ts';
import { computeStageUnits } from './stage-parts.ts';
import { attributeTeacherStage, listTeacherFields } from './stat-edits.ts';

/** The conventions where the policy allows two readings (issue #9); defaults: first_year, public. */
export interface RotationOptions {
  multiYear?: RotationMultiYearMode;
  ratioSchools?: RotationRatioSchools;
}

export interface RotationInput {
  year: number;
  /** The county's schools: "rotated" counts teachers leaving these. */
  schools: readonly SchoolRow[];
  /** Statistics rows; only this year's rows of the county's schools are used. */
  stats: readonly SchoolStatRow[];
  /**
   * Rotation rows of this year, and of the earlier years (up to ROTATION_MAX_SPAN_YEARS back) that tell whether this
   * year's rows continue an earlier rotation. Later years are ignored.
   */
  rotations: readonly RotationRow[];
  options?: RotationOptions;
}

/** One teacher's move from one school to another (rows repeated for the same teacher and pair are merged). */
export interface RotationMove {
  teacherRef: string;
  from: string;
  to: string;
  backbone: boolean;
}

const OUTSIDE = 'outside';
const OUTSIDE_ZH = '县外';
const EFFECT_KEYS = ['teachers_per100', 'backbone_teachers_per100'] as const;
type EffectKey = (typeof EFFECT_KEYS)[number];

/** School years a rotation row covers: ceil(months / 12), a blank duration being one school year. */
function spanYears(row: RotationRow): number {
  return Math.max(1, Math.ceil((row.months ?? ROTATION_DEFAULT_MONTHS) / 12));
}

const moveKey = (row: RotationRow) => [row.teacherRef, row.fromSchoolCode, row.toSchoolCode].join('\u0000');

/**
 * The rotation rows that count in `year` under the multi-year convention (issue #9 point 8).
 *
 * Rows of one teacher with the same 派出 and 接收 schools form rotations: a row starts a rotation unless it falls
 * inside the span of the rotation begun by an earlier row, i.e. in a later year Y with Y ≤ Y₀ + ceil(months₀ / 12) − 1,
 * where Y₀ and months₀ are the year and duration of the row that began it (a blank duration = 12 months, one school
 * year). Such a row is a continuation, and it never extends the span.
 *
 * - `first_year`: this year's rows that start a rotation (continuations are left out and counted).
 * - `every_year`: every row of this year, plus one row for each rotation begun earlier whose span covers this year but
 *   which has no row this year (the teacher is still away: `carriedOver`).
 *
 * ### Examples
 * T, A → B: 2023 (36 months), 2024, 2025 → first_year counts T in 2023 only; every_year in 2023, 2024 and 2025
 * (and also with the 2024 and 2025 rows missing).
 */
export function selectYearRotations(
  rotations: readonly RotationRow[],
  year: number,
  multiYear: RotationMultiYearMode,
): { rows: RotationRow[]; continuingRows: number; carriedOver: number } {
  const earliest = year - ROTATION_MAX_SPAN_YEARS + 1;
  const relevant = rotations.filter((row) => row.year <= year && row.year >= earliest).sort((a, b) => a.year - b.year);
  const chains = new Map<string, { start: RotationRow; end: number; rows: RotationRow[] }>();
  const starts: RotationRow[] = [];
  const continuing: RotationRow[] = [];
  for (const row of relevant) {
    const key = moveKey(row);
    const chain = chains.get(key);
    if (chain && row.year > chain.start.year && row.year <= chain.end) {
      chain.rows.push(row);
      if (row.year === year) continuing.push(row);
      continue;
    }
    if (chain && row.year === chain.start.year) {
      // The same rotation listed twice in its first year.
      chain.rows.push(row);
      if (row.year === year) starts.push(row);
      continue;
    }
    chains.set(key, { start: row, end: row.year + spanYears(row) - 1, rows: [row] });
    if (row.year === year) starts.push(row);
  }
  if (multiYear === 'first_year') return { rows: starts, continuingRows: continuing.length, carriedOver: 0 };

  const carried: RotationRow[] = [];
  for (const chain of chains.values()) {
    if (chain.start.year >= year || chain.end < year || chain.rows.some((row) => row.year === year)) continue;
    carried.push({ ...chain.start, year, backbone: chain.rows.some((row) => row.backbone) });
  }
  return {
    rows: [...starts, ...continuing, ...carried],
    continuingRows: continuing.length,
    carriedOver: new Set(carried.map((row) => row.teacherRef)).size,
  };
}

function collectMoves(rows: readonly RotationRow[], isCounty: (code: string) => boolean) {
  // A teacher listed twice in one year is one teacher, backbone if any of their rows says so.
  const backboneTeachers = new Set(rows.filter((row) => row.backbone).map((row) => row.teacherRef));
  const moves = new Map<string, RotationMove>();
  let ignoredRows = 0;
  for (const row of rows) {
    if (row.fromSchoolCode === row.toSchoolCode || (!isCounty(row.fromSchoolCode) && !isCounty(row.toSchoolCode))) {
      ignoredRows += 1;
      continue;
    }
    const id = [row.teacherRef, row.fromSchoolCode, row.toSchoolCode].join('\u0000');
    const known = moves.get(id);
    moves.set(id, {
      teacherRef: row.teacherRef,
      from: row.fromSchoolCode,
      to: row.toSchoolCode,
      backbone: backboneTeachers.has(row.teacherRef) || (known?.backbone ?? false),
    });
  }
  return { moves: [...moves.values()], ignoredRows };
}

/** Distinct teachers among moves, and those of them flagged backbone in any of their moves. */
function countTeachers(moves: readonly RotationMove[]): { teachers: number; backbone: number } {
  const backboneByTeacher = new Map<string, boolean>();
  for (const move of moves)
    backboneByTeacher.set(move.teacherRef, (backboneByTeacher.get(move.teacherRef) ?? false) || move.backbone);
  return {
    teachers: backboneByTeacher.size,
    backbone: [...backboneByTeacher.values()].filter(Boolean).length,
  };
}

function divideOrNull(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

interface Endpoint {
  school: [string, string];
  township: [string, string];
  locale: [string, string];
}

function buildEndpointResolver(schools: readonly SchoolRow[]): (code: string) => Endpoint {
  const byCode = new Map(schools.map((school) => [school.schoolCode, school]));
  return (code) => {
    if (code === OUTSIDE_AREA_CODE) {
      const outsideArea: [string, string] = [OUTSIDE_AREA_CODE, OUTSIDE_AREA_LABELS.zh];
      return { school: outsideArea, township: outsideArea, locale: outsideArea };
    }
    const school = byCode.get(code);
    if (!school) return { school: [code, OUTSIDE_ZH], township: [OUTSIDE, OUTSIDE_ZH], locale: [OUTSIDE, OUTSIDE_ZH] };
    const locale = localeOfUrbanRuralCode(school.urbanRuralCode);
    return {
      school: [school.schoolCode, school.schoolName],
      township: [school.townshipCode, school.townshipName],
      locale: [locale, LOCALE_LABELS[locale].zh],
    };
  };
}

/**
 * Flows between schools, townships and locale classes: for each (level, from, to) the distinct teachers moved and
 * how many of them are backbone. A school outside the county is `outside` at the township and locale levels.
 * Sorted by level (school, township, locale), then by count, largest first.
 */
export function computeRotationFlows(moves: readonly RotationMove[], schools: readonly SchoolRow[]): RotationFlow[] {
  const resolve = buildEndpointResolver(schools);
  const buckets = new Map<string, { flow: Omit<RotationFlow, 'count' | 'backbone'>; moves: RotationMove[] }>();
  for (const move of moves) {
    const from = resolve(move.from);
    const to = resolve(move.to);
    for (const level of ['school', 'township', 'locale'] as const) {
      const [fromKey, fromName] = from[level];
      const [toKey, toName] = to[level];
      const id = [level, fromKey, toKey].join('\u0000');
      const bucket = buckets.get(id) ?? { flow: { level, from: fromKey, fromName, to: toKey, toName }, moves: [] };
      bucket.moves.push(move);
      buckets.set(id, bucket);
    }
  }
  const levelOrder = { school: 0, township: 1, locale: 2 };
  return [...buckets.values()]
    .map(({ flow, moves: bucketMoves }) => {
      const { teachers, backbone } = countTeachers(bucketMoves);
      return { ...flow, count: teachers, backbone };
    })
    .sort(
      (a, b) =>
        levelOrder[a.level] - levelOrder[b.level] ||
        b.count - a.count ||
        a.from.localeCompare(b.from) ||
        a.to.localeCompare(b.to),
    );
}

function summariseSchools(
  schools: readonly SchoolRow[],
  stats: ReadonlyMap<string, SchoolStatRow>,
  moves: readonly RotationMove[],
): RotationSchool[] {
  return schools.map((school) => {
    const out = countTeachers(moves.filter((move) => move.from === school.schoolCode));
    const into = countTeachers(moves.filter((move) => move.to === school.schoolCode));
    return {
      code: school.schoolCode,
      name: school.schoolName,
      townshipCode: school.townshipCode,
      townshipName: school.townshipName,
      locale: localeOfUrbanRuralCode(school.urbanRuralCode),
      eligible: stats.get(school.schoolCode)?.rotationEligibleTeachers ?? 0,
      out: out.teachers,
      in: into.teachers,
      backboneOut: out.backbone,
      backboneIn: into.backbone,
    };
  });
}

function summariseRuralFlow(moves: readonly RotationMove[], schools: readonly SchoolRow[]): RotationReport['rural'] {
  const ruralCodes = new Set(
    schools.filter((s) => localeOfUrbanRuralCode(s.urbanRuralCode) === 'rural').map((s) => s.schoolCode),
  );
  // Moves between two rural schools neither add to nor take from the rural side.
  const into = countTeachers(moves.filter((m) => ruralCodes.has(m.to) && !ruralCodes.has(m.from)));
  const out = countTeachers(moves.filter((m) => ruralCodes.has(m.from) && !ruralCodes.has(m.to)));
  return {
    teachersIn: into.teachers,
    teachersOut: out.teachers,
    netTeachers: into.teachers - out.teachers,
    backboneIn: into.backbone,
    backboneOut: out.backbone,
    netBackbone: into.backbone - out.backbone,
  };
}

/**
 * The statistics after the year's moves: each moved teacher leaves `from` and joins `to` (a backbone teacher also
 * moves a backbone count), in the stage given by attributeTeacherStage (single-stage school: its stage; two stages:
 * the one with more students). A count that would go below 0 is clamped and reported: the rotation file and the
 * statistics then disagree.
 */
export function applyRotationMoves(
  schools: readonly SchoolRow[],
  stats: readonly SchoolStatRow[],
  moves: readonly RotationMove[],
): { stats: SchoolStatRow[]; warnings: string[] } {
  const schoolByCode = new Map(schools.map((school) => [school.schoolCode, school]));
  const current = new Map(stats.map((stat) => [stat.schoolCode, { ...stat }]));
  const original = new Map(stats.map((stat) => [stat.schoolCode, stat]));
  const warnings: string[] = [];
  const shift = (code: string, delta: number, backbone: boolean) => {
    const school = schoolByCode.get(code);
    const before = original.get(code);
    const row = current.get(code);
    if (!school || !before || !row) return;
    const fields: SchoolStatField[] = listTeacherFields(attributeTeacherStage(school, before), { backbone });
    for (const field of fields) {
      if (row[field] + delta < 0) warnings.push(`${school.schoolName}（${code}）${field} 将小于0，已按0计`);
      row[field] = Math.max(0, row[field] + delta);
    }
  };
  for (const move of moves) {
    shift(move.from, -1, move.backbone);
    shift(move.to, 1, move.backbone);
  }
  return { stats: stats.map((stat) => current.get(stat.schoolCode) ?? stat), warnings };
}

function computeStageCv(units: readonly StageUnit[], stage: Stage, key: EffectKey): number | null {
  const ofStage = units.filter((unit) => unit.stage === stage);
  return computeWeightedCv(collectIndicatorPoints(ofStage, (unit) => computeIndicatorValue(unit, key)));
}

function unitKey(unit: StageUnit): string {
  return `${unit.stage}\u0000${unit.code}`;
}

function computeRotationEffect(
  schools: readonly SchoolRow[],
  stats: readonly SchoolStatRow[],
  moves: readonly RotationMove[],
): RotationReport['effect'] {
  const moved = applyRotationMoves(schools, stats, moves);
  const before = computeStageUnits(schools, stats).units;
  const after = new Map(computeStageUnits(schools, moved.stats).units.map((unit) => [unitKey(unit), unit]));
  const rows: RotationEffectRow[] = [];
  for (const unit of before) {
    const changed = after.get(unitKey(unit));
    if (!changed) continue;
    for (const key of EFFECT_KEYS) {
      const valueBefore = computeIndicatorValue(unit, key);
      const valueAfter = computeIndicatorValue(changed, key);
      if (valueBefore === valueAfter) continue;
      const delta = valueBefore === null || valueAfter === null ? null : valueAfter - valueBefore;
      rows.push({
        code: unit.code,
        name: unit.name,
        stage: unit.stage,
        students: unit.students,
        key,
        before: valueBefore,
        after: valueAfter,
        delta,
      });
    }
  }
  const afterUnits = [...after.values()];
  const cvs = STAGES.flatMap((stage) =>
    EFFECT_KEYS.map((key) => ({
      stage,
      key,
      before: computeStageCv(before, stage, key),
      after: computeStageCv(afterUnits, stage, key),
    })),
  );
  return { rows, cvs, warnings: moved.warnings };
}

/**
 * 交流轮岗 of a county-year (METHOD.md §2, §3), with the conventions of issue #9 point 8 (RotationOptions):
 * the rows that count this year are chosen by selectYearRotations (multi-year rotations count in their first school
 * year by default, or in every year the teacher is away); a teacher listed twice in one year counts once and is
 * backbone if any of their rows says so. The 10% / 20% ratios count the ratio schools: public (公办) schools by
 * default, or all the county's schools (ratioSchools = all). eligible = Σ rotationEligibleTeachers of the ratio
 * schools; rotated = distinct teachers rotated out of a ratio school; ratio = rotated / eligible, passing at ≥ 10%;
 * backboneRotated = distinct backbone teachers among them, backboneShare = backboneRotated / rotated, passing at
 * ≥ 20%. Ratios are null (and their verdicts null) when the denominator is 0. Also, over all the county's schools:
 * per-school in / out, flows by school, township and locale, the net flow to rural schools, and the effect of the
 * moves on each unit's teachers and backbone teachers per 100 students (applyRotationMoves).
 */
export function computeRotationReport(input: RotationInput): RotationReport {
  const multiYear = input.options?.multiYear ?? 'first_year';
  const ratioSchools = input.options?.ratioSchools ?? 'public';
  const countyCodes = new Set(input.schools.map((school) => school.schoolCode));
  const isCounty = (code: string) => countyCodes.has(code);
  const ratioCodes = new Set(
    input.schools
      .filter((school) => ratioSchools === 'all' || school.ownership === 'public')
      .map((school) => school.schoolCode),
  );
  const stats = input.stats.filter((stat) => stat.year === input.year && isCounty(stat.schoolCode));
  const statsByCode = new Map(stats.map((stat) => [stat.schoolCode, stat]));
  const selected = selectYearRotations(input.rotations, input.year, multiYear);
  const { moves, ignoredRows } = collectMoves(selected.rows, isCounty);

  const eligible = stats
    .filter((stat) => ratioCodes.has(stat.schoolCode))
    .reduce((sum, stat) => sum + stat.rotationEligibleTeachers, 0);
  const out = countTeachers(moves.filter((move) => ratioCodes.has(move.from)));
  const fromOutside = countTeachers(moves.filter((move) => !isCounty(move.from)));
  const ratio = divideOrNull(out.teachers, eligible);
  const backboneShare = divideOrNull(out.backbone, out.teachers);

  return {
    year: input.year,
    multiYear,
    ratioSchools,
    continuingRows: selected.continuingRows,
    carriedOver: selected.carriedOver,
    eligible,
    rotated: out.teachers,
    ratio,
    ratioLimit: ROTATION_MIN_RATIO,
    ratioPasses: ratio === null ? null : ratio >= ROTATION_MIN_RATIO,
    backboneRotated: out.backbone,
    backboneShare,
    backboneShareLimit: ROTATION_MIN_BACKBONE_SHARE,
    backbonePasses: backboneShare === null ? null : backboneShare >= ROTATION_MIN_BACKBONE_SHARE,
    rotatedInFromOutside: fromOutside.teachers,
    ignoredRows,
    schools: summariseSchools(input.schools, statsByCode, moves),
    flows: computeRotationFlows(moves, input.schools),
    rural: summariseRuralFlow(moves, input.schools),
    effect: computeRotationEffect(input.schools, stats, moves),
  };
}

/** The series entry of one year's rotation report. */
export function summariseRotationYear(report: RotationReport): TeacherExchangeYear {
  return {
    year: report.year,
    eligible: report.eligible,
    rotated: report.rotated,
    ratio: report.ratio,
    ratioPasses: report.ratioPasses,
    backboneRotated: report.backboneRotated,
    backboneShare: report.backboneShare,
    backbonePasses: report.backbonePasses,
    netBackboneToRural: report.rural.netBackbone,
  };
}

/**
 * The rotation report of `year` and the ratio / backbone-share series of every year in `years`, from statistics and
 * rotations that may span all of them (the engine keeps each year's rows).
 */
export function computeRotationYears(input: {
  year: number;
  years: readonly number[];
  schools: readonly SchoolRow[];
  stats: readonly SchoolStatRow[];
  rotations: readonly RotationRow[];
  options?: RotationOptions;
}): { report: RotationReport; series: TeacherExchangeYear[] } {
  const reportOf = (year: number) =>
    computeRotationReport({
      year,
      schools: input.schools,
      stats: input.stats,
      rotations: input.rotations,
      ...(input.options ? { options: input.options } : {}),
    });
  const report = reportOf(input.year);
  const series = input.years.map((year) => summariseRotationYear(year === input.year ? report : reportOf(year)));
  return { report, series };
}
