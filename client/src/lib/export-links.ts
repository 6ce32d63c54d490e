import { routes } from '@junheng/shared';
import type { Lang } from '../i18n/translate.ts';
import { buildUrl, type QueryInput, type RouteParams, type RouteQuery } from './api-client.ts';

/** Routes whose JSON report can also be downloaded as a file (`format=csv|xlsx`, ARCHITECTURE.md, views and exports). */
export type ExportableRoute =
  | 'getBalance'
  | 'getBasicBalance'
  | 'getRankings'
  | 'getTrends'
  | 'getClassSize'
  | 'getUrbanRural'
  | 'getDecomposition'
  | 'getEquity'
  | 'getTeacherExchange'
  | 'getSchoolProfile'
  | 'getSchoolComparison'
  | 'getYearOverYear'
  | 'getDistanceToPass'
  | 'getScorecard'
  | 'getComparableSchools'
  | 'getComparableCounties'
  | 'getCountyComparison';

/** One exportable route with its typed params and query (a union over the routes, so `query` is checked per route). */
export type ExportTarget = {
  [N in ExportableRoute]: {
    route: N;
    /** District code, or the school code for getSchoolProfile and getComparableSchools; none above the county. */
    params?: RouteParams<N>;
    /** The exact query of the data on screen (filters, year, stage, table, indicator); names and values checked. */
    query: Partial<RouteQuery<N>>;
  };
}[ExportableRoute];

export interface ExportLinks {
  /** UTF-8 with BOM and CRLF: opens in Excel on Chinese Windows without garbling. */
  excelCsv: string;
  /** UTF-8 without BOM, for scripts. */
  plainCsv: string;
  xlsx: string;
}

/**
 * Download links for the data a panel shows: the same endpoint and query as the panel's JSON, plus the file format.
 * The server names the file (county, year, stage, filters) and adds the 说明 sheet to the XLSX.
 */
export function buildExportLinks(target: ExportTarget, lang: Lang): ExportLinks {
  const path = routes[target.route].path;
  const base: QueryInput = { ...target.query, lang: lang === 'en' ? 'en' : undefined };
  return {
    excelCsv: buildUrl(path, target.params, { ...base, format: 'csv' }),
    plainCsv: buildUrl(path, target.params, { ...base, format: 'csv', bom: false }),
    xlsx: buildUrl(path, target.params, { ...base, format: 'xlsx' }),
  };
}

/** A file name from its parts (county, year, stage, chart), without characters Windows rejects. */
export function exportFileName(parts: readonly (string | number | null | undefined)[]): string {
  return parts
    .filter((part) => part !== null && part !== undefined && part !== '')
    .map((part) => String(part).replace(/[\\/:*?"<>|\s]+/g, '_'))
    .join('_');
}
