import {
  type ComparableCountiesResponse,
  type ComparableSchool,
  type ComparableSchoolsResponse,
  QUALITY_INDICATOR_KEYS,
  SCHOOL_TYPE_LABELS,
} from '@junheng/shared';
import { describeIndicator, indicatorName, type Lang, localeName, stageName } from '../export/indicator-labels.ts';
import type { ExportLabels } from '../export/report-labels.ts';
import type { ExportColumn, ExportTable } from '../export/table.ts';
import { yesNo } from '../export/table.ts';

/** The rule in plain words, as the 说明 sheet and the page state it. */
export function describeSchoolRule(rule: ComparableSchoolsResponse['rule'], lang: Lang): string {
  return lang === 'zh'
    ? `同学段、同办学类型的计入学校中，按“差距 = |ln(学生数之比)| + ${rule.localeStepWeight} × 城乡分类相差级数（城区—镇区—乡村）”取最小的 ${rule.limit} 所，差距相同按学校标识码排序；范围为您可查看的全部区县`
    : `Counted schools of the same stage and school type, the ${rule.limit} with the smallest distance = |ln(students ratio)| + ${rule.localeStepWeight} × steps between urban–rural classes (urban–town–rural); ties by school code; over every county you may see`;
}

export function describeCountyRule(rule: ComparableCountiesResponse['rule'], lang: Lang): string {
  return lang === 'zh'
    ? `按“差距 = |ln(义务教育学生数之比)| + ${rule.urbanShareWeight} × |城区学生占比之差|”取最小的 ${rule.limit} 个区县，差距相同按区县代码排序；范围为您可查看的全部区县`
    : `The ${rule.limit} counties with the smallest distance = |ln(compulsory students ratio)| + ${rule.urbanShareWeight} × |difference of urban student share|; ties by district code; over every county you may see`;
}

type SchoolRowOut = ComparableSchool & { role: 'subject' | 'comparator' };

/** The school first, then its comparators nearest first: who they are, the distance and the seven values. */
export function buildComparableSchoolsTable(report: ComparableSchoolsResponse, lang: Lang): ExportTable<SchoolRowOut> {
  const zh = lang === 'zh';
  const columns: ExportColumn<SchoolRowOut>[] = [
    {
      key: 'role',
      zh: '角色',
      en: 'Role',
      value: (r) => (r.role === 'subject' ? (zh ? '本校' : 'This school') : zh ? '可比学校' : 'Comparator'),
    },
    { key: 'code', zh: '学校标识码', en: 'School code', value: (r) => r.code },
    { key: 'name', zh: '学校名称', en: 'School', value: (r) => r.name },
    { key: 'district', zh: '区县', en: 'District', value: (r) => r.district.name },
    { key: 'township', zh: '乡镇/街道', en: 'Township', value: (r) => r.townshipName },
    {
      key: 'schoolType',
      zh: '办学类型',
      en: 'School type',
      value: (r) => SCHOOL_TYPE_LABELS[r.schoolType][zh ? 'zh' : 'en'],
    },
    { key: 'locale', zh: '城乡分类', en: 'Urban–rural', value: (r) => localeName(r.locale, lang) },
    { key: 'students', zh: '学段在校生数', en: 'Students (stage)', decimals: 0, value: (r) => r.students },
    { key: 'distance', zh: '差距', en: 'Distance', decimals: 3, value: (r) => r.distance },
    ...QUALITY_INDICATOR_KEYS.map(
      (key): ExportColumn<SchoolRowOut> => ({
        key,
        zh: indicatorName(key, lang),
        en: indicatorName(key, lang),
        unitZh: describeIndicator(key).unitZh,
        unitEn: describeIndicator(key).unitEn,
        decimals: 2,
        value: (r) => r.values[key] ?? null,
      }),
    ),
    { key: 'metCount', zh: '达标项数', en: 'Indicators met', decimals: 0, value: (r) => r.metCount },
    { key: 'passes', zh: '资源配置达标', en: 'Passes', value: (r) => yesNo(r.passes, lang) },
  ];
  const rows: SchoolRowOut[] = [
    { ...report.school, role: 'subject' },
    ...report.comparators.map((c): SchoolRowOut => ({ ...c, role: 'comparator' })),
  ];
  return { titleZh: '可比学校', titleEn: 'Comparable schools', columns, rows };
}

type StandingRow = ComparableSchoolsResponse['indicators'][number];

/** One row per indicator: the school's value and threshold, the comparators' spread and the school's rank. */
export function buildComparableStandingTable(report: ComparableSchoolsResponse, lang: Lang): ExportTable<StandingRow> {
  const zh = lang === 'zh';
  const columns: ExportColumn<StandingRow>[] = [
    { key: 'key', zh: '指标键', en: 'Key', value: (r) => r.key },
    { key: 'name', zh: '指标', en: 'Indicator', value: (r) => indicatorName(r.key, lang) },
    { key: 'unit', zh: '单位', en: 'Unit', value: (r) => describeIndicator(r.key)[zh ? 'unitZh' : 'unitEn'] },
    { key: 'threshold', zh: '标准', en: 'Threshold', decimals: 2, value: (r) => r.threshold },
    { key: 'value', zh: '本校', en: 'This school', decimals: 2, value: (r) => r.value },
    { key: 'met', zh: '本校达标', en: 'Meets', value: (r) => yesNo(r.met, lang) },
    { key: 'n', zh: '可比学校数', en: 'Comparators', decimals: 0, value: (r) => r.standing.n },
    { key: 'min', zh: '最小值', en: 'Minimum', decimals: 2, value: (r) => r.standing.min },
    { key: 'q1', zh: '下四分位数', en: 'Lower quartile', decimals: 2, value: (r) => r.standing.q1 },
    { key: 'median', zh: '中位数', en: 'Median', decimals: 2, value: (r) => r.standing.median },
    { key: 'q3', zh: '上四分位数', en: 'Upper quartile', decimals: 2, value: (r) => r.standing.q3 },
    { key: 'max', zh: '最大值', en: 'Maximum', decimals: 2, value: (r) => r.standing.max },
    { key: 'rank', zh: '本校排名', en: 'Rank', decimals: 0, value: (r) => r.standing.rank },
    { key: 'of', zh: '参与排名', en: 'Ranked', decimals: 0, value: (r) => r.standing.of },
  ];
  return { titleZh: '可比学校位次', titleEn: 'Standing among comparable schools', columns, rows: report.indicators };
}

export function labelComparableSchools(
  report: ComparableSchoolsResponse,
  table: { titleZh: string; titleEn: string },
  lang: Lang,
): ExportLabels {
  const zh = lang === 'zh';
  return {
    fileNameParts: [
      report.school.district.name,
      report.school.name,
      String(report.year),
      stageName(report.stage, lang),
    ],
    filters: [
      [zh ? '学校' : 'School', `${report.school.name} (${report.school.code})`],
      [zh ? '区县' : 'District', `${report.school.district.name} (${report.school.district.code})`],
      [zh ? '年度' : 'Year', String(report.year)],
      [zh ? '学段' : 'Stage', stageName(report.stage, lang)],
      [
        zh ? '民办学校' : 'Private schools',
        report.includePrivate ? (zh ? '计入' : 'included') : zh ? '不计入' : 'excluded',
      ],
      [zh ? '可比规则' : 'Comparator rule', describeSchoolRule(report.rule, lang)],
      [zh ? '表' : 'Table', zh ? table.titleZh : table.titleEn],
    ],
    dataYears: String(report.year),
  };
}

type CountyRowOut = ComparableCountiesResponse['county'] & { role: 'subject' | 'comparator' };

/** The county first, then the comparable counties: size, urban share, distance and the seven CVs. */
export function buildComparableCountiesTable(
  report: ComparableCountiesResponse,
  lang: Lang,
): ExportTable<CountyRowOut> {
  const zh = lang === 'zh';
  const columns: ExportColumn<CountyRowOut>[] = [
    {
      key: 'role',
      zh: '角色',
      en: 'Role',
      value: (r) => (r.role === 'subject' ? (zh ? '本县' : 'This county') : zh ? '可比区县' : 'Comparator'),
    },
    { key: 'code', zh: '区县代码', en: 'District code', value: (r) => r.code },
    { key: 'name', zh: '区县', en: 'District', value: (r) => r.name },
    { key: 'students', zh: '义务教育在校生数', en: 'Compulsory students', decimals: 0, value: (r) => r.students },
    { key: 'urbanShare', zh: '城区学生占比', en: 'Urban share', decimals: 3, value: (r) => r.urbanShare },
    { key: 'distance', zh: '差距', en: 'Distance', decimals: 3, value: (r) => r.distance },
    { key: 'schoolsCounted', zh: '计入学校数', en: 'Schools counted', decimals: 0, value: (r) => r.schoolsCounted },
    ...QUALITY_INDICATOR_KEYS.map(
      (key): ExportColumn<CountyRowOut> => ({
        key: `cv_${key}`,
        zh: `${indicatorName(key, lang)} 差异系数`,
        en: `${indicatorName(key, lang)} CV`,
        decimals: 3,
        value: (r) => r.cvs[key] ?? null,
      }),
    ),
    { key: 'cvPasses', zh: '差异系数全部达标', en: 'All CVs within limit', value: (r) => yesNo(r.cvPasses, lang) },
  ];
  const rows: CountyRowOut[] = [
    { ...report.county, role: 'subject' },
    ...report.comparators.map((c): CountyRowOut => ({ ...c, role: 'comparator' })),
  ];
  return { titleZh: '可比区县', titleEn: 'Comparable counties', columns, rows };
}

export function labelComparableCounties(report: ComparableCountiesResponse, lang: Lang): ExportLabels {
  const zh = lang === 'zh';
  return {
    fileNameParts: [report.county.name, String(report.year), stageName(report.stage, lang)],
    filters: [
      [zh ? '区县' : 'District', `${report.county.name} (${report.county.code})`],
      [zh ? '年度' : 'Year', String(report.year)],
      [zh ? '学段' : 'Stage', stageName(report.stage, lang)],
      [
        zh ? '民办学校' : 'Private schools',
        report.includePrivate ? (zh ? '计入' : 'included') : zh ? '不计入' : 'excluded',
      ],
      [zh ? '可比规则' : 'Comparator rule', describeCountyRule(report.rule, lang)],
    ],
    dataYears: String(report.year),
  };
}
