import {
  BASIC_INDICATORS,
  type BasicReport,
  type ClassSizeResponse,
  cvDisplayDecimals,
  type FilingTableKey,
  LOCALE_LABELS,
  QUALITY_CELL_STATE_LABELS,
  QUALITY_INDICATORS,
  QUALITY_NEAR_MISS_RATIO,
  type QualityCellState,
  type QualityIndicatorKey,
  type QualityReport,
  qualityCellState,
  type RotationReport,
  SCHOOL_TYPE_LABELS,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from '@junheng/shared';
import { displayWidth } from '../export/print-setup.ts';
import type { ExportTable } from '../export/table.ts';

type Lang = 'zh' | 'en';

/** One cell of a filing table: its value at full precision, the decimals the screen shows, and its compliance state. */
export interface FilingCell {
  value: string | number | null;
  /** Display decimals of a number (the XLSX number format, the Excel CSV's rounding); full precision is kept. */
  decimals?: number;
  /** Shading of a compliance cell, as the compliance view colours it. */
  state?: QualityCellState;
}

export interface FilingColumn {
  header: string;
  /** Width in characters (a CJK character counts 2). */
  width: number;
}

/**
 * One standard table as data: what the XLSX sheet, the CSV and the Word report's 附表 all print. Rows hold the
 * services' figures unchanged; only `decimals` says how they are shown.
 */
export interface FilingTable {
  key: FilingTableKey;
  /** The table's official title, e.g. 县域义务教育学校校际均衡情况表. */
  title: string;
  /** Sheet name (≤ 31 characters). */
  sheetName: string;
  /** County and year line under the title. */
  subtitle: string;
  columns: FilingColumn[];
  rows: FilingCell[][];
  /** Lines printed under the table: counts, limits, verdicts and conventions. */
  notes: string[];
}

/** Per stage, what the engine reported for the county year (the same reports the views show). */
export interface FilingInput {
  district: { code: string; name: string };
  year: number;
  quality: Record<Stage, QualityReport>;
  /** Numerator of each school's indicator (X = per × numerator ÷ students), from the same stage units. */
  numerators: Record<Stage, Map<string, Partial<Record<QualityIndicatorKey, number>>>>;
  basic: Record<Stage, BasicReport>;
  classSize: Record<
    Stage,
    Pick<
      ClassSizeResponse,
      | 'schools'
      | 'classes'
      | 'largeShare'
      | 'hugeShare'
      | 'largeSharePasses'
      | 'hugeSharePasses'
      | 'oversizeSchools'
      | 'schoolsOverLimit'
    >
  >;
  rotation: Pick<
    RotationReport,
    | 'eligible'
    | 'rotated'
    | 'ratio'
    | 'ratioLimit'
    | 'ratioPasses'
    | 'backboneRotated'
    | 'backboneShare'
    | 'backboneShareLimit'
    | 'backbonePasses'
    | 'schools'
    | 'multiYear'
    | 'ratioSchools'
  >;
}

const TEXT = {
  schoolBalance: { zh: '县域义务教育学校校际均衡情况表', en: 'Inter-school balance of compulsory education' },
  schoolBalanceSheet: { zh: '校际均衡情况', en: 'Inter-school balance' },
  compliance: { zh: '学校资源配置七项指标达标情况表', en: 'Schools against the seven resource indicators' },
  complianceSheet: { zh: '七项指标达标情况', en: 'Seven indicators' },
  basic: { zh: '县域义务教育基本均衡校际差异系数表（2012）', en: 'Basic balance 2012: CVs between schools' },
  basicSheet: { zh: '基本均衡差异系数', en: 'Basic balance 2012' },
  classSize: { zh: '义务教育学校班额与校额情况表', en: 'Class size and school size' },
  classSizeSheet: { zh: '班额与校额', en: 'Class and school size' },
  rotation: { zh: '义务教育教师交流轮岗情况表', en: 'Teacher rotation' },
  rotationSheet: { zh: '教师交流轮岗', en: 'Teacher rotation' },
} as const;

const pick = (label: { zh: string; en: string }, lang: Lang) => label[lang];
const stageName = (stage: Stage, lang: Lang) => pick(STAGE_LABELS[stage], lang);
const yesNo = (value: boolean | null, lang: Lang) =>
  value === null
    ? lang === 'zh'
      ? '无数据'
      : 'no data'
    : lang === 'zh'
      ? value
        ? '是'
        : '否'
      : value
        ? 'yes'
        : 'no';

const text = (value: string | null): FilingCell => ({ value });
const num = (value: number | null | undefined, decimals: number): FilingCell => ({ value: value ?? null, decimals });

/** A column as wide as its longest cell (headers wrap, so they count up to `headerMax`), within [min, max]. */
function fitColumn(header: string, cells: string[], options: { min?: number; max?: number; headerMax?: number } = {}) {
  const { min = 6, max = 60, headerMax = 12 } = options;
  const content = Math.max(Math.min(displayWidth(header), headerMax), ...cells.map(displayWidth));
  return { header, width: Math.min(max, Math.max(min, content + 2)) };
}

/** The fewest decimals ≥ `min` that show a value exactly (85% of 7.5 is 6.375, not 6.38), at most `max`. */
export function exactDecimals(value: number, min: number, max = 4): number {
  for (let d = min; d < max; d += 1) if (Math.abs(Number(value.toFixed(d)) - value) < 1e-9) return d;
  return max;
}

function percent(ratio: number | null, lang: Lang): string {
  return ratio === null ? (lang === 'zh' ? '无数据' : 'no data') : `${(ratio * 100).toFixed(1)}%`;
}

function subtitleOf(input: FilingInput, lang: Lang): string {
  return lang === 'zh'
    ? `县（市、区）：${input.district.name}（${input.district.code}）　　年度：${input.year}`
    : `County: ${input.district.name} (${input.district.code})    Year: ${input.year}`;
}

const qualityHeader = (d: (typeof QUALITY_INDICATORS)[number], lang: Lang) =>
  lang === 'zh' ? `${d.zh}（${d.unitZh}）` : `${d.en} (${d.unitEn})`;

/**
 * 县域义务教育学校校际均衡情况表: per stage, 全县平均值 / 标准差 / 差异系数 of the seven 2017 indicators, and in the
 * last column of the 差异系数 row the plain mean of the seven CVs (the layout counties publish; informational, the
 * 2017 method judges each CV against its limit).
 */
export function buildSchoolBalanceTable(input: FilingInput, lang: Lang): FilingTable {
  const zh = lang === 'zh';
  const meanOfCvs = zh ? '七项指标差异系数平均值' : 'Mean of the seven CVs';
  const rows: FilingCell[][] = [];
  const notes: string[] = [];
  for (const stage of STAGES) {
    const report = input.quality[stage];
    const byKey = new Map(report.indicators.map((i) => [i.key, i]));
    const line = (label: string, cell: (key: QualityIndicatorKey, decimals: number) => FilingCell, last: FilingCell) =>
      rows.push([
        text(stageName(stage, lang)),
        text(label),
        ...QUALITY_INDICATORS.map((d) => cell(d.key, d.decimals)),
        last,
      ]);
    line(zh ? '全县平均值' : 'County mean', (key, d) => num(byKey.get(key)?.mean, d), text(null));
    line(zh ? '标准差' : 'Standard deviation', (key, d) => num(byKey.get(key)?.sd, d), text(null));
    line(
      zh ? '差异系数' : 'CV',
      (key) => {
        const indicator = byKey.get(key);
        return num(indicator?.cv, cvDisplayDecimals(indicator?.cv, report.cvLimit));
      },
      num(report.compositeCv.value, 3),
    );
    const failing = report.indicators.filter((i) => i.cvPasses === false).map((i) => i.zh);
    notes.push(
      zh
        ? `${stageName(stage, lang)}：参与计算学校 ${report.schoolsCounted} 所，在校生 ${report.studentsCounted} 人；差异系数限值 ≤ ${report.cvLimit.toFixed(2)}；` +
            (report.verdict.cvPasses === null
              ? '学校少于 2 所，差异系数无意义。'
              : failing.length === 0
                ? '七项差异系数均达标。'
                : `未达标：${failing.join('、')}。`)
        : `${stageName(stage, lang)}: ${report.schoolsCounted} schools, ${report.studentsCounted} students; CV limit ≤ ${report.cvLimit.toFixed(2)}; ` +
            (report.verdict.cvPasses === null
              ? 'fewer than 2 schools, CVs not meaningful.'
              : failing.length === 0
                ? 'all seven CVs within the limit.'
                : `over the limit: ${report.indicators
                    .filter((i) => i.cvPasses === false)
                    .map((i) => QUALITY_INDICATORS.find((d) => d.key === i.key)?.en ?? i.key)
                    .join(', ')}.`),
    );
  }
  notes.push(
    zh
      ? '全县平均值按在校生数加权；差异系数 CV = 标准差 ÷ 全县平均值；七项指标差异系数平均值仅供参考（2017 办法对每项差异系数分别判定）。'
      : 'Means are weighted by students; CV = SD ÷ mean; the mean of the seven CVs is informational (the 2017 method judges each CV).',
  );
  return {
    key: 'school-balance',
    title: pick(TEXT.schoolBalance, lang),
    sheetName: pick(TEXT.schoolBalanceSheet, lang),
    subtitle: subtitleOf(input, lang),
    columns: [
      { header: zh ? '学段' : 'Stage', width: zh ? 6 : 10 },
      { header: zh ? '项目' : 'Item', width: zh ? 12 : 18 },
      ...QUALITY_INDICATORS.map((d) => ({ header: qualityHeader(d, lang), width: 14 })),
      { header: meanOfCvs, width: 14 },
    ],
    rows,
    notes,
  };
}

/** Decimals of a numerator: whole teachers; areas, rooms of shared buildings and yuan as the engine attributed them. */
const NUMERATOR_DECIMALS: Record<QualityIndicatorKey, number> = {
  higher_degree_teachers_per100: 0,
  backbone_teachers_per100: 0,
  pe_art_teachers_per100: 0,
  teaching_room_area_per_student: 2,
  sports_area_per_student: 2,
  equipment_value_per_student: 0,
  multimedia_rooms_per100: 2,
};

/**
 * 学校资源配置七项指标达标情况表: one row per school and indicator (seven rows a school, so full school names and every
 * figure stay readable on A4) with 基本值 (85% of the standard), 达标值, 实际值, 分子, 学生数 and 是否达标 (met / ≥ 85% /
 * under 85%), then the school's met count and verdict. The state shades 实际值 and 是否达标 as the compliance view does.
 */
export function buildComplianceTable(input: FilingInput, lang: Lang): FilingTable {
  const zh = lang === 'zh';
  const rows: FilingCell[][] = [];
  const notes: string[] = [];
  let index = 0;
  for (const stage of STAGES) {
    const report = input.quality[stage];
    for (const school of report.schools) {
      index += 1;
      const numerators = input.numerators[stage].get(school.code) ?? {};
      for (const d of QUALITY_INDICATORS) {
        const threshold = d.threshold[stage];
        const base = threshold * QUALITY_NEAR_MISS_RATIO;
        const value = school.values[d.key] ?? null;
        const state = qualityCellState(value, school.met[d.key], threshold);
        rows.push([
          num(index, 0),
          text(stageName(stage, lang)),
          text(school.name),
          text(zh ? d.zh : d.en),
          num(base, exactDecimals(base, d.decimals)),
          num(threshold, exactDecimals(threshold, d.decimals)),
          { ...num(value, d.decimals), state },
          num(numerators[d.key] ?? null, NUMERATOR_DECIMALS[d.key]),
          num(school.students, 0),
          { value: pick(QUALITY_CELL_STATE_LABELS[state], lang), state },
          num(school.metCount, 0),
          text(yesNo(school.passes, lang)),
        ]);
      }
    }
    notes.push(
      zh
        ? `${stageName(stage, lang)}：学校 ${report.schools.length} 所，资源配置达标 ${report.verdict.schoolsPassing} 所。`
        : `${stageName(stage, lang)}: ${report.schools.length} schools, ${report.verdict.schoolsPassing} pass.`,
    );
  }
  notes.push(
    zh
      ? '基本值 = 达标值 × 85%；实际值 = 分子 ÷ 学生数（“每百名学生”指标 × 100）。学校达标：七项中至少六项达到达标值，其余一项不低于基本值。多学段学校的校舍、场馆、设备按学段折算后计入分子。'
      : 'Base = standard × 85%; value = numerator ÷ students (× 100 for per-100 indicators). A school passes with at least six of seven met and the other at ≥ the base. Shared assets of multi-stage schools are split by stage.',
  );
  const names = rows.map((r) => String(r[2]?.value ?? ''));
  const indicatorNames = QUALITY_INDICATORS.map((d) => (zh ? d.zh : d.en));
  const stateNames = Object.values(QUALITY_CELL_STATE_LABELS).map((l) => pick(l, lang));
  return {
    key: 'compliance',
    title: pick(TEXT.compliance, lang),
    sheetName: pick(TEXT.complianceSheet, lang),
    subtitle: subtitleOf(input, lang),
    columns: [
      { header: zh ? '序号' : 'No.', width: 6 },
      { header: zh ? '学段' : 'Stage', width: zh ? 6 : 10 },
      fitColumn(zh ? '学校名称' : 'School', names, { min: 16 }),
      fitColumn(zh ? '指标' : 'Indicator', indicatorNames, { max: 52 }),
      { header: zh ? '基本值（达标值×85%）' : 'Base (85%)', width: 11 },
      { header: zh ? '达标值' : 'Standard', width: 9 },
      { header: zh ? '实际值' : 'Value', width: 10 },
      { header: zh ? '分子' : 'Numerator', width: 12 },
      { header: zh ? '学生数' : 'Students', width: 8 },
      fitColumn(zh ? '是否达标' : 'Met', stateNames, { max: 20 }),
      { header: zh ? '学校达标项数' : 'Indicators met', width: 8 },
      { header: zh ? '学校是否达标' : 'School passes', width: 8 },
    ],
    rows,
    notes,
  };
}

/**
 * The 2012 basic-balance table: per stage, 全县平均值 and 差异系数 of the eight indicators in their published units,
 * and the 综合差异系数 (mean of the eight CVs, judged against its limit) in the last column of the 差异系数 row.
 */
export function buildBasicBalanceFilingTable(input: FilingInput, lang: Lang): FilingTable {
  const zh = lang === 'zh';
  const rows: FilingCell[][] = [];
  const notes: string[] = [];
  for (const stage of STAGES) {
    const report = input.basic[stage];
    const byKey = new Map(report.indicators.map((i) => [i.key, i]));
    rows.push([
      text(stageName(stage, lang)),
      text(zh ? '全县平均值' : 'County mean'),
      ...BASIC_INDICATORS.map((d) => num(byKey.get(d.key)?.mean, d.decimals)),
      text(null),
    ]);
    rows.push([
      text(stageName(stage, lang)),
      text(zh ? '差异系数' : 'CV'),
      ...BASIC_INDICATORS.map((d) => num(byKey.get(d.key)?.cv, 3)),
      num(report.compositeCv, cvDisplayDecimals(report.compositeCv, report.compositeLimit)),
    ]);
    notes.push(
      zh
        ? `${stageName(stage, lang)}：参与计算学校 ${report.schoolsCounted} 所；综合差异系数限值 ≤ ${report.compositeLimit.toFixed(2)}，${report.compositePasses === null ? '无法判定' : report.compositePasses ? '达标' : '未达标'}。`
        : `${stageName(stage, lang)}: ${report.schoolsCounted} schools; composite CV limit ≤ ${report.compositeLimit.toFixed(2)}: ${report.compositePasses === null ? 'no verdict' : report.compositePasses ? 'passes' : 'fails'}.`,
    );
  }
  notes.push(
    zh
      ? '依据教督〔2012〕3号：只计公办学校，不计教学点；综合差异系数为八项差异系数的平均值。'
      : 'After 教督〔2012〕3号: public schools only, no teaching points; the composite is the mean of the eight CVs.',
  );
  return {
    key: 'basic-balance',
    title: pick(TEXT.basic, lang),
    sheetName: pick(TEXT.basicSheet, lang),
    subtitle: subtitleOf(input, lang),
    columns: [
      { header: zh ? '学段' : 'Stage', width: zh ? 6 : 10 },
      { header: zh ? '项目' : 'Item', width: zh ? 10 : 14 },
      ...BASIC_INDICATORS.map((d) => ({
        header: zh ? `${d.zh}（${d.unitZh}）` : `${d.en} (${d.unitEn})`,
        width: 12,
      })),
      { header: zh ? '综合差异系数' : 'Composite CV', width: 10 },
    ],
    rows,
    notes,
  };
}

/** 班额与校额: per stage and school, classes of 56–65 and 66+, the largest class against its limit, and school size. */
export function buildClassSizeFilingTable(input: FilingInput, lang: Lang): FilingTable {
  const zh = lang === 'zh';
  const noData = zh ? '无数据' : 'no data';
  const rows: FilingCell[][] = [];
  const notes: string[] = [];
  let index = 0;
  for (const stage of STAGES) {
    const report = input.classSize[stage];
    for (const school of report.schools) {
      index += 1;
      rows.push([
        num(index, 0),
        text(stageName(stage, lang)),
        text(school.name),
        text(pick(SCHOOL_TYPE_LABELS[school.schoolType], lang)),
        num(school.classes, 0),
        school.largeClasses === null ? text(noData) : num(school.largeClasses, 0),
        school.hugeClasses === null ? text(noData) : num(school.hugeClasses, 0),
        school.maxClassSize === null ? text(noData) : num(school.maxClassSize, 0),
        num(school.limit, 0),
        text(yesNo(school.passes, lang)),
        num(school.students, 0),
        num(school.sizeLimit, 0),
        text(yesNo(school.oversize, lang)),
      ]);
    }
    notes.push(
      zh
        ? `${stageName(stage, lang)}：班级 ${report.classes} 个，56 人及以上大班额占 ${percent(report.largeShare, lang)}（≤ 5%：${yesNo(report.largeSharePasses, lang)}），66 人及以上超大班额占 ${percent(report.hugeShare, lang)}（为 0：${yesNo(report.hugeSharePasses, lang)}）；班额超标学校 ${report.schoolsOverLimit} 所，超规模学校 ${report.oversizeSchools} 所。`
        : `${stageName(stage, lang)}: ${report.classes} classes, 56+ ${percent(report.largeShare, lang)} (≤ 5%: ${yesNo(report.largeSharePasses, lang)}), 66+ ${percent(report.hugeShare, lang)} (none: ${yesNo(report.hugeSharePasses, lang)}); ${report.schoolsOverLimit} schools over the class limit, ${report.oversizeSchools} oversize.`,
    );
  }
  notes.push(
    zh
      ? '班额标准：小学 ≤ 45 人，初中 ≤ 50 人；学校规模：单一学段 ≤ 2000 人，九年一贯制、十二年一贯制 ≤ 2500 人（按全校人数）。'
      : 'Class limit: primary ≤ 45, junior ≤ 50; school size: ≤ 2000 (single stage), ≤ 2500 (nine- and twelve-year schools, whole school).',
  );
  const names = rows.map((r) => String(r[2]?.value ?? ''));
  return {
    key: 'class-size',
    title: pick(TEXT.classSize, lang),
    sheetName: pick(TEXT.classSizeSheet, lang),
    subtitle: subtitleOf(input, lang),
    columns: [
      { header: zh ? '序号' : 'No.', width: 6 },
      { header: zh ? '学段' : 'Stage', width: zh ? 6 : 10 },
      fitColumn(zh ? '学校名称' : 'School', names, { min: 16 }),
      { header: zh ? '办学类型' : 'Type', width: 18 },
      { header: zh ? '班数' : 'Classes', width: 7 },
      { header: zh ? '56–65 人班数' : 'Classes 56–65', width: 9 },
      { header: zh ? '66 人及以上班数' : 'Classes 66+', width: 9 },
      { header: zh ? '最大班额' : 'Largest class', width: 8 },
      { header: zh ? '班额标准' : 'Class limit', width: 8 },
      { header: zh ? '班额达标' : 'Within limit', width: 8 },
      { header: zh ? '学校规模（人）' : 'School size', width: 10 },
      { header: zh ? '规模标准' : 'Size limit', width: 8 },
      { header: zh ? '超规模' : 'Oversize', width: 8 },
    ],
    rows,
    notes,
  };
}

/** 教师交流轮岗: per school, eligible teachers, teachers rotated out and in, backbone out and in; county ratios in notes. */
export function buildRotationFilingTable(input: FilingInput, lang: Lang): FilingTable {
  const zh = lang === 'zh';
  const report = input.rotation;
  const rows: FilingCell[][] = report.schools.map((school, i) => [
    num(i + 1, 0),
    text(school.name),
    text(school.townshipName),
    text(pick(LOCALE_LABELS[school.locale], lang)),
    num(school.eligible, 0),
    num(school.out, 0),
    num(school.in, 0),
    num(school.backboneOut, 0),
    num(school.backboneIn, 0),
  ]);
  const notes = [
    zh
      ? `全县：符合交流条件教师 ${report.eligible} 人，交流轮岗 ${report.rotated} 人，交流比例 ${percent(report.ratio, lang)}（≥ ${(report.ratioLimit * 100).toFixed(0)}%：${yesNo(report.ratioPasses, lang)}）；其中骨干教师 ${report.backboneRotated} 人，占 ${percent(report.backboneShare, lang)}（≥ ${(report.backboneShareLimit * 100).toFixed(0)}%：${yesNo(report.backbonePasses, lang)}）。`
      : `County: ${report.eligible} eligible teachers, ${report.rotated} rotated, ratio ${percent(report.ratio, lang)} (≥ ${(report.ratioLimit * 100).toFixed(0)}%: ${yesNo(report.ratioPasses, lang)}); backbone ${report.backboneRotated}, ${percent(report.backboneShare, lang)} (≥ ${(report.backboneShareLimit * 100).toFixed(0)}%: ${yesNo(report.backbonePasses, lang)}).`,
    zh
      ? `口径：${report.multiYear === 'first_year' ? '多年交流只计首个学年' : '多年交流在外每个学年都计'}；${report.ratioSchools === 'public' ? '比例只计公办学校' : '比例计入民办学校'}。`
      : `Conventions: ${report.multiYear === 'first_year' ? 'multi-year rotations count in their first year' : 'multi-year rotations count every year away'}; ${report.ratioSchools === 'public' ? 'ratios count public schools only' : 'ratios include private schools'}.`,
  ];
  const names = rows.map((r) => String(r[1]?.value ?? ''));
  return {
    key: 'teacher-exchange',
    title: pick(TEXT.rotation, lang),
    sheetName: pick(TEXT.rotationSheet, lang),
    subtitle: subtitleOf(input, lang),
    columns: [
      { header: zh ? '序号' : 'No.', width: 6 },
      fitColumn(zh ? '学校名称' : 'School', names, { min: 16 }),
      fitColumn(
        zh ? '乡镇（街道）' : 'Township',
        rows.map((r) => String(r[2]?.value ?? '')),
      ),
      { header: zh ? '城乡类别' : 'Urban–rural', width: 8 },
      { header: zh ? '符合交流条件教师数' : 'Eligible teachers', width: 10 },
      { header: zh ? '交流出校' : 'Rotated out', width: 8 },
      { header: zh ? '交流入校' : 'Rotated in', width: 8 },
      { header: zh ? '骨干教师出校' : 'Backbone out', width: 8 },
      { header: zh ? '骨干教师入校' : 'Backbone in', width: 8 },
    ],
    rows,
    notes,
  };
}

/** Every standard table of the county year, in the workbook's order (issue #12 point 2; the Word report's 附表). */
export function buildFilingTables(input: FilingInput, lang: Lang): FilingTable[] {
  return [
    buildSchoolBalanceTable(input, lang),
    buildComplianceTable(input, lang),
    buildBasicBalanceFilingTable(input, lang),
    buildClassSizeFilingTable(input, lang),
    buildRotationFilingTable(input, lang),
  ];
}

/** A filing table as an export table (the CSV writer's input): one column per table column. */
export function toExportTable(table: FilingTable): ExportTable<FilingCell[]> {
  return {
    titleZh: table.title,
    titleEn: table.title,
    columns: table.columns.map((c, i) => ({
      key: `c${i}`,
      zh: c.header,
      en: c.header,
      decimalsOf: (row: FilingCell[]) => row[i]?.decimals ?? 0,
      value: (row: FilingCell[]) => row[i]?.value ?? null,
    })),
    rows: table.rows,
  };
}
