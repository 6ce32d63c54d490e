import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type BalanceResponse,
  type BasicBalanceResponse,
  ClassSizeQuerySchema,
  type ClassSizeResponse,
  CountyYearQuerySchema,
  type CvContribution,
  DistanceToPassQuerySchema,
  type DistanceToPassResponse,
  LOCALES,
  type Locale,
  type QualityIndicatorKey,
  type QualityIndicatorResult,
  type ReportContext,
  ScorecardQuerySchema,
  type ScorecardResponse,
  STAGES,
  type Stage,
  TeacherExchangeQuerySchema,
  type TeacherExchangeResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { getBalance, getBasicBalance } from '../balance/balance.service.ts';
import { getClassSize } from '../class-size/class-size.service.ts';
import { loadCountyYear } from '../county/county.service.ts';
import { computeStageUnits, decomposeIndicatorCv, selectStageUnits } from '../engine/index.ts';
import { getDistanceToPass } from '../improve/improve.service.ts';
import { getScorecard } from '../scorecard/scorecard.service.ts';
import { getTeacherExchange } from '../teacher-exchange/teacher-exchange.service.ts';

/** How many schools the report names as pulling each failing CV up (largest contributions to CV²). */
export const TOP_CONTRIBUTORS = 3;

/** The schools that add most to one indicator's CV² (decomposition, METHOD.md §7), for 存在的问题. */
export interface CvPuller {
  key: QualityIndicatorKey;
  /** Over its limit; false for the stage's highest CV (relative to the limit) when every CV is within it. */
  overLimit: boolean;
  cv: number | null;
  mean: number | null;
  schools: Pick<CvContribution, 'label' | 'value' | 'share'>[];
}

export interface StageEvaluation {
  stage: Stage;
  balance: BalanceResponse;
  basic: BasicBalanceResponse;
  distance: DistanceToPassResponse;
  classSize: ClassSizeResponse;
  /** Teachers of the counted stage parts (the units the CVs count). */
  teachers: number;
  pullers: CvPuller[];
}

/** 基本情况 of the county: the counted schools by 城乡 class and the townships they lie in. */
export interface CountyProfile {
  /** Distinct schools (a nine-year school once) counted in either stage. */
  schools: number;
  townships: number;
  locales: { locale: Locale; schools: number; students: number }[];
}

/** Everything the 自评报告 states, each part as the screen's endpoint answers it. */
export interface SelfEvaluationData {
  context: ReportContext;
  profile: CountyProfile;
  stages: StageEvaluation[];
  scorecard: ScorecardResponse;
  rotation: TeacherExchangeResponse;
}

/**
 * The indicators whose decomposition 存在的问题 reports: every CV over its limit, or when none is, the highest CV
 * relative to its limit (the one closest to failing). None when no CV can be computed.
 */
export function selectPulledIndicators(indicators: readonly QualityIndicatorResult[]): QualityIndicatorResult[] {
  const over = indicators.filter((indicator) => indicator.cvPasses === false);
  if (over.length > 0) return over;
  let highest: QualityIndicatorResult | undefined;
  for (const indicator of indicators) {
    if (indicator.cv === null) continue;
    if (!highest || indicator.cv / indicator.cvLimit > (highest.cv ?? 0) / highest.cvLimit) highest = indicator;
  }
  return highest ? [highest] : [];
}

/**
 * Gathers the 自评报告 of a county-year for the user's scope from the services behind the screens (balance, 2012
 * balance, distance to pass, class size, scorecard, teacher exchange), with their default options, so that every
 * figure of the document is the one the dashboard shows. The CV decomposition of each failing indicator is the
 * engine's, over the same counted units.
 */
export async function getSelfEvaluationData(
  db: Kysely<Database>,
  code: string,
  year: number,
  access: AccessScope,
): Promise<SelfEvaluationData> {
  const countyQuery = (stage: Stage) => CountyYearQuerySchema.parse({ year, stage });
  const data = await loadCountyYear(db, { districtCode: code, year, filter: countyQuery('primary'), access });
  const all = computeStageUnits(data.schools, data.stats, { includePrivate: true });
  const stages = await Promise.all(
    STAGES.map(async (stage): Promise<StageEvaluation> => {
      const [balance, basic, distance, classSize] = await Promise.all([
        getBalance(db, code, countyQuery(stage), access),
        getBasicBalance(db, code, countyQuery(stage), access),
        getDistanceToPass(db, code, DistanceToPassQuerySchema.parse({ year, stage }), access),
        getClassSize(db, code, ClassSizeQuerySchema.parse({ year, stage }), access),
      ]);
      const { units } = selectStageUnits(all, stage);
      const pullers = selectPulledIndicators(balance.indicators).map((indicator): CvPuller => {
        const decomposition = decomposeIndicatorCv(units, stage, indicator.key, 'locale');
        return {
          key: indicator.key,
          overLimit: indicator.cvPasses === false,
          cv: indicator.cv,
          mean: indicator.mean,
          schools: decomposition.contributions
            .slice(0, TOP_CONTRIBUTORS)
            .map(({ label, value, share }) => ({ label, value, share })),
        };
      });
      return {
        stage,
        balance,
        basic,
        distance,
        classSize,
        teachers: units.reduce((sum, unit) => sum + unit.teachers, 0),
        pullers,
      };
    }),
  );
  const [scorecard, rotation] = await Promise.all([
    getScorecard(db, code, ScorecardQuerySchema.parse({ year }), access),
    getTeacherExchange(db, code, TeacherExchangeQuerySchema.parse({ year }), access),
  ]);
  const counted = STAGES.flatMap((stage) => selectStageUnits(all, stage).units);
  const schools = new Map(counted.map((unit) => [unit.code, unit]));
  const profile: CountyProfile = {
    schools: schools.size,
    townships: new Set(counted.map((unit) => unit.townshipCode)).size,
    locales: LOCALES.map((locale) => ({
      locale,
      schools: [...schools.values()].filter((unit) => unit.locale === locale).length,
      students: counted.filter((unit) => unit.locale === locale).reduce((sum, unit) => sum + unit.students, 0),
    })),
  };
  return { context: data.context, profile, stages, scorecard, rotation };
}
