import type { ComparisonMeasure, CountyComparisonRow } from '../schemas/county-comparison.ts';

/**
 * The status × change grid of the county comparison (as the California School Dashboard places each school by its
 * status this year and its change since last year): who fails and gets worse, who fails but improves, and so on.
 */

/** Best first: within the limit; over it by a little; over it by a lot. */
export const STATUS_LEVELS = ['pass', 'near', 'fail'] as const;
export type StatusLevel = (typeof STATUS_LEVELS)[number];
/** Better first; `none` = no year before to compare with. */
export const CHANGE_LEVELS = ['improved', 'steady', 'worsened', 'none'] as const;
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

/** A CV over its limit by at most this share (e.g. 0.50 < CV ≤ 0.60 for primary schools) is "near". */
export const NEAR_LIMIT_SHARE = 0.2;
/** A CV that moved less than this since last year is "steady" (CVs are shown to 3 decimals; 0.01 is a visible step). */
export const STEADY_CV_CHANGE = 0.01;

export const STATUS_LABELS: Record<StatusLevel, { zh: string; en: string }> = {
  pass: { zh: '达标', en: 'Passing' },
  near: { zh: '未达标·差距小', en: 'Failing, close' },
  fail: { zh: '未达标·差距大', en: 'Failing, far' },
};
export const CHANGE_LABELS: Record<ChangeLevel, { zh: string; en: string }> = {
  improved: { zh: '改善', en: 'Improved' },
  steady: { zh: '基本持平', en: 'Steady' },
  worsened: { zh: '变差', en: 'Worsened' },
  none: { zh: '无上年数据', en: 'No prior year' },
};

export interface CountyPlacement {
  status: StatusLevel | null;
  change: ChangeLevel;
}

/**
 * One CV: status by the CV against `limit` (lower is better: pass ≤ limit; near ≤ limit × 1.2; else fail), change by
 * CV − last year's CV (≤ −0.01 improved, ≥ +0.01 worsened, else steady). A missing CV (fewer than 2 schools) has no
 * status; a missing previous CV has change `none`.
 *
 * ### Examples
 * - placeByCv(0.42, 0.47, 0.5) → { status: 'pass', change: 'improved' }
 * - placeByCv(0.58, 0.55, 0.5) → { status: 'near', change: 'worsened' }
 */
export function placeByCv(cv: number | null, previous: number | null, limit: number): CountyPlacement {
  const status: StatusLevel | null =
    cv === null ? null : cv <= limit ? 'pass' : cv <= limit * (1 + NEAR_LIMIT_SHARE) ? 'near' : 'fail';
  if (cv === null || previous === null) return { status, change: 'none' };
  const delta = cv - previous;
  const change: ChangeLevel =
    delta <= -STEADY_CV_CHANGE ? 'improved' : delta >= STEADY_CV_CHANGE ? 'worsened' : 'steady';
  return { status, change };
}

/** How many of the CVs are over the limit (a missing CV is not counted). */
export function countCvsOverLimit(cvs: Record<string, number | null>, limit: number): number {
  return Object.values(cvs).filter((cv) => cv !== null && cv > limit).length;
}

/**
 * The county's 资源配置 verdict: status pass when it passes, near when it fails with at most one CV over the limit
 * (or only the schools' standards short), fail with two or more; change by the number of CVs over the limit against
 * last year (fewer improved, more worsened), and when that is equal by the verdict itself (fail → pass improved).
 */
export function placeByVerdict(row: CountyComparisonRow, limit: number): CountyPlacement {
  const over = countCvsOverLimit(row.cvs, limit);
  const status: StatusLevel | null = row.passes === null ? null : row.passes ? 'pass' : over <= 1 ? 'near' : 'fail';
  if (row.passes === null || row.previousCvs === null || row.previousPasses === null) return { status, change: 'none' };
  const before = countCvsOverLimit(row.previousCvs, limit);
  const verdictChange = Number(row.passes) - Number(row.previousPasses);
  const change: ChangeLevel =
    over < before || (over === before && verdictChange > 0)
      ? 'improved'
      : over > before || (over === before && verdictChange < 0)
        ? 'worsened'
        : 'steady';
  return { status, change };
}

/** A county's place in the grid for the chosen measure: the verdict, or one of the seven CVs. */
export function placeCounty(row: CountyComparisonRow, measure: ComparisonMeasure, limit: number): CountyPlacement {
  if (measure === 'passes') return placeByVerdict(row, limit);
  return placeByCv(row.cvs[measure] ?? null, row.previousCvs?.[measure] ?? null, limit);
}

/** The position of a status and change among the grid's twelve cells (status-major, best first). */
export function gridCellIndex(status: StatusLevel, change: ChangeLevel): number {
  return STATUS_LEVELS.indexOf(status) * CHANGE_LEVELS.length + CHANGE_LEVELS.indexOf(change);
}

/** A cell of the status × change grid: its counties' names, in the order of the rows placed (by code). */
export interface CountyGridCell {
  status: StatusLevel;
  change: ChangeLevel;
  /** Every county in the cell. */
  count: number;
  names: string[];
}

/**
 * Every county placed in the status × change grid for the measure (one CV, or the verdict); counties without a
 * status (fewer than 2 schools counted) are left out. Twelve cells, best first (status-major), counties in the order
 * given. The server sends it with a first screen of rows (`first`); the client places the rows itself once it has
 * all of them, so another measure needs no request.
 */
export function placeCountiesInGrid(
  rows: readonly CountyComparisonRow[],
  measure: ComparisonMeasure,
  limit: number,
): CountyGridCell[] {
  const cells: CountyGridCell[] = STATUS_LEVELS.flatMap((status) =>
    CHANGE_LEVELS.map((change) => ({ status, change, count: 0, names: [] as string[] })),
  );
  for (const row of rows) {
    const place = placeCounty(row, measure, limit);
    if (place.status === null) continue;
    const cell = cells[gridCellIndex(place.status, place.change)];
    if (!cell) continue;
    cell.count += 1;
    cell.names.push(row.districtName);
  }
  return cells;
}
