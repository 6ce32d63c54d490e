import { z } from 'zod';
import {
  BASIC_INDICATOR_KEYS,
  INDICATOR_KEYS,
  LOCALES,
  OWNERSHIPS,
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
  RESOURCE_UNITS,
  ROTATION_MULTI_YEAR_MODES,
  ROTATION_RATIO_SCHOOLS,
  SCHOOL_TYPES,
  STAGES,
  TEACHING_POINT_MIN_STUDENTS,
  URBAN_RURAL_CODES,
} from '../method.ts';
import { SchoolCodeSchema } from './data.ts';

/**
 * Result contracts of the gap engine (server/src/engine). They are the API response bodies of ARCHITECTURE.md, stable API, so field names
 * are stable: camelCase, the names of the stable API (docs/ARCHITECTURE.md) where it gives them. Values that cannot be computed (0 students, a mean of 0) are
 * `null`, never NaN or Infinity, because JSON cannot carry those.
 */

const stage = z.enum(STAGES);
const locale = z.enum(LOCALES);
const count = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();

export const QualityIndicatorKeySchema = z.enum(QUALITY_INDICATOR_KEYS);
/**
 * One value (or null) per 资源配置 indicator, every key present: a county's seven CVs, a school's seven values. An
 * object of known keys, not a record: stricter, and checked in about two thirds of a record's time, which counts
 * when the country's 2 900 counties arrive in one answer (issue #14).
 */
export const QualityIndicatorValuesSchema = z.object(
  Object.fromEntries(QUALITY_INDICATOR_KEYS.map((key) => [key, nullableNumber])) as Record<
    QualityIndicatorKey,
    typeof nullableNumber
  >,
);
export type QualityIndicatorValues = z.infer<typeof QualityIndicatorValuesSchema>;

/** Seven values from some of them: an indicator not given is null (not computed). */
export function qualityIndicatorValues(given: Partial<QualityIndicatorValues> = {}): QualityIndicatorValues {
  return Object.fromEntries(QUALITY_INDICATOR_KEYS.map((key) => [key, given[key] ?? null])) as QualityIndicatorValues;
}
export const BasicIndicatorKeySchema = z.enum(BASIC_INDICATOR_KEYS);
/** Every indicator the engine computes: the 2017 seven plus the 2012 eight (four keys are shared). */
export const IndicatorKeySchema = z.enum(INDICATOR_KEYS);

export const ResourceUnitSchema = z.enum(RESOURCE_UNITS);

// ---------------------------------------------------------------------------------------------------------------
// Stage units (METHOD.md §2 which schools count, §2.4 multi-stage schools)
// ---------------------------------------------------------------------------------------------------------------

export const EXCLUSION_REASONS = [
  'special',
  'teaching_point',
  'private',
  'unknown_school',
  'no_students',
  'basic_teaching_point',
  'basic_private',
] as const;
export const ExclusionReasonSchema = z.enum(EXCLUSION_REASONS);
export type ExclusionReason = z.infer<typeof ExclusionReasonSchema>;
export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, { zh: string; en: string }> = {
  special: { zh: '特殊教育学校，不参与校际差异系数计算', en: 'Special-education school: not part of the CV' },
  teaching_point: {
    zh: `不足${TEACHING_POINT_MIN_STUDENTS}名学生的教学点，不参与计算（学生计入全县总数）`,
    en: `Teaching point with fewer than ${TEACHING_POINT_MIN_STUDENTS} students (students still count in totals)`,
  },
  private: { zh: '民办学校（已选择不计入）', en: 'Private school (excluded by option)' },
  unknown_school: {
    zh: '统计数据中的学校标识码不在学校名单中',
    en: 'Statistics row for a school not in the school list',
  },
  no_students: {
    zh: '该学段有专任教师或班级，但在校生数为 0，无法计算生均指标（请核对数据）',
    en: 'The stage has teachers or classes but 0 students: no per-student value (check the data)',
  },
  basic_teaching_point: {
    zh: '小学教学点（基本均衡申报表不列教学点，不论人数）',
    en: 'Teaching point (the 2012 basic-balance table lists no teaching point, whatever its size)',
  },
  basic_private: {
    zh: '民办学校（基本均衡申报表只列公办学校）',
    en: 'Private school (the 2012 basic-balance table lists public schools only)',
  },
};

/**
 * Why a report gives no 差异系数 (null): `too_few_units` when fewer than MIN_UNITS_FOR_CV schools are counted (a CV
 * over one school is 0 and says nothing), `not_computable` when the weighted mean is 0 or there are no students.
 */
export const CV_NULL_REASONS = ['too_few_units', 'not_computable'] as const;
export const CvNullReasonSchema = z.enum(CV_NULL_REASONS);
export type CvNullReason = z.infer<typeof CvNullReasonSchema>;

/** Who a stage unit is: the school, where it is, and the stage part with its students. */
const stageUnitIdentity = {
  code: z.string(),
  name: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  urbanRuralCode: z.enum(URBAN_RURAL_CODES),
  locale,
  groupName: z.string().nullable(),
  ownership: z.enum(OWNERSHIPS),
  schoolType: z.enum(SCHOOL_TYPES),
  stage,
  students: count,
};

/** One school's part in one compulsory stage: the "school" of that stage's CV (METHOD.md §5). */
export const StageUnitSchema = z.object({
  ...stageUnitIdentity,
  classes: count,
  teachers: count,
  higherDegreeTeachers: count,
  backboneTeachers: count,
  peArtTeachers: count,
  seniorTitleTeachers: count,
  /** Fraction of the school's shared physical assets attributed to this stage part (1 for single-stage schools). */
  assetShare: z.number().min(0).max(1),
  teachingRoomArea: z.number(),
  sportsArea: z.number(),
  equipmentValue: z.number(),
  multimediaRooms: z.number(),
  computers: z.number(),
  books: z.number(),
});
export type StageUnit = z.infer<typeof StageUnitSchema>;

export const StageUnitExclusionSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** null only for a statistics row whose school is not in the list. */
  townshipCode: z.string().nullable(),
  locale: locale.nullable(),
  groupName: z.string().nullable(),
  stage,
  reason: ExclusionReasonSchema,
  reasonZh: z.string(),
  students: count,
});
export type StageUnitExclusion = z.infer<typeof StageUnitExclusionSchema>;

export const StageTotalsSchema = z.object({
  /** All students of the stage in the county, excluded units included. */
  students: count,
  countedStudents: count,
  excludedStudents: count,
  units: count,
  excludedUnits: count,
});
export type StageTotals = z.infer<typeof StageTotalsSchema>;

export const StageUnitsResultSchema = z.object({
  units: z.array(StageUnitSchema),
  excluded: z.array(StageUnitExclusionSchema),
  totals: z.object({ primary: StageTotalsSchema, junior: StageTotalsSchema }),
  /** Schools in the list with no statistics row for the year (they produce no unit). */
  schoolsWithoutStats: z.array(z.string()),
});
export type StageUnitsResult = z.infer<typeof StageUnitsResultSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Statistics and equity measures
// ---------------------------------------------------------------------------------------------------------------

export const WeightedStatsSchema = z.object({
  n: count,
  totalWeight: z.number(),
  mean: nullableNumber,
  sd: nullableNumber,
  cv: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
});
export type WeightedStats = z.infer<typeof WeightedStatsSchema>;

export const ThielGroupSchema = z.object({
  group: z.string(),
  units: count,
  weight: z.number(),
  mean: nullableNumber,
  theil: nullableNumber,
  /** Share of the total Σ P·X held by the group. */
  valueShare: nullableNumber,
});
export const ThielResultSchema = z.object({
  value: nullableNumber,
  between: nullableNumber,
  within: nullableNumber,
  /** Units with X = 0. They are counted (0·ln 0 = 0: their students are in the mean); this only says how many. */
  zeroValueUnits: count,
  unitsUsed: count,
  groups: z.array(ThielGroupSchema),
});
export type ThielResult = z.infer<typeof ThielResultSchema>;

export const EquityMeasuresSchema = z.object({
  n: count,
  totalWeight: z.number(),
  mean: nullableNumber,
  cv: nullableNumber,
  gini: nullableNumber,
  theil: ThielResultSchema,
  mcloone: nullableNumber,
  median: nullableNumber,
  p5: nullableNumber,
  p95: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
  range: nullableNumber,
  rangeRatio: nullableNumber,
  federalRangeRatio: nullableNumber,
});
export type EquityMeasures = z.infer<typeof EquityMeasuresSchema>;

export const UNIT_GROUPINGS = ['locale', 'township', 'group'] as const;
export const UnitGroupingSchema = z.enum(UNIT_GROUPINGS);
export type UnitGrouping = z.infer<typeof UnitGroupingSchema>;

export const IndicatorEquitySchema = EquityMeasuresSchema.extend({ key: IndicatorKeySchema });
export const EquityReportSchema = z.object({
  stage,
  groupBy: UnitGroupingSchema,
  indicators: z.array(IndicatorEquitySchema),
});
export type EquityReport = z.infer<typeof EquityReportSchema>;

// ---------------------------------------------------------------------------------------------------------------
// 优质均衡 资源配置 (METHOD.md §2) — the balance report
// ---------------------------------------------------------------------------------------------------------------

const qualityValues = z.record(QualityIndicatorKeySchema, nullableNumber);

export const QualityIndicatorResultSchema = z.object({
  key: QualityIndicatorKeySchema,
  zh: z.string(),
  threshold: z.number(),
  cvLimit: z.number(),
  /** Units with a value (students > 0). */
  n: count,
  mean: nullableNumber,
  sd: nullableNumber,
  cv: nullableNumber,
  /** null when the CV cannot be computed (no units, or a mean of 0) or is not meaningful (fewer than 2 units). */
  cvPasses: z.boolean().nullable(),
  /** Why cv is null; null when there is a CV. */
  cvNullReason: CvNullReasonSchema.nullable(),
  schoolsMeeting: count,
  schoolsMissing: count,
  min: nullableNumber,
  max: nullableNumber,
});
export type QualityIndicatorResult = z.infer<typeof QualityIndicatorResultSchema>;

export const QualitySchoolResultSchema = z.object({
  ...stageUnitIdentity,
  values: qualityValues,
  met: z.record(QualityIndicatorKeySchema, z.boolean().nullable()),
  metCount: count,
  missed: z.array(QualityIndicatorKeySchema),
  /** value ÷ threshold of the single missed indicator (must be ≥ 0.85 to pass); null unless exactly one is missed. */
  missedRatio: nullableNumber,
  passes: z.boolean(),
});
export type QualitySchoolResult = z.infer<typeof QualitySchoolResultSchema>;

export const QualityVerdictSchema = z.object({
  /**
   * The county meets 资源配置: every CV within its limit and every counted school passes. null when the CVs are not
   * meaningful (fewer than 2 schools counted): the selection is too small for a verdict.
   */
  passes: z.boolean().nullable(),
  cvPasses: z.boolean().nullable(),
  /** Indicators whose CV exceeds the limit or cannot be computed (none when the CVs are not meaningful). */
  blockingIndicators: z.array(QualityIndicatorKeySchema),
  schoolsPass: z.boolean(),
  schoolsPassing: count,
  failingSchools: z.array(z.object({ code: z.string(), name: z.string(), metCount: count })),
});
export type QualityVerdict = z.infer<typeof QualityVerdictSchema>;

export const QualityReportSchema = z.object({
  regime: z.literal('quality_2017'),
  stage,
  cvLimit: z.number(),
  schoolsCounted: count,
  studentsCounted: count,
  /** All students of the stage in the selection, excluded units included. */
  studentsTotal: count,
  excluded: z.array(StageUnitExclusionSchema),
  indicators: z.array(QualityIndicatorResultSchema),
  schools: z.array(QualitySchoolResultSchema),
  /** Plain mean of the seven CVs. Informational only: the 2017 method has no composite. */
  compositeCv: z.object({ value: nullableNumber, informational: z.literal(true) }),
  verdict: QualityVerdictSchema,
});
export type QualityReport = z.infer<typeof QualityReportSchema>;

// ---------------------------------------------------------------------------------------------------------------
// 基本均衡 (METHOD.md §3)
// ---------------------------------------------------------------------------------------------------------------

export const BasicIndicatorResultSchema = z.object({
  key: BasicIndicatorKeySchema,
  zh: z.string(),
  /** The published unit of mean, sd, min and max (the teacher indicators are ratios per student, e.g. 0.054). */
  unitZh: z.string(),
  unitEn: z.string(),
  n: count,
  mean: nullableNumber,
  sd: nullableNumber,
  cv: nullableNumber,
  cvNullReason: CvNullReasonSchema.nullable(),
  min: nullableNumber,
  max: nullableNumber,
});
export type BasicIndicatorResult = z.infer<typeof BasicIndicatorResultSchema>;

export const BasicReportSchema = z.object({
  regime: z.literal('basic_2012'),
  stage,
  schoolsCounted: count,
  studentsCounted: count,
  excluded: z.array(StageUnitExclusionSchema),
  indicators: z.array(BasicIndicatorResultSchema),
  /** 综合差异系数 = plain mean of the eight CVs; null when any CV cannot be computed. */
  compositeCv: nullableNumber,
  compositeLimit: z.number(),
  compositePasses: z.boolean().nullable(),
  /** Why compositeCv is null: too_few_units (fewer than 2 rows) or not_computable (a CV could not be computed). */
  compositeNullReason: CvNullReasonSchema.nullable(),
  schools: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      students: count,
      values: z.record(BasicIndicatorKeySchema, nullableNumber),
    }),
  ),
});
export type BasicReport = z.infer<typeof BasicReportSchema>;

// ---------------------------------------------------------------------------------------------------------------
// CV decomposition (METHOD.md §7) and urban–rural comparison (METHOD.md §6)
// ---------------------------------------------------------------------------------------------------------------

export const DecompositionGroupSchema = z.object({
  group: z.string(),
  label: z.string(),
  units: count,
  students: z.number(),
  /** P_g / P */
  weightShare: z.number(),
  mean: nullableNumber,
  sd: nullableNumber,
  cv: nullableNumber,
  /** This group's term of CV²_within: (P_g/P)·S_g² / X̄². */
  within: nullableNumber,
  /** This group's term of CV²_between: (P_g/P)·(X̄_g − X̄)² / X̄². */
  between: nullableNumber,
});
export type DecompositionGroup = z.infer<typeof DecompositionGroupSchema>;

export const CvContributionSchema = z.object({
  id: z.string(),
  label: z.string(),
  group: z.string(),
  students: z.number(),
  value: z.number(),
  /** cᵢ = (Pᵢ/P)(Xᵢ − X̄)² / X̄²; the cᵢ sum to CV². */
  contribution: z.number(),
  share: nullableNumber,
  cumulativeShare: nullableNumber,
  rank: z.number().int().positive(),
});
export type CvContribution = z.infer<typeof CvContributionSchema>;

export const CvDecompositionSchema = z.object({
  cv: nullableNumber,
  cvSquared: nullableNumber,
  within: nullableNumber,
  between: nullableNumber,
  withinShare: nullableNumber,
  betweenShare: nullableNumber,
  groups: z.array(DecompositionGroupSchema),
  /** Ranked by contribution, largest first. */
  contributions: z.array(CvContributionSchema),
});
export type CvDecomposition = z.infer<typeof CvDecompositionSchema>;

export const IndicatorDecompositionSchema = CvDecompositionSchema.extend({
  key: IndicatorKeySchema,
  stage,
  groupBy: UnitGroupingSchema,
});
export type IndicatorDecomposition = z.infer<typeof IndicatorDecompositionSchema>;

export const LocaleGroupSchema = z.object({
  locale,
  zh: z.string(),
  schools: count,
  students: count,
  means: qualityValues,
});
export type LocaleGroup = z.infer<typeof LocaleGroupSchema>;

export const LocaleRatioSchema = z.object({
  key: QualityIndicatorKeySchema,
  urbanMean: nullableNumber,
  townMean: nullableNumber,
  ruralMean: nullableNumber,
  /** urban mean ÷ rural mean; null when the rural mean is 0 or missing. */
  urbanToRural: nullableNumber,
  townToRural: nullableNumber,
});
export type LocaleRatio = z.infer<typeof LocaleRatioSchema>;

export const DecompositionRowSchema = z.object({
  key: QualityIndicatorKeySchema,
  cv: nullableNumber,
  within: nullableNumber,
  between: nullableNumber,
  withinShare: nullableNumber,
  betweenShare: nullableNumber,
});
export type DecompositionRow = z.infer<typeof DecompositionRowSchema>;

export const UrbanRuralReportSchema = z.object({
  stage,
  /** The township set the comparison was restricted to; null = whole county. */
  townshipCodes: z.array(z.string()).nullable(),
  groups: z.array(LocaleGroupSchema),
  ratios: z.array(LocaleRatioSchema),
  decomposition: z.array(DecompositionRowSchema),
});
export type UrbanRuralReport = z.infer<typeof UrbanRuralReportSchema>;

export const TownshipComparisonSchema = z.object({
  stage,
  groups: z.array(
    z.object({
      townshipCode: z.string(),
      townshipName: z.string(),
      schools: count,
      students: count,
      means: qualityValues,
    }),
  ),
  decomposition: z.array(DecompositionRowSchema),
});
export type TownshipComparison = z.infer<typeof TownshipComparisonSchema>;

// ---------------------------------------------------------------------------------------------------------------
// 政府保障程度 items computed from school data, county-year inputs and the scorecard (METHOD.md §2)
// ---------------------------------------------------------------------------------------------------------------

const schoolRef = { code: z.string(), name: z.string(), schoolType: z.enum(SCHOOL_TYPES) };

export const GuaranteeReportSchema = z.object({
  schoolsChecked: count,
  excluded: z.array(z.object({ code: z.string(), name: z.string(), reason: ExclusionReasonSchema })),
  schoolSize: z.object({
    schools: z.array(z.object({ ...schoolRef, students: count, limit: z.number(), passes: z.boolean() })),
    oversize: count,
    passes: z.boolean().nullable(),
  }),
  classSize: z.object({
    schools: z.array(
      z.object({
        ...schoolRef,
        /** School-wide largest class (given, or the largest of the per-stage maxima); null = unknown. */
        maxClassSize: count.nullable(),
        /** The strictest limit of the school's stages (45 when it has primary classes). */
        limit: z.number(),
        /** Judged per stage (issue #9): null when the data cannot decide (unknown never passes). */
        passes: z.boolean().nullable(),
        classes56To65: count.nullable(),
        classes66Plus: count.nullable(),
        stages: z.array(
          z.object({
            stage,
            maxClassSize: count.nullable(),
            /** Upper bound from the school-wide maximum when the stage's own maximum is unknown. */
            maxBound: count.nullable(),
            limit: z.number(),
            passes: z.boolean().nullable(),
            basis: z.enum(['stage', 'school']).nullable(),
          }),
        ),
      }),
    ),
    overLimit: count,
    /** Schools whose class size cannot be judged from the data given (listed with passes = null). */
    unknown: count,
    passes: z.boolean().nullable(),
    totalClasses: count,
    /** 大班额 (56–65 per class) */
    largeClasses: count,
    /** 超大班额 (66 or more) */
    hugeClasses: count,
    largeClassShare: nullableNumber,
    hugeClassShare: nullableNumber,
  }),
  musicArtRooms: z.object({
    schools: z.array(
      z.object({
        ...schoolRef,
        classes: count,
        required: count,
        musicRooms: count,
        artRooms: count,
        passes: z.boolean(),
      }),
    ),
    short: count,
    passes: z.boolean().nullable(),
    /**
     * Teaching points (教学点) with their rooms, listed apart: they are not schools in the statistics, so they are
     * not in `schools`, `short` or `passes`.
     */
    teachingPoints: z.array(
      z.object({
        ...schoolRef,
        classes: count,
        required: count,
        musicRooms: count,
        artRooms: count,
        passes: z.boolean(),
      }),
    ),
    teachingPointsShort: count,
  }),
  teacherCertificate: z.object({
    schools: z.array(z.object({ ...schoolRef, teachers: count, certified: count, rate: nullableNumber })),
    teachers: count,
    certified: count,
    rate: nullableNumber,
    passes: z.boolean().nullable(),
  }),
});
export type GuaranteeReport = z.infer<typeof GuaranteeReportSchema>;

export const SCORECARD_AREAS = ['resource', 'guarantee', 'quality', 'recognition'] as const;
export const ScorecardAreaSchema = z.enum(SCORECARD_AREAS);
export type ScorecardArea = z.infer<typeof ScorecardAreaSchema>;
export const SCORECARD_AREA_LABELS: Record<ScorecardArea, { zh: string; en: string }> = {
  resource: { zh: '资源配置', en: 'Resource allocation' },
  guarantee: { zh: '政府保障程度', en: 'Government guarantee' },
  quality: { zh: '教育质量', en: 'Education quality' },
  recognition: { zh: '社会认可度', en: 'Social recognition' },
};

export const INPUT_KINDS = ['ratio', 'boolean', 'number'] as const;
export const InputKindSchema = z.enum(INPUT_KINDS);

/** Keys of the county-year items that cannot be computed from school data (entered per county and year). */
export const COUNTY_INPUT_KEYS = [
  'layout_planning',
  'school_building_standard',
  'music_art_room_area',
  'small_school_funding',
  'special_school_funding',
  'teacher_pay_vs_civil_servants',
  'training_hours_360',
  'staffing_allocation',
  'nearby_enrolment_primary',
  'nearby_enrolment_junior',
  'quality_high_school_quota',
  'migrant_children_public_share',
  'consolidation_rate',
  'disabled_children_enrolment_rate',
  'school_charters_and_ict',
  'teacher_training_budget_share',
  'ict_in_teaching',
  'moral_education_and_culture',
  'curriculum_complete',
  'no_excess_homework',
  'quality_monitoring_level',
  'quality_monitoring_gap',
  'social_recognition',
] as const;
export const CountyInputKeySchema = z.enum(COUNTY_INPUT_KEYS);
export type CountyInputKey = z.infer<typeof CountyInputKeySchema>;

export const CountyInputItemSchema = z.object({
  key: CountyInputKeySchema,
  area: ScorecardAreaSchema,
  zh: z.string(),
  en: z.string(),
  /** ratio: a fraction 0–1 (0.95, not 95); boolean: met / not met; number: a value in its own unit. */
  kind: InputKindSchema,
  min: nullableNumber,
  max: nullableNumber,
  requirementZh: z.string(),
  requirementEn: z.string(),
});
export type CountyInputItem = z.infer<typeof CountyInputItemSchema>;

const bool = (
  area: ScorecardArea,
  zh: string,
  en: string,
  requirementZh: string,
  requirementEn: string,
): Omit<CountyInputItem, 'key'> => ({
  area,
  zh,
  en,
  kind: 'boolean',
  min: null,
  max: null,
  requirementZh,
  requirementEn,
});
const atLeast = (
  area: ScorecardArea,
  kind: 'ratio' | 'number',
  min: number,
  zh: string,
  en: string,
  requirementZh: string,
  requirementEn: string,
): Omit<CountyInputItem, 'key'> => ({ area, zh, en, kind, min, max: null, requirementZh, requirementEn });

const COUNTY_INPUT_DEFINITIONS: Record<CountyInputKey, Omit<CountyInputItem, 'key'>> = {
  layout_planning: bool(
    'guarantee',
    '学校规划布局合理',
    'School layout planning',
    '县域内义务教育学校规划布局合理，符合国家规定要求',
    'School network planned to national requirements',
  ),
  school_building_standard: bool(
    'guarantee',
    '县级办学标准',
    'County school standard',
    '县级人民政府制定义务教育学校办学标准，所有学校达到要求',
    'County sets a school standard and every school meets it',
  ),
  music_art_room_area: bool(
    'guarantee',
    '音乐、美术专用教室面积',
    'Music and art room area',
    '每间音乐专用教室≥96㎡，每间美术专用教室≥90㎡',
    'Each music room ≥ 96 m², each art room ≥ 90 m²',
  ),
  small_school_funding: bool(
    'guarantee',
    '小规模学校公用经费',
    'Funding of small schools',
    '不足100名学生的村小学和教学点按100名学生核定公用经费',
    'Village schools and teaching points under 100 students funded as 100',
  ),
  special_school_funding: atLeast(
    'guarantee',
    'number',
    6000,
    '特殊教育学校生均公用经费（元）',
    'Special-school operating funds per student (yuan)',
    '≥ 6000 元',
    '≥ 6000 yuan',
  ),
  teacher_pay_vs_civil_servants: bool(
    'guarantee',
    '教师平均工资收入水平',
    'Teacher pay vs civil servants',
    '不低于当地公务员平均工资收入水平，足额核定绩效工资总量',
    'Not below local civil servants; performance pay fully funded',
  ),
  training_hours_360: bool(
    'guarantee',
    '教师5年360学时培训',
    '360 training hours per 5 years',
    '教师5年360学时培训完成率100%',
    'Every teacher completes 360 hours in 5 years',
  ),
  staffing_allocation: bool(
    'guarantee',
    '教职工编制统筹',
    'Staffing allocation',
    '县级教育行政部门统筹分配各校教职工编制和岗位数量',
    'County education bureau allocates posts across schools',
  ),
  nearby_enrolment_primary: atLeast(
    'guarantee',
    'ratio',
    1,
    '城区和镇区公办小学就近划片入学比例',
    'Primary catchment-area enrolment (urban, town)',
    '100%',
    '100%',
  ),
  nearby_enrolment_junior: atLeast(
    'guarantee',
    'ratio',
    0.95,
    '城区和镇区公办初中就近划片入学比例',
    'Junior catchment-area enrolment (urban, town)',
    '≥ 95%',
    '≥ 95%',
  ),
  quality_high_school_quota: atLeast(
    'guarantee',
    'ratio',
    0.5,
    '优质高中招生名额分配比例',
    'Quota of good senior high school places allocated to junior schools',
    '≥ 50%，并向农村初中倾斜',
    '≥ 50%, favouring rural junior schools',
  ),
  migrant_children_public_share: atLeast(
    'guarantee',
    'ratio',
    0.85,
    '随迁子女在公办学校和政府购买服务的民办学校就读比例',
    'Migrant children in public or publicly funded schools',
    '≥ 85%',
    '≥ 85%',
  ),
  consolidation_rate: atLeast(
    'quality',
    'ratio',
    0.95,
    '初中三年巩固率',
    'Junior three-year retention rate',
    '≥ 95%',
    '≥ 95%',
  ),
  disabled_children_enrolment_rate: atLeast(
    'quality',
    'ratio',
    0.95,
    '残疾儿童少年入学率',
    'Enrolment rate of disabled children',
    '≥ 95%',
    '≥ 95%',
  ),
  school_charters_and_ict: bool(
    'quality',
    '学校章程与管理信息化',
    'School charters and ICT management',
    '所有学校制定章程，实现学校管理与教学信息化',
    'Every school has a charter and ICT-based management',
  ),
  teacher_training_budget_share: atLeast(
    'quality',
    'ratio',
    0.05,
    '教师培训经费占公用经费比例',
    'Teacher training share of operating budget',
    '≥ 5%',
    '≥ 5%',
  ),
  ict_in_teaching: bool(
    'quality',
    '信息化教学',
    'ICT in teaching',
    '教师能熟练运用信息化手段组织教学，设施设备利用率较高',
    'Teachers use ICT in teaching; equipment well used',
  ),
  moral_education_and_culture: bool(
    'quality',
    '德育与校园文化',
    'Moral education and school culture',
    '所有学校德育工作、校园文化建设水平达到良好以上',
    'Every school rated good or better',
  ),
  curriculum_complete: bool(
    'quality',
    '课程开齐开足',
    'Full curriculum',
    '课程开齐开足，教学秩序规范，综合实践活动有效开展',
    'All subjects taught in full; practical activities run',
  ),
  no_excess_homework: bool(
    'quality',
    '无过重课业负担',
    'No excessive workload',
    '学生课业负担不过重',
    'No excessive student workload',
  ),
  quality_monitoring_level: bool(
    'quality',
    '国家义务教育质量监测学业水平',
    'National quality monitoring level',
    '相关科目学生学业水平达到Ⅲ级以上',
    'Students at level III or above in monitored subjects',
  ),
  quality_monitoring_gap: {
    area: 'quality',
    zh: '国家义务教育质量监测校际差异率',
    en: 'National quality monitoring between-school gap',
    kind: 'number',
    min: null,
    max: 0.15,
    requirementZh: '< 0.15',
    requirementEn: '< 0.15',
  },
  social_recognition: atLeast('recognition', 'ratio', 0.85, '社会认可度', 'Social recognition', '≥ 85%', '≥ 85%'),
};

/** The county-year input items, in the order of the 2017 办法 (entered per county and year, shown on the scorecard). */
export const COUNTY_INPUT_ITEMS: readonly CountyInputItem[] = COUNTY_INPUT_KEYS.map((key) => ({
  key,
  ...COUNTY_INPUT_DEFINITIONS[key],
}));

/** Entered county-year values by item key; an absent or null item is "not entered". Kinds are checked per item. */
export const CountyInputsSchema = z
  .partialRecord(CountyInputKeySchema, z.union([z.number(), z.boolean(), z.null()]))
  .superRefine((inputs, ctx) => {
    for (const item of COUNTY_INPUT_ITEMS) {
      const value = inputs[item.key];
      if (value === undefined || value === null) continue;
      const expectsBoolean = item.kind === 'boolean';
      if (expectsBoolean !== (typeof value === 'boolean')) {
        ctx.addIssue({ code: 'custom', path: [item.key], message: expectsBoolean ? '应为是/否' : '应为数值' });
      } else if (item.kind === 'ratio' && typeof value === 'number' && (value < 0 || value > 1)) {
        ctx.addIssue({ code: 'custom', path: [item.key], message: '比例应在0到1之间（如95%填0.95）' });
      }
    }
  });
export type CountyInputs = z.infer<typeof CountyInputsSchema>;

export const SCORECARD_STATUSES = ['pass', 'fail', 'not_entered'] as const;
export const ScorecardStatusSchema = z.enum(SCORECARD_STATUSES);
export type ScorecardStatus = z.infer<typeof ScorecardStatusSchema>;

/**
 * Where an item's value is explained (issue #12): the client view of a computed item (balance = 差异系数, compliance =
 * 资源配置达标, class_size = 大班额与大校额, rotation = 教师交流轮岗), `scorecard` when the scorecard itself lists the
 * schools behind it (`schools`), and `county_inputs` for an item entered in 县级填报.
 */
export const SCORECARD_VIEWS = [
  'balance',
  'compliance',
  'class_size',
  'rotation',
  'scorecard',
  'county_inputs',
] as const;
export const ScorecardViewSchema = z.enum(SCORECARD_VIEWS);
export type ScorecardView = z.infer<typeof ScorecardViewSchema>;

/** What a computed item counts: `part` of `whole` CVs (indicators), schools or teachers, e.g. 5 of 7 CVs within limit. */
export const ScorecardTallySchema = z.object({
  part: count,
  whole: count,
  unit: z.enum(['indicators', 'schools', 'teachers']),
});
export type ScorecardTally = z.infer<typeof ScorecardTallySchema>;

/** A school behind a failing computed item that no other view lists (music and art rooms, certificates). */
export const ScorecardSchoolSchema = z.object({
  code: SchoolCodeSchema,
  name: z.string(),
  detailZh: z.string(),
  detailEn: z.string(),
});
export type ScorecardSchool = z.infer<typeof ScorecardSchoolSchema>;

export const ScorecardItemSchema = z.object({
  key: z.string(),
  area: ScorecardAreaSchema,
  zh: z.string(),
  en: z.string(),
  /** The stage of a per-stage item (资源配置); null for a county-wide item. */
  stage: stage.nullable(),
  /** computed from school data and rotations, or entered per county-year in 县级填报. */
  source: z.enum(['computed', 'entered']),
  /** The view that explains the value (see SCORECARD_VIEWS). */
  view: ScorecardViewSchema,
  kind: InputKindSchema,
  value: z.union([z.number(), z.boolean(), z.null()]),
  /** For computed items: what the value counts (part of whole); null when entered or not computable. */
  tally: ScorecardTallySchema.nullable(),
  requirementZh: z.string(),
  requirementEn: z.string(),
  status: ScorecardStatusSchema,
  /** Short explanation for computed items, e.g. "2 所学校超规模" / "2 schools oversize". */
  detailZh: z.string().nullable(),
  detailEn: z.string().nullable(),
  /** Schools failing the item when the scorecard is where they are listed (view `scorecard`); else empty. */
  schools: z.array(ScorecardSchoolSchema),
  /** Entered items: the note, who saved the value and when (ISO 8601); null when computed or never saved. */
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
});
export type ScorecardItem = z.infer<typeof ScorecardItemSchema>;

const statusCounts = { total: count, pass: count, fail: count, notEntered: count };
export const ScorecardSchema = z.object({
  items: z.array(ScorecardItemSchema),
  areas: z.array(z.object({ area: ScorecardAreaSchema, ...statusCounts })),
  summary: z.object(statusCounts),
  /** Every item passes (nothing failed, nothing missing). */
  passes: z.boolean(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

// ---------------------------------------------------------------------------------------------------------------
// 交流轮岗 (METHOD.md §2, §3 rotations)
// ---------------------------------------------------------------------------------------------------------------

export const FLOW_LEVELS = ['school', 'township', 'locale'] as const;
export const RotationFlowSchema = z.object({
  level: z.enum(FLOW_LEVELS),
  /** School code, township code or locale; 'outside' for a school not in the county. */
  from: z.string(),
  fromName: z.string(),
  to: z.string(),
  toName: z.string(),
  /** Distinct teachers. */
  count: count,
  backbone: count,
});
export type RotationFlow = z.infer<typeof RotationFlowSchema>;

export const RotationSchoolSchema = z.object({
  code: z.string(),
  name: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  locale,
  eligible: count,
  out: count,
  in: count,
  backboneOut: count,
  backboneIn: count,
});
export type RotationSchool = z.infer<typeof RotationSchoolSchema>;

export const RotationEffectRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  stage,
  students: count,
  key: z.enum(['teachers_per100', 'backbone_teachers_per100']),
  before: nullableNumber,
  after: nullableNumber,
  delta: nullableNumber,
});
export type RotationEffectRow = z.infer<typeof RotationEffectRowSchema>;

export const RotationMultiYearModeSchema = z.enum(ROTATION_MULTI_YEAR_MODES);
export const RotationRatioSchoolsSchema = z.enum(ROTATION_RATIO_SCHOOLS);

export const RotationReportSchema = z.object({
  year: z.number().int(),
  /** The conventions the numbers follow (issue #9): how multi-year rotations count, which schools the ratios count. */
  multiYear: RotationMultiYearModeSchema,
  ratioSchools: RotationRatioSchoolsSchema,
  /** This year's rows that continue a rotation begun in an earlier year (same teacher, same from and to schools). */
  continuingRows: count,
  /** Teachers away this year on a rotation begun earlier without a row this year (counted only with every_year). */
  carriedOver: count,
  /** Σ rotationEligibleTeachers of the schools the ratio counts (public only with ratioSchools = public). */
  eligible: count,
  /** Distinct teachers rotated out of the schools the ratio counts. */
  rotated: count,
  ratio: nullableNumber,
  ratioLimit: z.number(),
  ratioPasses: z.boolean().nullable(),
  backboneRotated: count,
  backboneShare: nullableNumber,
  backboneShareLimit: z.number(),
  backbonePasses: z.boolean().nullable(),
  /** Distinct teachers received from schools outside the county (not part of `rotated`). */
  rotatedInFromOutside: count,
  /** Rows ignored: the same school on both ends, or no county school on either end. */
  ignoredRows: count,
  schools: z.array(RotationSchoolSchema),
  flows: z.array(RotationFlowSchema),
  rural: z.object({
    teachersIn: count,
    teachersOut: count,
    netTeachers: z.number().int(),
    backboneIn: count,
    backboneOut: count,
    netBackbone: z.number().int(),
  }),
  effect: z.object({
    rows: z.array(RotationEffectRowSchema),
    cvs: z.array(
      z.object({
        stage,
        key: z.enum(['teachers_per100', 'backbone_teachers_per100']),
        before: nullableNumber,
        after: nullableNumber,
      }),
    ),
    /** Moves that took a school's teacher count below 0 (clamped): the statistics and the rotations disagree. */
    warnings: z.array(z.string()),
  }),
});
export type RotationReport = z.infer<typeof RotationReportSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Distance to pass (METHOD.md §7)
// ---------------------------------------------------------------------------------------------------------------

export const ShortfallRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  locale,
  stage,
  students: count,
  key: QualityIndicatorKeySchema,
  value: nullableNumber,
  threshold: z.number(),
  /**
   * What the school must add so that this stage part reaches the threshold, in `resourceUnit` (whole units, rounded
   * up). For a shared asset (rooms, areas, equipment) of a multi-stage school: the stage part's gap ÷ `assetShare`.
   */
  shortfall: z.number(),
  /** What the stage part itself lacks (whole units, rounded up); equals `shortfall` when `assetShare` is 1. */
  stagePartShortfall: z.number(),
  /** Part of an addition to the school that reaches this stage part: its stage share of shared assets, 1 for teachers. */
  assetShare: z.number(),
  resourceUnit: ResourceUnitSchema,
});
export type ShortfallRow = z.infer<typeof ShortfallRowSchema>;

export const ShortfallTotalsSchema = z.object({
  higherDegreeTeachers: count,
  backboneTeachers: count,
  peArtTeachers: count,
  teachingRoomAreaM2: z.number(),
  sportsAreaM2: z.number(),
  equipmentYuan: z.number(),
  multimediaRooms: count,
});
export type ShortfallTotals = z.infer<typeof ShortfallTotalsSchema>;

export const CvPlanAdditionSchema = z.object({
  code: z.string(),
  name: z.string(),
  students: count,
  valueBefore: z.number(),
  valueAfter: z.number(),
  /** What the school adds (for a shared asset of a multi-stage school, its stage part receives amount × assetShare). */
  amount: z.number(),
  assetShare: z.number(),
});
export const CvPlanSchema = z.object({
  key: QualityIndicatorKeySchema,
  resourceUnit: ResourceUnitSchema,
  cvBefore: z.number(),
  cvLimit: z.number(),
  /** The floor level L: every unit below it is raised to (at least) L. */
  floorLevel: nullableNumber,
  cvAfter: nullableNumber,
  totalAddition: z.number(),
  additions: z.array(CvPlanAdditionSchema),
  schoolsMeetingBefore: count,
  schoolsMeetingAfter: count,
  achievable: z.boolean(),
});
export type CvPlan = z.infer<typeof CvPlanSchema>;

export const DistanceToPassReportSchema = z.object({
  stage,
  rows: z.array(ShortfallRowSchema),
  unitsShort: count,
  totals: ShortfallTotalsSchema,
  cvPlans: z.array(CvPlanSchema),
});
export type DistanceToPassReport = z.infer<typeof DistanceToPassReportSchema>;

// ---------------------------------------------------------------------------------------------------------------
// What-if (changes applied to a county-year dataset)
// ---------------------------------------------------------------------------------------------------------------

const teacherFlags = {
  backbone: z.boolean().optional(),
  higherDegree: z.boolean().optional(),
  peArt: z.boolean().optional(),
  seniorTitle: z.boolean().optional(),
};

/** School-level fields a what-if can add to (the shared physical assets and the specialist rooms). */
export const WHAT_IF_RESOURCES = [
  'teachingRoomArea',
  'sportsArea',
  'equipmentValue',
  'multimediaRooms',
  'computers',
  'books',
  'musicRooms',
  'artRooms',
] as const;
export const WhatIfResourceSchema = z.enum(WHAT_IF_RESOURCES);
export type WhatIfResource = z.infer<typeof WhatIfResourceSchema>;

/**
 * Bounds of one change, far beyond any real school (a county has some tens of thousands of pupils; stored amounts are
 * numeric(16, 2)) and small enough that sums over every change stay exact doubles: 1e308 or 2^53 − 1 is bad input.
 */
export const WHAT_IF_MAX_PEOPLE = 100_000;
export const WHAT_IF_MAX_AMOUNT = 1e12;
const people = z
  .number()
  .int()
  .max(WHAT_IF_MAX_PEOPLE, `人数不能超过 ${WHAT_IF_MAX_PEOPLE} / at most ${WHAT_IF_MAX_PEOPLE} people per change`);

export const WhatIfChangeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('move_teachers'),
    from: SchoolCodeSchema,
    to: SchoolCodeSchema,
    count: people.positive(),
    /** Stage the teachers leave / join; default: the school's stage, or its larger stage for multi-stage schools. */
    fromStage: stage.optional(),
    toStage: stage.optional(),
    ...teacherFlags,
  }),
  z.object({
    type: z.literal('add_teachers'),
    school: SchoolCodeSchema,
    stage,
    count: people.positive(),
    ...teacherFlags,
  }),
  z.object({
    type: z.literal('add_resource'),
    school: SchoolCodeSchema,
    resource: WhatIfResourceSchema,
    /** ㎡ for areas, 元 for equipment, a count for rooms, computers and books. */
    amount: z.number().positive().max(WHAT_IF_MAX_AMOUNT, '数额不能超过 1 万亿 / at most 1e12 per change'),
  }),
  z.object({
    type: z.literal('add_students'),
    school: SchoolCodeSchema,
    stage,
    /** Negative to take students away (e.g. a school closing). */
    count: people
      .min(
        -WHAT_IF_MAX_PEOPLE,
        `人数不能少于 −${WHAT_IF_MAX_PEOPLE} / at least −${WHAT_IF_MAX_PEOPLE} people per change`,
      )
      .refine((n) => n !== 0, '人数不能为0'),
  }),
]);
export type WhatIfChange = z.infer<typeof WhatIfChangeSchema>;
export const WhatIfChangeListSchema = z.array(WhatIfChangeSchema).max(1000);

export const WHAT_IF_ERROR_CODES = [
  'UnknownSchool',
  'NoStatsForSchool',
  'SameSchool',
  'StageNotOffered',
  'NotEnoughTeachers',
  'NegativeStudents',
  'FractionalCount',
] as const;
export const WhatIfErrorSchema = z.object({
  /** Index of the change in the submitted list. */
  index: z.number().int().nonnegative(),
  code: z.enum(WHAT_IF_ERROR_CODES),
  message: z.string(),
});
export type WhatIfError = z.infer<typeof WhatIfErrorSchema>;

/** A school whose 资源配置 verdict or any indicator's met status differs after the changes (both before and after). */
export const WhatIfSchoolChangeSchema = z.object({
  stage,
  code: z.string(),
  name: z.string(),
  passesBefore: z.boolean().nullable(),
  passesAfter: z.boolean().nullable(),
  metCountBefore: count.nullable(),
  metCountAfter: count.nullable(),
  /** Indicators not met before and met after. */
  nowMet: z.array(QualityIndicatorKeySchema),
  /** Indicators met before and not met after (a teacher moved away, students moved in). */
  noLongerMet: z.array(QualityIndicatorKeySchema),
});
export type WhatIfSchoolChange = z.infer<typeof WhatIfSchoolChangeSchema>;

const reportsByStage = z.object({ primary: QualityReportSchema, junior: QualityReportSchema });
export const WhatIfResultSchema = z.object({
  /** No errors: the changes were applied and `after` is set. Changes are applied all or nothing. */
  valid: z.boolean(),
  errors: z.array(WhatIfErrorSchema),
  before: reportsByStage,
  after: reportsByStage.nullable(),
  cvChanges: z.array(
    z.object({
      stage,
      key: QualityIndicatorKeySchema,
      before: nullableNumber,
      after: nullableNumber,
      delta: nullableNumber,
      passesBefore: z.boolean().nullable(),
      passesAfter: z.boolean().nullable(),
    }),
  ),
  verdicts: z.array(z.object({ stage, before: z.boolean().nullable(), after: z.boolean().nullable() })),
  /** Counted schools whose verdict or indicator status changed, by stage then code; empty when not valid. */
  schoolChanges: z.array(WhatIfSchoolChangeSchema),
});
export type WhatIfResult = z.infer<typeof WhatIfResultSchema>;
