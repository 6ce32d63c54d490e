import type { Database } from '@junheng/db';
import type {
  AccessScope,
  CountyYearQuery,
  DecompositionQuery,
  DecompositionResponse,
  EquityQuery,
  EquityResponse,
  ReportContext,
  StageUnit,
  StageUnitExclusion,
  UrbanRuralQuery,
  UrbanRuralResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { loadCountyYear } from '../county/county.service.ts';
import {
  computeEquityReport,
  computeStageUnits,
  computeTownshipComparison,
  computeUrbanRuralReport,
  decomposeIndicatorCv,
  findStandard,
  selectStageUnits,
} from '../engine/index.ts';
import { describeIndicator } from '../export/indicator-labels.ts';

interface StageSelection {
  context: ReportContext;
  units: StageUnit[];
  counted: { schoolsCounted: number; studentsCounted: number; excluded: StageUnitExclusion[] };
}

/** The county-year's counted units of one stage (filters applied in SQL, private schools by option). */
async function loadStageSelection(
  db: Kysely<Database>,
  code: string,
  query: CountyYearQuery,
  access: AccessScope,
): Promise<StageSelection> {
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const all = computeStageUnits(data.schools, data.stats, { includePrivate: query.includePrivate });
  const { units, excluded } = selectStageUnits(all, query.stage);
  return {
    context: data.context,
    units,
    counted: {
      schoolsCounted: units.length,
      studentsCounted: units.reduce((sum, unit) => sum + unit.students, 0),
      excluded,
    },
  };
}

/** 城乡差距 (METHOD.md §6): per locale class and per township the weighted means, urban/rural ratios, decomposition. */
export async function getUrbanRural(
  db: Kysely<Database>,
  code: string,
  query: UrbanRuralQuery,
  access: AccessScope,
): Promise<UrbanRuralResponse> {
  const { context, units, counted } = await loadStageSelection(db, code, query, access);
  const townshipCodes = query.township.length > 0 ? query.township : null;
  return {
    ...context,
    ...computeUrbanRuralReport(units, query.stage, townshipCodes),
    ...counted,
    townships: computeTownshipComparison(units, query.stage, townshipCodes),
  };
}

/** CV decomposition of one indicator (METHOD.md §7): groups, within / between, ranked school contributions. */
export async function getDecomposition(
  db: Kysely<Database>,
  code: string,
  query: DecompositionQuery,
  access: AccessScope,
): Promise<DecompositionResponse> {
  const { context, units, counted } = await loadStageSelection(db, code, query, access);
  return {
    ...context,
    ...decomposeIndicatorCv(units, query.stage, query.indicator, query.by),
    ...counted,
    zh: describeIndicator(query.indicator).zh,
    ...findStandard(query.indicator, query.stage),
  };
}

/** Gini, Theil T (split by the grouping), McLoone and range ratios of the seven indicators (METHOD.md §7). */
export async function getEquity(
  db: Kysely<Database>,
  code: string,
  query: EquityQuery,
  access: AccessScope,
): Promise<EquityResponse> {
  const { context, units, counted } = await loadStageSelection(db, code, query, access);
  return { ...context, ...computeEquityReport(units, query.stage, query.by), ...counted };
}
