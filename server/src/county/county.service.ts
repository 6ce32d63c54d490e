import type { Database } from '@junheng/db';
import {
  type AccessScope,
  LOCALE_LABELS,
  type ReportContext,
  ROTATION_MAX_SPAN_YEARS,
  type RotationRow,
  type SchoolFilterQuery,
  type SchoolRow,
  type SchoolStatRow,
  STAGE_LABELS,
  type Stage,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import type { SchoolScope } from '../db-helpers.ts';
import { findDistrict, findDistrictWithYears } from '../districts/districts.repository.ts';
import { HttpError } from '../http/errors.ts';
import { findRotations, findSchools, findStats } from './county.repository.ts';

export interface CountyYearData {
  context: ReportContext;
  schools: SchoolRow[];
  stats: SchoolStatRow[];
  rotations: RotationRow[];
}

export interface CountyYearRequest {
  districtCode: string;
  year: number;
  filter: SchoolFilterQuery;
  access: AccessScope;
  withRotations?: boolean;
}

/** The district or a 404 that says so. */
export async function requireDistrict(db: Kysely<Database>, districtCode: string, access: AccessScope) {
  const district = await findDistrict(db, districtCode, access);
  if (!district) throw new HttpError(404, 'DistrictNotFound', `没有区县 ${districtCode} / No district ${districtCode}`);
  return district;
}

export function toScope(districtCode: string, filter: SchoolFilterQuery, access: AccessScope): SchoolScope {
  return { districtCode, access, townships: filter.township, locales: filter.locale, groups: filter.group };
}

/**
 * Loads what every county-year report needs: the scope's schools, that year's statistics (and rotations). A year
 * without data is a 404 that lists the years available.
 */
export async function loadCountyYear(db: Kysely<Database>, request: CountyYearRequest): Promise<CountyYearData> {
  // One round trip in parallel: the year check rarely fails, so its answer need not gate the data queries.
  const scope = toScope(request.districtCode, request.filter, request.access);
  const [found, schools, stats, rotations] = await Promise.all([
    findDistrictWithYears(db, request.districtCode, request.access),
    findSchools(db, scope),
    findStats(db, scope, { from: request.year, to: request.year }),
    // Earlier years too: a rotation row of this year may continue one begun then (the engine keeps what counts).
    request.withRotations
      ? findRotations(db, scope, { from: request.year - ROTATION_MAX_SPAN_YEARS + 1, to: request.year })
      : Promise.resolve([]),
  ]);
  if (!found) {
    throw new HttpError(
      404,
      'DistrictNotFound',
      `没有区县 ${request.districtCode} / No district ${request.districtCode}`,
    );
  }
  const { district, years } = found;
  if (!years.includes(request.year)) {
    throw new HttpError(
      404,
      'YearNotFound',
      `${district.name}没有 ${request.year} 年的数据，可选年份：${years.join('、') || '无'} / No data for ${request.year}`,
      { availableYears: years },
    );
  }
  return {
    context: buildReportContext(district, request.year, years, request.filter, schools, request.access),
    schools,
    stats,
    rotations,
  };
}

export function buildReportContext(
  district: { code: string; name: string },
  year: number,
  years: number[],
  filter: SchoolFilterQuery,
  schools: SchoolRow[],
  access: AccessScope,
): ReportContext {
  const townshipNames = new Map(schools.map((s) => [s.townshipCode, s.townshipName]));
  return {
    district,
    year,
    years,
    accessScope: {
      restricted: access.townships !== null,
      townships: (access.townships ?? []).map((code) => ({ code, name: townshipNames.get(code) ?? code })),
    },
    filters: {
      townships: filter.township.map((code) => ({ code, name: townshipNames.get(code) ?? code })),
      locales: filter.locale,
      groups: filter.group,
      includePrivate: filter.includePrivate,
    },
  };
}

/** Labels for an export's file name and 说明 sheet, in the order county, year, stage, filters. */
export function describeContext(
  context: ReportContext,
  stage: Stage | null,
  lang: 'zh' | 'en',
): { fileNameParts: string[]; filters: [string, string][] } {
  const zh = lang === 'zh';
  const f = context.filters;
  const filters: [string, string][] = [
    [zh ? '区县' : 'District', `${context.district.name} (${context.district.code})`],
    [zh ? '年度' : 'Year', String(context.year)],
  ];
  if (stage) filters.push([zh ? '学段' : 'Stage', zh ? STAGE_LABELS[stage].zh : STAGE_LABELS[stage].en]);
  const townships = f.townships.map((t) => t.name).join('、');
  const locales = f.locales.map((l) => (zh ? LOCALE_LABELS[l].zh : LOCALE_LABELS[l].en)).join('、');
  filters.push([zh ? '乡镇/街道' : 'Townships', townships || (zh ? '全部' : 'all')]);
  filters.push([zh ? '城乡分类' : 'Urban–rural', locales || (zh ? '全部' : 'all')]);
  filters.push([zh ? '学区/集团' : 'Groups', f.groups.join('、') || (zh ? '全部' : 'all')]);
  filters.push([
    zh ? '民办学校' : 'Private schools',
    f.includePrivate ? (zh ? '计入' : 'included') : zh ? '不计入' : 'excluded',
  ]);
  if (context.accessScope.restricted) {
    const area = context.accessScope.townships.map((t) => t.name).join('、');
    filters.push([
      zh ? '访问范围' : 'Access scope',
      zh ? `仅限 ${area}（县级数值按此范围计算）` : `${area} only (county figures computed over this scope)`,
    ]);
  }
  const fileNameParts = [context.district.name, String(context.year)];
  if (stage) fileNameParts.push(zh ? STAGE_LABELS[stage].zh : stage);
  if (townships) fileNameParts.push(townships);
  if (locales) fileNameParts.push(locales);
  if (f.groups.length > 0) fileNameParts.push(f.groups.join('、'));
  if (!f.includePrivate) fileNameParts.push(zh ? '不含民办' : 'public-only');
  return { fileNameParts, filters };
}
