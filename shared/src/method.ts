/**
 * The official method's constants (METHOD.md): indicator keys, thresholds, limits, school types and urban–rural classes.
 * Everything that a number depends on lives here so the server, the client and the exports cannot disagree.
 */

export const STAGES = ['primary', 'junior'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
};

/** 优质均衡 (教督〔2017〕6号) 资源配置: the seven school-level indicators, in the order of the official table. */
export const QUALITY_INDICATOR_KEYS = [
  'higher_degree_teachers_per100',
  'backbone_teachers_per100',
  'pe_art_teachers_per100',
  'teaching_room_area_per_student',
  'sports_area_per_student',
  'equipment_value_per_student',
  'multimedia_rooms_per100',
] as const;
export type QualityIndicatorKey = (typeof QUALITY_INDICATOR_KEYS)[number];

/** Every indicator the engine computes: the 2017 seven, then the four that only the 2012 method has. */
export const INDICATOR_KEYS = [
  ...QUALITY_INDICATOR_KEYS,
  'computers_per100',
  'books_per_student',
  'teachers_per100',
  'senior_title_teachers_per100',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** Natural unit in which a shortfall or an addition of resource is expressed. */
export const RESOURCE_UNITS = ['teachers', 'square_metres', 'yuan', 'rooms', 'computers', 'books'] as const;
export type ResourceUnit = (typeof RESOURCE_UNITS)[number];

/** Fields of a stage unit that are the numerator of some indicator. */
export type UnitResourceField =
  | 'teachers'
  | 'higherDegreeTeachers'
  | 'backboneTeachers'
  | 'peArtTeachers'
  | 'seniorTitleTeachers'
  | 'teachingRoomArea'
  | 'sportsArea'
  | 'equipmentValue'
  | 'multimediaRooms'
  | 'computers'
  | 'books';

/** Indicator X = per × unit[field] ÷ students: per = 100 for "每百名学生" indicators, 1 for "生均" ones. */
export interface IndicatorFormula {
  field: UnitResourceField;
  per: 1 | 100;
  resourceUnit: ResourceUnit;
}

export interface IndicatorDefinition<K extends string = string> {
  key: K;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  /** Decimals used for display and exports; computation keeps full precision. */
  decimals: number;
  definitionZh: string;
  definitionEn: string;
}

/** How the published 2012 申报表 states an indicator: its own name, unit, decimals and scale (METHOD.md §3). */
export type BasicPresentation = Omit<IndicatorDefinition, 'key'> & { per: 1 | 100 };

/**
 * The method catalog (METHOD.md §2, §3): every fact about an indicator, in one place. Names, units and decimals are
 * those of the engine's value (X = per × numerator ÷ students); `threshold` is the 2017 standard (null for the
 * 2012-only indicators); `basic` is how the 2012 申报表 publishes it (null for the 2017-only ones). Everything else —
 * the engine's formulas, the screens, the charts, the exports, the method page — reads from here.
 */
export interface IndicatorCatalogEntry extends IndicatorDefinition<IndicatorKey> {
  /** Chart axes and narrow columns: the official names are too long. */
  shortZh: string;
  shortEn: string;
  formula: IndicatorFormula;
  threshold: Record<Stage, number> | null;
  basic: BasicPresentation | null;
}

const PER_STUDENT_RATIO = { unitZh: '人/生', unitEn: 'per student', decimals: 3, per: 1 } as const;

export const INDICATOR_CATALOG: Readonly<Record<IndicatorKey, IndicatorCatalogEntry>> = {
  higher_degree_teachers_per100: {
    key: 'higher_degree_teachers_per100',
    zh: '每百名学生拥有高于规定学历教师数',
    en: 'Teachers above required degree per 100 students',
    shortZh: '高学历教师',
    shortEn: 'Higher-degree teachers',
    unitZh: '人',
    unitEn: 'teachers',
    decimals: 2,
    definitionZh: '100 × 高于规定学历专任教师数 ÷ 在校生数（小学：专科及以上；初中：本科及以上）',
    definitionEn: '100 × teachers above the required degree / students (primary: associate+; junior: bachelor+)',
    formula: { field: 'higherDegreeTeachers', per: 100, resourceUnit: 'teachers' },
    threshold: { primary: 4.2, junior: 5.3 },
    basic: {
      zh: '生均高于规定学历教师数',
      en: 'Teachers above required degree per student',
      ...PER_STUDENT_RATIO,
      definitionZh: '高于规定学历专任教师数 ÷ 在校生数（比值）',
      definitionEn: 'teachers above the required degree / students (a ratio)',
    },
  },
  backbone_teachers_per100: {
    key: 'backbone_teachers_per100',
    zh: '每百名学生拥有县级以上骨干教师数',
    en: 'County-level+ backbone teachers per 100 students',
    shortZh: '骨干教师',
    shortEn: 'Backbone teachers',
    unitZh: '人',
    unitEn: 'teachers',
    decimals: 2,
    definitionZh: '100 × 县级及以上骨干教师数 ÷ 在校生数',
    definitionEn: '100 × county-level-or-higher backbone teachers / students',
    formula: { field: 'backboneTeachers', per: 100, resourceUnit: 'teachers' },
    threshold: { primary: 1.0, junior: 1.0 },
    basic: null,
  },
  pe_art_teachers_per100: {
    key: 'pe_art_teachers_per100',
    zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    en: 'PE and art (music, fine art) teachers per 100 students',
    shortZh: '体艺教师',
    shortEn: 'PE & art teachers',
    unitZh: '人',
    unitEn: 'teachers',
    decimals: 2,
    definitionZh: '100 × （体育 + 音乐 + 美术专任教师数）÷ 在校生数',
    definitionEn: '100 × (PE + music + art full-time teachers) / students',
    formula: { field: 'peArtTeachers', per: 100, resourceUnit: 'teachers' },
    threshold: { primary: 0.9, junior: 0.9 },
    basic: null,
  },
  teaching_room_area_per_student: {
    key: 'teaching_room_area_per_student',
    zh: '生均教学及辅助用房面积',
    en: 'Teaching and auxiliary room area per student',
    shortZh: '教学辅助用房',
    shortEn: 'Teaching rooms',
    unitZh: '平方米',
    unitEn: 'm²',
    decimals: 2,
    definitionZh: '教学及辅助用房面积 ÷ 在校生数',
    definitionEn: 'teaching and auxiliary room area / students',
    formula: { field: 'teachingRoomArea', per: 1, resourceUnit: 'square_metres' },
    threshold: { primary: 4.5, junior: 5.8 },
    basic: {
      zh: '生均教学及辅助用房面积',
      en: 'Teaching and auxiliary room area per student',
      unitZh: '平方米/生',
      unitEn: 'm² per student',
      decimals: 2,
      per: 1,
      definitionZh: '教学及辅助用房面积 ÷ 在校生数',
      definitionEn: 'teaching and auxiliary room area / students',
    },
  },
  sports_area_per_student: {
    key: 'sports_area_per_student',
    zh: '生均体育运动场馆面积',
    en: 'Sports ground and gym area per student',
    shortZh: '体育场馆',
    shortEn: 'Sports area',
    unitZh: '平方米',
    unitEn: 'm²',
    decimals: 2,
    definitionZh: '（体育运动场 + 体育馆面积）÷ 在校生数',
    definitionEn: '(sports ground + gym area) / students',
    formula: { field: 'sportsArea', per: 1, resourceUnit: 'square_metres' },
    threshold: { primary: 7.5, junior: 10.2 },
    basic: {
      zh: '生均体育运动场馆面积',
      en: 'Sports ground and gym area per student',
      unitZh: '平方米/生',
      unitEn: 'm² per student',
      decimals: 2,
      per: 1,
      definitionZh: '（体育运动场 + 体育馆面积）÷ 在校生数',
      definitionEn: '(sports ground + gym area) / students',
    },
  },
  equipment_value_per_student: {
    key: 'equipment_value_per_student',
    zh: '生均教学仪器设备值',
    en: 'Teaching equipment value per student',
    shortZh: '仪器设备值',
    shortEn: 'Equipment value',
    unitZh: '元',
    unitEn: 'yuan',
    decimals: 0,
    definitionZh: '教学仪器设备资产值（元）÷ 在校生数',
    definitionEn: 'teaching equipment book value in yuan / students',
    formula: { field: 'equipmentValue', per: 1, resourceUnit: 'yuan' },
    threshold: { primary: 2000, junior: 2500 },
    basic: {
      zh: '生均教学仪器设备值',
      en: 'Teaching equipment value per student',
      unitZh: '元/生',
      unitEn: 'yuan per student',
      decimals: 0,
      per: 1,
      definitionZh: '教学仪器设备资产值（元）÷ 在校生数',
      definitionEn: 'teaching equipment book value in yuan / students',
    },
  },
  multimedia_rooms_per100: {
    key: 'multimedia_rooms_per100',
    zh: '每百名学生拥有网络多媒体教室数',
    en: 'Networked multimedia classrooms per 100 students',
    shortZh: '多媒体教室',
    shortEn: 'Multimedia rooms',
    unitZh: '间',
    unitEn: 'rooms',
    decimals: 2,
    definitionZh: '100 × 网络多媒体教室数 ÷ 在校生数',
    definitionEn: '100 × networked multimedia classrooms / students',
    formula: { field: 'multimediaRooms', per: 100, resourceUnit: 'rooms' },
    threshold: { primary: 2.3, junior: 2.4 },
    basic: null,
  },
  computers_per100: {
    key: 'computers_per100',
    zh: '每百名学生拥有计算机台数',
    en: 'Computers per 100 students',
    shortZh: '计算机',
    shortEn: 'Computers',
    unitZh: '台',
    unitEn: 'computers',
    decimals: 2,
    definitionZh: '100 × 计算机台数 ÷ 在校生数',
    definitionEn: '100 × computers / students',
    formula: { field: 'computers', per: 100, resourceUnit: 'computers' },
    threshold: null,
    basic: {
      zh: '每百名学生拥有计算机台数',
      en: 'Computers per 100 students',
      unitZh: '台/百生',
      unitEn: 'per 100 students',
      decimals: 2,
      per: 100,
      definitionZh: '100 × 计算机台数 ÷ 在校生数',
      definitionEn: '100 × computers / students',
    },
  },
  books_per_student: {
    key: 'books_per_student',
    zh: '生均图书册数',
    en: 'Books per student',
    shortZh: '图书',
    shortEn: 'Books',
    unitZh: '册',
    unitEn: 'books',
    decimals: 1,
    definitionZh: '图书册数 ÷ 在校生数',
    definitionEn: 'books / students',
    formula: { field: 'books', per: 1, resourceUnit: 'books' },
    threshold: null,
    basic: {
      zh: '生均图书册数',
      en: 'Books per student',
      unitZh: '册/生',
      unitEn: 'books per student',
      decimals: 1,
      per: 1,
      definitionZh: '图书册数 ÷ 在校生数',
      definitionEn: 'books / students',
    },
  },
  teachers_per100: {
    key: 'teachers_per100',
    zh: '师生比（每百名学生专任教师数）',
    en: 'Teachers per 100 students',
    shortZh: '师生比',
    shortEn: 'Teachers',
    unitZh: '人',
    unitEn: 'teachers',
    decimals: 2,
    definitionZh: '100 × 专任教师数 ÷ 在校生数',
    definitionEn: '100 × full-time teachers / students',
    formula: { field: 'teachers', per: 100, resourceUnit: 'teachers' },
    threshold: null,
    basic: {
      zh: '师生比',
      en: 'Teacher–student ratio',
      ...PER_STUDENT_RATIO,
      definitionZh: '专任教师数 ÷ 在校生数（比值，如 0.054）',
      definitionEn: 'full-time teachers / students (a ratio, e.g. 0.054)',
    },
  },
  senior_title_teachers_per100: {
    key: 'senior_title_teachers_per100',
    zh: '每百名学生拥有中级及以上专业技术职务教师数',
    en: 'Intermediate-or-higher title teachers per 100 students',
    shortZh: '中级职称教师',
    shortEn: 'Senior-title teachers',
    unitZh: '人',
    unitEn: 'teachers',
    decimals: 2,
    definitionZh: '100 × 中级及以上专业技术职务专任教师数 ÷ 在校生数',
    definitionEn: '100 × intermediate-or-higher title teachers / students',
    formula: { field: 'seniorTitleTeachers', per: 100, resourceUnit: 'teachers' },
    threshold: null,
    basic: {
      zh: '生均中级及以上专业技术职务教师数',
      en: 'Intermediate-or-higher title teachers per student',
      ...PER_STUDENT_RATIO,
      definitionZh: '中级及以上专业技术职务专任教师数 ÷ 在校生数（比值）',
      definitionEn: 'intermediate-or-higher title teachers / students (a ratio)',
    },
  },
};

/** The catalog entry of an indicator key. */
export function indicatorEntry(key: IndicatorKey): IndicatorCatalogEntry {
  const entry = INDICATOR_CATALOG[key];
  if (!entry) throw new Error(`Unknown indicator ${key}`);
  return entry;
}

/** Whether a key is one of the seven 2017 indicators. */
export function isQualityKey(key: string): key is QualityIndicatorKey {
  return (QUALITY_INDICATOR_KEYS as readonly string[]).includes(key);
}

export interface QualityIndicatorDefinition extends IndicatorDefinition<QualityIndicatorKey> {
  threshold: Record<Stage, number>;
}

/** The seven 2017 indicators in the order of the official table, as the catalog states them. */
export const QUALITY_INDICATORS: readonly QualityIndicatorDefinition[] = QUALITY_INDICATOR_KEYS.map((key) => {
  const { threshold, ...entry } = INDICATOR_CATALOG[key];
  if (threshold === null) throw new Error(`2017 indicator ${key} has no threshold`);
  return { ...entry, key, threshold };
});

/** Inter-school balance: each indicator's 差异系数 must not exceed this (优质均衡). */
export const QUALITY_CV_LIMIT: Record<Stage, number> = { primary: 0.5, junior: 0.45 };
/** A school passes 资源配置 with ≥ 6 of 7 met and the missed one at ≥ 85% of its threshold. */
export const QUALITY_MIN_MET = 6;
export const QUALITY_NEAR_MISS_RATIO = 0.85;

/** 基本均衡 (教督〔2012〕3号): eight indicators; composite = plain mean of their CVs. */
export const BASIC_INDICATOR_KEYS = [
  'teaching_room_area_per_student',
  'sports_area_per_student',
  'equipment_value_per_student',
  'computers_per100',
  'books_per_student',
  'teachers_per100',
  'higher_degree_teachers_per100',
  'senior_title_teachers_per100',
] as const satisfies readonly IndicatorKey[];
export type BasicIndicatorKey = (typeof BASIC_INDICATOR_KEYS)[number];
export const BASIC_COMPOSITE_CV_LIMIT: Record<Stage, number> = { primary: 0.65, junior: 0.55 };

/**
 * The 2012 indicators as the published 申报表 states them (METHOD.md §3): name, unit and decimals, and `per`, the
 * scale of the published value (X = per × numerator ÷ students). The three teacher indicators are ratios per student
 * (师生比 0.054), computers are per 100 students (台/百生). A CV does not depend on the scale.
 */
export interface BasicIndicatorDefinition extends IndicatorDefinition<BasicIndicatorKey> {
  per: 1 | 100;
}
export const BASIC_INDICATORS: readonly BasicIndicatorDefinition[] = BASIC_INDICATOR_KEYS.map((key) => {
  const basic = INDICATOR_CATALOG[key].basic;
  if (basic === null) throw new Error(`2012 indicator ${key} has no published presentation`);
  return { key, ...basic };
});

/**
 * A 差异系数 over fewer counted schools than this is not meaningful (one school always gives 0): the report gives no
 * CV and no verdict for it, with the reason `too_few_units`, instead of passing it.
 */
export const MIN_UNITS_FOR_CV = 2;

/**
 * Decimals to display a CV next to its limit: 3 (METHOD.md §4), more when the 3-decimal text equals the limit's while
 * the value differs, so a CV of 0.5004 that fails 0.50 shows as 0.5004, not 0.500. The verdict itself always compares
 * full precision. Up to 6 decimals.
 */
export function cvDisplayDecimals(cv: number | null | undefined, limit: number | null | undefined, base = 3): number {
  if (typeof cv !== 'number' || typeof limit !== 'number' || !Number.isFinite(cv) || cv === limit) return base;
  let decimals = base;
  while (decimals < 6 && cv.toFixed(decimals) === limit.toFixed(decimals)) decimals += 1;
  return decimals;
}

/** Weights for splitting shared physical assets of multi-stage schools (METHOD.md §5). */
export const STAGE_WEIGHTS = {
  nine_year: { primary: 1, junior: 1.1 },
  complete_middle: { junior: 1, senior: 1.2 },
  twelve_year: { primary: 1, junior: 1.1, senior: 1.32 },
} as const;

/** Schools of these types with fewer students are excluded from CVs (their students still count in totals). */
export const TEACHING_POINT_MIN_STUDENTS = 50;

export const SCHOOL_TYPES = [
  'primary',
  'teaching_point',
  'junior',
  'nine_year',
  'twelve_year',
  'complete_middle',
  'special',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
export const SCHOOL_TYPE_LABELS: Record<SchoolType, { zh: string; en: string }> = {
  primary: { zh: '小学', en: 'Primary school' },
  teaching_point: { zh: '小学教学点', en: 'Teaching point' },
  junior: { zh: '初级中学', en: 'Junior secondary school' },
  nine_year: { zh: '九年一贯制学校', en: 'Nine-year school' },
  twelve_year: { zh: '十二年一贯制学校', en: 'Twelve-year school' },
  complete_middle: { zh: '完全中学', en: 'Complete secondary school' },
  special: { zh: '特殊教育学校', en: 'Special-education school' },
};
/** Which compulsory stages each school type has. */
export const SCHOOL_TYPE_STAGES: Record<SchoolType, readonly Stage[]> = {
  primary: ['primary'],
  teaching_point: ['primary'],
  junior: ['junior'],
  nine_year: ['primary', 'junior'],
  twelve_year: ['primary', 'junior'],
  complete_middle: ['junior'],
  special: ['primary', 'junior'],
};

export const OWNERSHIPS = ['public', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_LABELS: Record<Ownership, { zh: string; en: string }> = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
};

/** 统计用城乡分类代码 → class (METHOD.md §6). */
export const URBAN_RURAL_CODES = ['111', '112', '121', '122', '123', '210', '220'] as const;
export type UrbanRuralCode = (typeof URBAN_RURAL_CODES)[number];
export const LOCALES = ['urban', 'town', 'rural'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_LABELS: Record<Locale, { zh: string; en: string }> = {
  urban: { zh: '城区', en: 'Urban' },
  town: { zh: '镇区', en: 'Town' },
  rural: { zh: '乡村', en: 'Rural' },
};
export const URBAN_RURAL_CODE_LABELS: Record<UrbanRuralCode, string> = {
  '111': '主城区',
  '112': '城乡结合区',
  '121': '镇中心区',
  '122': '镇乡结合区',
  '123': '特殊区域',
  '210': '乡中心区',
  '220': '村庄',
};
export function localeOfUrbanRuralCode(code: UrbanRuralCode): Locale {
  if (code.startsWith('11')) return 'urban';
  if (code.startsWith('12')) return 'town';
  return 'rural';
}

/** 政府保障程度 items computed from school data. */
export const SCHOOL_SIZE_LIMIT = { single_stage: 2000, multi_stage: 2500 } as const;
export const CLASS_SIZE_LIMIT: Record<Stage, number> = { primary: 45, junior: 50 };
export const LARGE_CLASS_BAND = { min: 56, max: 65 } as const;
export const HUGE_CLASS_MIN = 66;
/** 大班额 targets: classes of 56 or more ≤ 5% of all classes of the stage; classes of 66 or more: none. */
export const LARGE_CLASS_MAX_SHARE = 0.05;
export const HUGE_CLASS_MAX_SHARE = 0;
export const ROTATION_MIN_RATIO = 0.1;
export const ROTATION_MIN_BACKBONE_SHARE = 0.2;
/**
 * Rotation conventions where the policy allows two readings (issue #9). A rotation spanning several school years
 * counts in its first school year (`first_year`, default) or in every school year the teacher is away (`every_year`).
 */
export const ROTATION_MULTI_YEAR_MODES = ['first_year', 'every_year'] as const;
export type RotationMultiYearMode = (typeof ROTATION_MULTI_YEAR_MODES)[number];
/** Which schools the 10% / 20% ratios count: public (公办) only (default: the 2014 policy is about 公办 schools) or all. */
export const ROTATION_RATIO_SCHOOLS = ['public', 'all'] as const;
export type RotationRatioSchools = (typeof ROTATION_RATIO_SCHOOLS)[number];
/** A rotation row with a blank duration covers one school year (12 months). */
export const ROTATION_DEFAULT_MONTHS = 12;
/** Longest rotation the import accepts (months ≤ 120): how far back a continuing rotation can have started. */
export const ROTATION_MAX_SPAN_YEARS = 10;
export const CLASSES_PER_MUSIC_ART_ROOM = 12;
export const MUSIC_ROOM_MIN_AREA = 96;
export const ART_ROOM_MIN_AREA = 90;

/**
 * Stands for a school the signed-in user may not see (outside their townships or district) at the other end of a
 * teacher rotation: the move is counted, the school is not named.
 */
export const OUTSIDE_AREA_CODE = 'outside_area';
export const OUTSIDE_AREA_LABELS = { zh: '区域外', en: 'Outside your area' } as const;

/**
 * The state of one school's value against a 2017 threshold, as the compliance view shades it (METHOD.md §2): met, a near
 * miss (below the threshold but ≥ 85% of it: allowed once for a passing school), under 85%, or no data. `met` is the
 * engine's verdict at full precision; the 85% line only separates a near miss from a real shortfall.
 */
export const QUALITY_CELL_STATES = ['met', 'near', 'under', 'none'] as const;
export type QualityCellState = (typeof QUALITY_CELL_STATES)[number];
export const QUALITY_CELL_STATE_LABELS: Record<QualityCellState, { zh: string; en: string }> = {
  met: { zh: '达标', en: 'met' },
  near: { zh: '未达标但≥85%', en: 'below, ≥ 85%' },
  under: { zh: '低于标准的85%', en: 'under 85%' },
  none: { zh: '无数据', en: 'no data' },
};
export function qualityCellState(
  value: number | null | undefined,
  met: boolean | null | undefined,
  threshold: number,
): QualityCellState {
  if (value === null || value === undefined || met === null || met === undefined) return 'none';
  if (met) return 'met';
  return threshold > 0 && value / threshold >= QUALITY_NEAR_MISS_RATIO ? 'near' : 'under';
}
