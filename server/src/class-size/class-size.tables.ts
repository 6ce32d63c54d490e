import { type ClassSizeResponse, SCHOOL_TYPE_LABELS } from '@junheng/shared';
import type { Lang } from '../export/indicator-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { yesNo } from '../export/table.ts';

type SchoolRow = ClassSizeResponse['schools'][number];
type TrendRow = ClassSizeResponse['trend'][number];

/** Unknown values read 无数据 in the file, as on the screen (never an empty cell that looks like 0). */
const NO_DATA = { zh: '无数据', en: 'no data' } as const;

const orNoData = (value: number | null, lang: Lang) => (value === null ? NO_DATA[lang] : value);
const verdict = (value: boolean | null, lang: Lang) => (value === null ? NO_DATA[lang] : yesNo(value, lang));

const BASIS = {
  stage: { zh: '分学段数据', en: 'per-stage columns' },
  school: { zh: '全校数据推得', en: 'from school-wide columns' },
} as const;

/** One row per school of the stage: classes, 56–65 / 66+ counts, largest class against the limit, school size. */
export function buildClassSizeSchoolTable(report: ClassSizeResponse, lang: Lang): ExportTable<SchoolRow> {
  const columns: ExportColumn<SchoolRow>[] = [
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.name },
    { key: 'schoolType', zh: '办学类型', en: 'Type', value: (r) => SCHOOL_TYPE_LABELS[r.schoolType][lang] },
    { key: 'township', zh: '乡镇', en: 'Township', value: (r) => r.townshipName },
    { key: 'classes', zh: '班数', en: 'Classes', decimals: 0, value: (r) => r.classes },
    {
      key: 'largeClasses',
      zh: '大班额班数(56-65人)',
      en: 'Classes of 56–65',
      decimals: 0,
      value: (r) => orNoData(r.largeClasses, lang),
    },
    {
      key: 'hugeClasses',
      zh: '超大班额班数(66人及以上)',
      en: 'Classes of 66+',
      decimals: 0,
      value: (r) => orNoData(r.hugeClasses, lang),
    },
    {
      key: 'maxClassSize',
      zh: '最大班额',
      en: 'Largest class',
      unitZh: '人',
      decimals: 0,
      value: (r) => orNoData(r.maxClassSize, lang),
    },
    {
      key: 'maxBound',
      zh: '最大班额上限(全校)',
      en: 'Largest class at most (school-wide)',
      unitZh: '人',
      decimals: 0,
      value: (r) => r.maxBound,
    },
    { key: 'limit', zh: '班额标准', en: 'Limit', unitZh: '人', decimals: 0, value: (r) => r.limit },
    { key: 'passes', zh: '班额达标', en: 'Within limit', value: (r) => verdict(r.passes, lang) },
    { key: 'basis', zh: '数据来源', en: 'Source', value: (r) => (r.basis ? BASIS[r.basis][lang] : NO_DATA[lang]) },
    { key: 'stageStudents', zh: '本学段在校生数', en: 'Students (stage)', decimals: 0, value: (r) => r.stageStudents },
    { key: 'students', zh: '学校规模计算人数', en: 'Students (size rule)', decimals: 0, value: (r) => r.students },
    { key: 'sizeLimit', zh: '规模标准', en: 'Size limit', decimals: 0, value: (r) => r.sizeLimit },
    { key: 'oversize', zh: '超规模(大校额)', en: 'Oversize', value: (r) => yesNo(r.oversize, lang) },
  ];
  return { titleZh: '大班额与大校额-学校', titleEn: 'Class size by school', columns, rows: report.schools };
}

/** County figures per year: classes, 56–65 / 66+ and their shares against the targets, schools concerned. */
export function buildClassSizeTrendTable(report: ClassSizeResponse, lang: Lang): ExportTable<TrendRow> {
  const columns: ExportColumn<TrendRow>[] = [
    { key: 'year', zh: '年度', en: 'Year', value: (r) => r.year },
    { key: 'schoolsCounted', zh: '学校数', en: 'Schools', decimals: 0, value: (r) => r.schoolsCounted },
    { key: 'classes', zh: '班数', en: 'Classes', decimals: 0, value: (r) => r.classes },
    {
      key: 'largeClasses',
      zh: '大班额班数(56-65人)',
      en: 'Classes of 56–65',
      decimals: 0,
      value: (r) => r.largeClasses,
    },
    {
      key: 'hugeClasses',
      zh: '超大班额班数(66人及以上)',
      en: 'Classes of 66+',
      decimals: 0,
      value: (r) => r.hugeClasses,
    },
    {
      key: 'classesWithoutData',
      zh: '无班额数据的班数',
      en: 'Classes without data',
      decimals: 0,
      value: (r) => r.classesWithoutData,
    },
    { key: 'largeShare', zh: '大班额占比(56人及以上)', en: 'Share of 56+', decimals: 4, value: (r) => r.largeShare },
    { key: 'largeSharePasses', zh: '大班额≤5%', en: '56+ ≤ 5%', value: (r) => verdict(r.largeSharePasses, lang) },
    { key: 'hugeShare', zh: '超大班额占比', en: 'Share of 66+', decimals: 4, value: (r) => r.hugeShare },
    { key: 'hugeSharePasses', zh: '超大班额为0', en: 'No 66+', value: (r) => verdict(r.hugeSharePasses, lang) },
    {
      key: 'schoolsWithLargeClasses',
      zh: '有大班额的学校数',
      en: 'Schools with 56+',
      decimals: 0,
      value: (r) => r.schoolsWithLargeClasses,
    },
    {
      key: 'schoolsOverLimit',
      zh: '班额超标学校数',
      en: 'Schools over limit',
      decimals: 0,
      value: (r) => r.schoolsOverLimit,
    },
    {
      key: 'schoolsUnknown',
      zh: '班额无法判断学校数',
      en: 'Schools not judged',
      decimals: 0,
      value: (r) => r.schoolsUnknown,
    },
    {
      key: 'oversizeSchools',
      zh: '超规模学校数',
      en: 'Oversize schools',
      decimals: 0,
      value: (r) => r.oversizeSchools,
    },
  ];
  return { titleZh: '大班额与大校额-走势', titleEn: 'Class size trend', columns, rows: report.trend };
}
