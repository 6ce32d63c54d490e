import {
  type CountyInputEntry,
  type CountyInputsResponse,
  type CvPlanOutcome,
  type DistanceToPassResponse,
  LOCALE_LABELS,
  QUALITY_INDICATORS,
  type QualityIndicatorKey,
  type ResourceUnit,
  SCORECARD_AREA_LABELS,
  type ScorecardItem,
  type ScorecardResponse,
  type ScorecardStatus,
  type ScorecardTally,
  type ScorecardView,
  STAGE_LABELS,
} from '@junheng/shared';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { yesNo } from '../export/table.ts';

type Lang = 'zh' | 'en';

export const SCORECARD_STATUS_LABELS: Record<ScorecardStatus, { zh: string; en: string }> = {
  pass: { zh: '达标', en: 'Pass' },
  fail: { zh: '未达标', en: 'Fail' },
  not_entered: { zh: '未填报', en: 'Not entered' },
};

export const RESOURCE_UNIT_LABELS: Record<ResourceUnit, { zh: string; en: string }> = {
  teachers: { zh: '人', en: 'teachers' },
  square_metres: { zh: '平方米', en: 'm²' },
  yuan: { zh: '元', en: 'yuan' },
  rooms: { zh: '间', en: 'rooms' },
  computers: { zh: '台', en: 'computers' },
  books: { zh: '册', en: 'books' },
};

const SOURCE_LABELS = { computed: { zh: '计算', en: 'Computed' }, entered: { zh: '填报', en: 'Entered' } } as const;

const label = (labels: { zh: string; en: string }, lang: Lang) => (lang === 'zh' ? labels.zh : labels.en);

function indicatorName(key: QualityIndicatorKey, lang: Lang): string {
  const definition = QUALITY_INDICATORS.find((d) => d.key === key);
  return definition ? label(definition, lang) : key;
}

/** A value as the JSON holds it; a yes/no item as 是/否 so the cell reads in Excel. */
const cellOf = (value: number | boolean | null, lang: Lang) =>
  typeof value === 'boolean' ? yesNo(value, lang) : value;

/** Where an item's value comes from and is explained, as the scorecard view names it. */
export const SCORECARD_VIEW_LABELS: Record<ScorecardView, { zh: string; en: string }> = {
  balance: { zh: '由学校数据计算（差异系数）', en: 'Computed from school data (Balance)' },
  compliance: { zh: '由学校数据计算（资源配置达标）', en: 'Computed from school data (Compliance)' },
  class_size: { zh: '由学校数据计算（大班额与大校额）', en: 'Computed from school data (Class & school size)' },
  rotation: { zh: '由交流轮岗数据计算（教师交流轮岗）', en: 'Computed from rotation data (Rotation)' },
  scorecard: { zh: '由学校数据计算（本表学校明细）', en: 'Computed from school data (schools listed here)' },
  county_inputs: { zh: '县级填报', en: 'Entered in county inputs' },
};

const TALLY_UNITS: Record<ScorecardTally['unit'], { zh: string; en: string }> = {
  indicators: { zh: '项', en: 'indicators' },
  schools: { zh: '所', en: 'schools' },
  teachers: { zh: '人', en: 'teachers' },
};

/** "5 / 7 项" — what a computed value counts. */
export function formatTally(tally: ScorecardTally | null, lang: Lang): string | null {
  if (!tally) return null;
  return `${tally.part} / ${tally.whole} ${label(TALLY_UNITS[tally.unit], lang)}`;
}

/** The scorecard: one row per item, in the order of the JSON `items` (as on screen). */
export function buildScorecardTable(report: ScorecardResponse, lang: Lang): ExportTable<ScorecardItem> {
  const zh = lang === 'zh';
  const columns: ExportColumn<ScorecardItem>[] = [
    { key: 'area', zh: '评估内容', en: 'Area', value: (r) => label(SCORECARD_AREA_LABELS[r.area], lang) },
    { key: 'key', zh: '项目键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '评估项目', en: 'Item', value: (r) => (zh ? r.zh : r.en) },
    { key: 'stage', zh: '学段', en: 'Stage', value: (r) => (r.stage ? label(STAGE_LABELS[r.stage], lang) : null) },
    { key: 'source', zh: '来源', en: 'Source', value: (r) => label(SOURCE_LABELS[r.source], lang) },
    { key: 'kind', zh: '类型', en: 'Kind', value: (r) => r.kind },
    { key: 'value', zh: '数值', en: 'Value', value: (r) => cellOf(r.value, lang) },
    { key: 'tally', zh: '计数', en: 'Count', value: (r) => formatTally(r.tally, lang) },
    { key: 'requirement', zh: '标准要求', en: 'Requirement', value: (r) => (zh ? r.requirementZh : r.requirementEn) },
    { key: 'status', zh: '达标情况', en: 'Status', value: (r) => label(SCORECARD_STATUS_LABELS[r.status], lang) },
    { key: 'detail', zh: '说明', en: 'Detail', value: (r) => (zh ? r.detailZh : r.detailEn) },
    {
      key: 'explainedIn',
      zh: '数据来源',
      en: 'Explained in',
      value: (r) => label(SCORECARD_VIEW_LABELS[r.view], lang),
    },
    { key: 'enteredBy', zh: '填报人', en: 'Entered by', value: (r) => r.enteredBy },
    { key: 'enteredAt', zh: '填报时间', en: 'Entered at', value: (r) => r.enteredAt },
    { key: 'note', zh: '备注', en: 'Note', value: (r) => r.note },
  ];
  return { titleZh: '优质均衡评估总表', titleEn: 'Scorecard', columns, rows: report.items };
}

/** The county-year inputs: one row per item, entered or not. */
export function buildCountyInputsTable(report: CountyInputsResponse, lang: Lang): ExportTable<CountyInputEntry> {
  const zh = lang === 'zh';
  const columns: ExportColumn<CountyInputEntry>[] = [
    { key: 'area', zh: '评估内容', en: 'Area', value: (r) => label(SCORECARD_AREA_LABELS[r.area], lang) },
    { key: 'key', zh: '项目键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '评估项目', en: 'Item', value: (r) => (zh ? r.zh : r.en) },
    { key: 'kind', zh: '类型', en: 'Kind', value: (r) => r.kind },
    { key: 'requirement', zh: '标准要求', en: 'Requirement', value: (r) => (zh ? r.requirementZh : r.requirementEn) },
    { key: 'value', zh: '填报值', en: 'Value', value: (r) => cellOf(r.value, lang) },
    { key: 'status', zh: '达标情况', en: 'Status', value: (r) => label(SCORECARD_STATUS_LABELS[r.status], lang) },
    { key: 'note', zh: '备注', en: 'Note', value: (r) => r.note },
    { key: 'updatedAt', zh: '更新时间', en: 'Updated at', value: (r) => r.updatedAt },
    { key: 'updatedBy', zh: '填报人', en: 'Entered by', value: (r) => r.updatedBy },
  ];
  return { titleZh: '县级填报指标', titleEn: 'County inputs', columns, rows: report.items };
}

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
