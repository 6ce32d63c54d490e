import {
  type CvPlanOutcome,
  type DistanceToPassResponse,
  LOCALE_LABELS,
  type ResourceUnit,
  STAGE_LABELS,
} from '@junheng/shared';
import { indicatorName } from '../export/indicator-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { yesNo } from '../export/table.ts';

type Lang = 'zh' | 'en';

export const RESOURCE_UNIT_LABELS: Record<ResourceUnit, { zh: string; en: string }> = {
  teachers: { zh: '人', en: 'teachers' },
  square_metres: { zh: '平方米', en: 'm²' },
  yuan: { zh: '元', en: 'yuan' },
  rooms: { zh: '间', en: 'rooms' },
  computers: { zh: '台', en: 'computers' },
  books: { zh: '册', en: 'books' },
};

const label = (labels: { zh: string; en: string }, lang: Lang) => (lang === 'zh' ? labels.zh : labels.en);

type ShortfallRow = DistanceToPassResponse['rows'][number];

/**
 * Shortfalls: one row per school and unmet indicator, in natural units: what the school adds, the stage part's own gap
 * and the stage share (a shared asset added to a multi-stage campus reaches the stage part × its share).
 */
export function buildShortfallTable(report: DistanceToPassResponse, lang: Lang): ExportTable<ShortfallRow> {
  const columns: ExportColumn<ShortfallRow>[] = [
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.name },
    { key: 'township', zh: '乡镇/街道', en: 'Township', value: (r) => r.townshipName },
    { key: 'locale', zh: '城乡分类', en: 'Urban–rural', value: (r) => label(LOCALE_LABELS[r.locale], lang) },
    { key: 'stage', zh: '学段', en: 'Stage', value: (r) => label(STAGE_LABELS[r.stage], lang) },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.students },
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'indicator', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.key, lang) },
    { key: 'value', zh: '现值', en: 'Value', decimals: 2, value: (r) => r.value },
    { key: 'threshold', zh: '标准', en: 'Threshold', decimals: 2, value: (r) => r.threshold },
    { key: 'shortfall', zh: '学校需增加', en: 'School must add', decimals: 0, value: (r) => r.shortfall },
    {
      key: 'stagePartShortfall',
      zh: '学段部分缺口',
      en: 'Stage part’s gap',
      decimals: 0,
      value: (r) => r.stagePartShortfall,
    },
    { key: 'assetShare', zh: '学段分摊比例', en: 'Stage share', decimals: 4, value: (r) => r.assetShare },
    { key: 'resourceUnit', zh: '单位', en: 'Unit', value: (r) => label(RESOURCE_UNIT_LABELS[r.resourceUnit], lang) },
  ];
  return { titleZh: '达标缺口', titleEn: 'Shortfalls', columns, rows: report.rows };
}

/** One row of the plans table: a school raised by a plan (a plan that raises none still gets one row). */
export interface PlanTableRow {
  plan: CvPlanOutcome;
  addition: CvPlanOutcome['additions'][number] | null;
}

export function flattenPlans(plans: readonly CvPlanOutcome[]): PlanTableRow[] {
  return plans.flatMap((plan): PlanTableRow[] =>
    plan.additions.length === 0 ? [{ plan, addition: null }] : plan.additions.map((addition) => ({ plan, addition })),
  );
}

/** CV plans: one row per school a plan raises, with the plan's figures repeated on each of its rows. */
export function buildPlanTable(report: DistanceToPassResponse, lang: Lang): ExportTable<PlanTableRow> {
  const unitOf = (r: PlanTableRow) => label(RESOURCE_UNIT_LABELS[r.plan.resourceUnit], lang);
  const columns: ExportColumn<PlanTableRow>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.plan.key },
    { key: 'indicator', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.plan.key, lang) },
    { key: 'cvBefore', zh: '现差异系数', en: 'CV before', decimals: 3, value: (r) => r.plan.cvBefore },
    { key: 'cvLimit', zh: '差异系数限值', en: 'CV limit', decimals: 2, value: (r) => r.plan.cvLimit },
    { key: 'cvAfter', zh: '方案后差异系数', en: 'CV after', decimals: 3, value: (r) => r.plan.cvAfter },
    { key: 'achievable', zh: '可达标', en: 'Achievable', value: (r) => yesNo(r.plan.achievable, lang) },
    { key: 'floorLevel', zh: '托底水平', en: 'Floor level', decimals: 2, value: (r) => r.plan.floorLevel },
    { key: 'totalAddition', zh: '方案总增量', en: 'Total addition', decimals: 0, value: (r) => r.plan.totalAddition },
    { key: 'resourceUnit', zh: '单位', en: 'Unit', value: unitOf },
    {
      key: 'schoolsPassingBefore',
      zh: '资源配置达标学校数(前)',
      en: 'Schools passing before',
      decimals: 0,
      value: (r) => r.plan.schoolsPassingBefore,
    },
    {
      key: 'schoolsPassingAfter',
      zh: '资源配置达标学校数(后)',
      en: 'Schools passing after',
      decimals: 0,
      value: (r) => r.plan.schoolsPassingAfter,
    },
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.addition?.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.addition?.name },
    { key: 'students', zh: '在校生数', en: 'Students', decimals: 0, value: (r) => r.addition?.students },
    { key: 'valueBefore', zh: '现值', en: 'Value before', decimals: 2, value: (r) => r.addition?.valueBefore },
    { key: 'amount', zh: '学校需增加', en: 'School must add', decimals: 0, value: (r) => r.addition?.amount },
    { key: 'assetShare', zh: '学段分摊比例', en: 'Stage share', decimals: 4, value: (r) => r.addition?.assetShare },
    { key: 'valueAfter', zh: '方案后值', en: 'Value after', decimals: 2, value: (r) => r.addition?.valueAfter },
  ];
  return { titleZh: '差异系数达标方案', titleEn: 'CV plans', columns, rows: flattenPlans(report.cvPlans) };
}
