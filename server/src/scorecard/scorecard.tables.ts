import {
  type CountyInputEntry,
  type CountyInputsResponse,
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

const SOURCE_LABELS = { computed: { zh: '计算', en: 'Computed' }, entered: { zh: '填报', en: 'Entered' } } as const;

const label = (labels: { zh: string; en: string }, lang: Lang) => (lang === 'zh' ? labels.zh : labels.en);

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
