import type { RotationMultiYearMode, RotationRatioSchools, TeacherExchangeResponse } from '@junheng/shared';
import { indicatorName, type Lang, localeName, stageName } from '../export/indicator-labels.ts';
import type { ExportLabels } from '../export/report-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { yesNo } from '../export/table.ts';

type SchoolRow = TeacherExchangeResponse['schools'][number];
type FlowRow = TeacherExchangeResponse['flows'][number];
type EffectRow = TeacherExchangeResponse['effect']['rows'][number];
type YearRow = TeacherExchangeResponse['series'][number];

const FLOW_LEVEL_LABELS = {
  school: { zh: '学校', en: 'School' },
  township: { zh: '乡镇', en: 'Township' },
  locale: { zh: '城乡', en: 'Urban–rural' },
} as const;

export const MULTI_YEAR_LABELS: Record<RotationMultiYearMode, { zh: string; en: string }> = {
  first_year: { zh: '多年交流只计首个学年', en: 'multi-year rotation counted in its first school year' },
  every_year: { zh: '多年交流在外每个学年都计', en: 'multi-year rotation counted in every school year away' },
};
export const RATIO_SCHOOLS_LABELS: Record<RotationRatioSchools, { zh: string; en: string }> = {
  public: { zh: '比例只计公办学校', en: 'ratios count public schools only' },
  all: { zh: '比例计入民办学校', en: 'ratios include private schools' },
};

/**
 * The export labels with the rotation conventions the numbers follow: always on the 说明 sheet, and in the file name
 * when they differ from the defaults (so two downloads under different conventions never share a name).
 */
export function addRotationConventions(
  labels: ExportLabels,
  report: Pick<TeacherExchangeResponse, 'multiYear' | 'ratioSchools'>,
  lang: Lang,
): ExportLabels {
  const multiYear = MULTI_YEAR_LABELS[report.multiYear][lang];
  const ratioSchools = RATIO_SCHOOLS_LABELS[report.ratioSchools][lang];
  return {
    ...labels,
    fileNameParts: [
      ...labels.fileNameParts,
      ...(report.multiYear === 'first_year' ? [] : [multiYear]),
      ...(report.ratioSchools === 'public' ? [] : [ratioSchools]),
    ],
    filters: [
      ...labels.filters,
      [lang === 'zh' ? '多年交流' : 'Multi-year rotations', multiYear],
      [lang === 'zh' ? '比例计入学校' : 'Schools in the ratios', ratioSchools],
    ],
  };
}

export function buildRotationSchoolTable(report: TeacherExchangeResponse, lang: Lang): ExportTable<SchoolRow> {
  const columns: ExportColumn<SchoolRow>[] = [
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.name },
    { key: 'township', zh: '乡镇/街道', en: 'Township', value: (r) => r.townshipName },
    { key: 'locale', zh: '城乡分类', en: 'Urban–rural', value: (r) => localeName(r.locale, lang) },
    { key: 'eligible', zh: '符合交流条件教师数', en: 'Eligible', unitZh: '人', decimals: 0, value: (r) => r.eligible },
    { key: 'out', zh: '交流出校', en: 'Rotated out', unitZh: '人', decimals: 0, value: (r) => r.out },
    { key: 'in', zh: '交流入校', en: 'Rotated in', unitZh: '人', decimals: 0, value: (r) => r.in },
    {
      key: 'backboneOut',
      zh: '骨干教师出校',
      en: 'Backbone out',
      unitZh: '人',
      decimals: 0,
      value: (r) => r.backboneOut,
    },
    { key: 'backboneIn', zh: '骨干教师入校', en: 'Backbone in', unitZh: '人', decimals: 0, value: (r) => r.backboneIn },
  ];
  return { titleZh: '各校交流', titleEn: 'Schools', columns, rows: report.schools };
}

export function buildRotationFlowTable(report: TeacherExchangeResponse, lang: Lang): ExportTable<FlowRow> {
  const columns: ExportColumn<FlowRow>[] = [
    { key: 'level', zh: '层级', en: 'Level', value: (r) => FLOW_LEVEL_LABELS[r.level][lang] },
    { key: 'from', zh: '派出', en: 'From', value: (r) => r.from },
    {
      key: 'fromName',
      zh: '派出名称',
      en: 'From (name)',
      value: (r) => (r.level === 'locale' ? localeName(r.from, lang) : r.fromName),
    },
    { key: 'to', zh: '接收', en: 'To', value: (r) => r.to },
    {
      key: 'toName',
      zh: '接收名称',
      en: 'To (name)',
      value: (r) => (r.level === 'locale' ? localeName(r.to, lang) : r.toName),
    },
    { key: 'count', zh: '教师数', en: 'Teachers', unitZh: '人', decimals: 0, value: (r) => r.count },
    { key: 'backbone', zh: '其中骨干教师', en: 'Backbone', unitZh: '人', decimals: 0, value: (r) => r.backbone },
  ];
  return { titleZh: '交流流向', titleEn: 'Flows', columns, rows: report.flows };
}

export function buildRotationEffectTable(report: TeacherExchangeResponse, lang: Lang): ExportTable<EffectRow> {
  const columns: ExportColumn<EffectRow>[] = [
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.name },
    { key: 'stage', zh: '学段', en: 'Stage', value: (r) => stageName(r.stage, lang) },
    { key: 'students', zh: '在校生数', en: 'Students', unitZh: '人', decimals: 0, value: (r) => r.students },
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'indicator', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.key, lang) },
    { key: 'before', zh: '交流前', en: 'Before', decimals: 2, value: (r) => r.before },
    { key: 'after', zh: '交流后', en: 'After', decimals: 2, value: (r) => r.after },
    { key: 'delta', zh: '变化', en: 'Change', decimals: 2, value: (r) => r.delta },
  ];
  return { titleZh: '对师资的影响', titleEn: 'Effect', columns, rows: report.effect.rows };
}

export function buildRotationYearTable(report: TeacherExchangeResponse, lang: Lang): ExportTable<YearRow> {
  const columns: ExportColumn<YearRow>[] = [
    { key: 'year', zh: '年度', en: 'Year', value: (r) => r.year },
    { key: 'eligible', zh: '符合交流条件教师数', en: 'Eligible', unitZh: '人', decimals: 0, value: (r) => r.eligible },
    { key: 'rotated', zh: '交流教师数', en: 'Rotated', unitZh: '人', decimals: 0, value: (r) => r.rotated },
    { key: 'ratio', zh: '交流比例', en: 'Ratio', decimals: 3, value: (r) => r.ratio },
    { key: 'ratioPasses', zh: '交流比例达标(≥10%)', en: 'Ratio ≥ 10%', value: (r) => yesNo(r.ratioPasses, lang) },
    {
      key: 'backboneRotated',
      zh: '交流骨干教师数',
      en: 'Backbone rotated',
      unitZh: '人',
      decimals: 0,
      value: (r) => r.backboneRotated,
    },
    { key: 'backboneShare', zh: '骨干教师占比', en: 'Backbone share', decimals: 3, value: (r) => r.backboneShare },
    {
      key: 'backbonePasses',
      zh: '骨干占比达标(≥20%)',
      en: 'Backbone share ≥ 20%',
      value: (r) => yesNo(r.backbonePasses, lang),
    },
    {
      key: 'netBackboneToRural',
      zh: '骨干教师净流入乡村',
      en: 'Net backbone to rural',
      unitZh: '人',
      decimals: 0,
      value: (r) => r.netBackboneToRural,
    },
  ];
  return { titleZh: '历年交流', titleEn: 'Years', columns, rows: report.series };
}
