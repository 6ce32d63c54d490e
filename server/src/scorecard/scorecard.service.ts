import type { Database } from '@junheng/db';
import type { AccessScope, CountyInputsResponse, ScorecardQuery, ScorecardResponse } from '@junheng/shared';
import type { Kysely } from 'kysely';
import {
  type CountyInputAuthor,
  findCountyInputs,
  findDistrictYears,
  replaceCountyInputs,
} from '../county/county.repository.ts';
import { buildReportContext, loadCountyYear, requireDistrict, WHOLE_COUNTY } from '../county/county.service.ts';
import {
  computeGuaranteeReport,
  computeQualityReport,
  computeRotationReport,
  computeScorecard,
  computeStageUnits,
} from '../engine/index.ts';
import { buildCountyInputRows, parseCountyInputsUpdate, readCountyInputs } from './county-inputs.ts';

/**
 * The full 优质均衡 scorecard of a county-year: 资源配置 items of both stages, 政府保障程度 items computed from school
 * data and rotations, and the entered county-year items (pass / fail / not_entered), with a summary per area.
 */
export async function getScorecard(
  db: Kysely<Database>,
  code: string,
  query: ScorecardQuery,
  access: AccessScope,
): Promise<ScorecardResponse> {
  const data = await loadCountyYear(db, {
    districtCode: code,
    year: query.year,
    filter: query,
    access,
    withRotations: true,
  });
  const stored = readCountyInputs(await findCountyInputs(db, data.context.district.code, query.year));
  const options = { includePrivate: query.includePrivate };
  const units = computeStageUnits(data.schools, data.stats, options);
  const scorecard = computeScorecard({
    quality: { primary: computeQualityReport(units, 'primary'), junior: computeQualityReport(units, 'junior') },
    guarantee: computeGuaranteeReport(data.schools, data.stats, options),
    rotation: computeRotationReport({
      year: query.year,
      schools: data.schools,
      stats: data.stats,
      rotations: data.rotations,
    }),
    inputs: stored.inputs,
    entries: stored.meta,
  });
  return { ...data.context, ...scorecard, inputsUpdatedAt: stored.updatedAt };
}

/** Every county-year input item with its stored value (or null), note, time of saving and status. */
export async function getCountyInputs(
  db: Kysely<Database>,
  code: string,
  year: number,
  access: AccessScope,
): Promise<CountyInputsResponse> {
  const district = await requireDistrict(db, code, access);
  const [years, records] = await Promise.all([
    findDistrictYears(db, district.code),
    findCountyInputs(db, district.code, year),
  ]);
  const stored = readCountyInputs(records);
  return {
    ...buildReportContext(district, year, years, WHOLE_COUNTY, [], access),
    items: stored.entries,
    values: stored.inputs,
    updatedAt: stored.updatedAt,
  };
}

/**
 * Replaces a county-year's inputs with the body (validated first: nothing is written on a 400) in one transaction,
 * and answers with what is now stored. New or changed items are recorded as saved by `author` now; unchanged ones keep
 * who entered them and when.
 */
export async function putCountyInputs(
  db: Kysely<Database>,
  code: string,
  year: number,
  body: unknown,
  access: AccessScope,
  author: CountyInputAuthor,
): Promise<CountyInputsResponse> {
  const { inputs, notes } = parseCountyInputsUpdate(body);
  const district = await requireDistrict(db, code, access);
  await replaceCountyInputs(db, district.code, year, buildCountyInputRows(inputs, notes), author);
  return getCountyInputs(db, district.code, year, access);
}
