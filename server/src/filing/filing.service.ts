import type { Database } from '@junheng/db';
import {
  type AccessScope,
  ClassSizeQuerySchema,
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
  STAGES,
  type Stage,
  TeacherExchangeQuerySchema,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { getClassSize } from '../class-size/class-size.service.ts';
import { loadCountyYear } from '../county/county.service.ts';
import {
  computeBasicReport,
  computeQualityReport,
  computeStageUnits,
  INDICATOR_FORMULAS,
  selectStageUnits,
} from '../engine/index.ts';
import { getTeacherExchange } from '../teacher-exchange/teacher-exchange.service.ts';
import { buildFilingTables, type FilingInput, type FilingTable } from './filing.tables.ts';

/**
 * The county year's standard tables, from the same services and engine calls as the views (差异系数 and 学校达标 are
 * getBalance's computeQualityReport, 2012 is getBasicBalance's computeBasicReport, 班额 is getClassSize, 交流轮岗 is
 * getTeacherExchange with its default conventions), over the whole county the user may see.
 */
export async function getFilingTables(
  db: Kysely<Database>,
  code: string,
  options: { year: number; includePrivate: boolean; lang: 'zh' | 'en' },
  access: AccessScope,
): Promise<{ district: { code: string; name: string }; year: number; tables: FilingTable[] }> {
  const filter = { township: [], locale: [], group: [], includePrivate: options.includePrivate };
  const data = await loadCountyYear(db, { districtCode: code, year: options.year, filter, access });
  const units = computeStageUnits(data.schools, data.stats, { includePrivate: options.includePrivate });
  const byStage = <T>(f: (stage: Stage) => T) =>
    Object.fromEntries(STAGES.map((stage) => [stage, f(stage)])) as Record<Stage, T>;
  const query = { year: String(options.year), includePrivate: String(options.includePrivate) };
  const classSize = await Promise.all(
    STAGES.map((stage) => getClassSize(db, code, ClassSizeQuerySchema.parse({ ...query, stage }), access)),
  );
  const rotation = await getTeacherExchange(db, code, TeacherExchangeQuerySchema.parse(query), access);
  const input: FilingInput = {
    district: data.context.district,
    year: options.year,
    quality: byStage((stage) => computeQualityReport(units, stage)),
    numerators: byStage((stage) => {
      const map = new Map<string, Partial<Record<QualityIndicatorKey, number>>>();
      for (const unit of selectStageUnits(units, stage).units) {
        map.set(
          unit.code,
          Object.fromEntries(QUALITY_INDICATOR_KEYS.map((key) => [key, unit[INDICATOR_FORMULAS[key].field]])),
        );
      }
      return map;
    }),
    basic: byStage((stage) => computeBasicReport(units, stage)),
    classSize: byStage((stage) => classSize[STAGES.indexOf(stage)] as (typeof classSize)[number]),
    rotation,
  };
  return { district: data.context.district, year: options.year, tables: buildFilingTables(input, options.lang) };
}
