import type { Database } from '@junheng/db';
import type { AccessScope, TrendsQuery, TrendsResponse } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findDistrictYears, findSchools, findStats } from '../county/county.repository.ts';
import { buildReportContext, requireDistrict, toScope } from '../county/county.service.ts';
import { describeSchoolEvents, findSchoolEvents } from '../county/school-events.ts';
import { computeTrendRow, findStandard } from '../engine/index.ts';
import { describeIndicator } from '../export/indicator-labels.ts';
import { HttpError } from '../http/errors.ts';

/**
 * Year-by-year CV and means of one indicator (ARCHITECTURE.md, stable API trends). The statistics of the whole range come in one query;
 * the engine runs per year. from > to is rejected by the query schema; a range without data is a 404 listing the
 * years available.
 */
export async function getTrends(
  db: Kysely<Database>,
  code: string,
  query: TrendsQuery,
  access: AccessScope,
): Promise<TrendsResponse> {
  const district = await requireDistrict(db, code, access);
  const years = await findDistrictYears(db, district.code);
  const from = query.from ?? years[0];
  const to = query.to ?? years.at(-1);
  const inRange = years.filter((year) => from !== undefined && to !== undefined && year >= from && year <= to);
  if (from === undefined || to === undefined || inRange.length === 0) {
    throw new HttpError(
      404,
      'YearNotFound',
      `${district.name}在 ${from ?? ''}–${to ?? ''} 年间没有数据，可选年份：${years.join('、') || '无'} / No data in that range`,
      { availableYears: years },
    );
  }
  const scope = toScope(district.code, query, access);
  const [schools, stats, recorded] = await Promise.all([
    findSchools(db, scope),
    findStats(db, scope, { from, to }),
    findSchoolEvents(db, scope, { from, to }),
  ]);
  const { year: _year, ...context } = buildReportContext(district, to, years, query, schools, access);
  return {
    ...context,
    stage: query.stage,
    indicator: query.indicator,
    zh: describeIndicator(query.indicator).zh,
    ...findStandard(query.indicator, query.stage),
    from,
    to,
    rows: inRange.map((year) =>
      computeTrendRow({
        year,
        schools,
        stats,
        stage: query.stage,
        indicator: query.indicator,
        includePrivate: query.includePrivate,
      }),
    ),
    schoolEvents: describeSchoolEvents(recorded.events, schools, recorded.townshipNames),
  };
}
