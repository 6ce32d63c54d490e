import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type ReportContext,
  ROTATION_MAX_SPAN_YEARS,
  type RotationRow,
  type SchoolFilterQuery,
  type SchoolRow,
  type SchoolStatRow,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import type { SchoolScope } from '../db-helpers.ts';
import { findDistrict, findDistrictWithYears } from '../districts/districts.repository.ts';
import { HttpError } from '../http/errors.ts';
import { ANY_YEAR, findRotations, findSchools, findStats } from './county.repository.ts';

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
  /** Statistics (and rotations) of every year, not only `year`: for reports with a series over the years. */
  allYears?: boolean;
}

/** The district or a 404 that says so. */
/** No filter: every school of the county (public and private), as the scorecard and the what-if read it. */
export const WHOLE_COUNTY: SchoolFilterQuery = { township: [], locale: [], group: [], includePrivate: true };

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
    findStats(db, scope, request.allYears ? {} : { from: request.year, to: request.year }),
    // Earlier years too: a rotation row of this year may continue one begun then (the engine keeps what counts).
    request.withRotations
      ? findRotations(
          db,
          scope,
          request.allYears ? ANY_YEAR : { from: request.year - ROTATION_MAX_SPAN_YEARS + 1, to: request.year },
        )
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
