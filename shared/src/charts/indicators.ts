import {
  BASIC_INDICATOR_KEYS,
  BASIC_INDICATOR_LABELS,
  type BasicIndicatorKey,
  type IndicatorKey,
  QUALITY_INDICATOR_KEYS,
  QUALITY_INDICATORS,
  type QualityIndicatorKey,
  type Stage,
} from '../index.ts';
import type { Lang } from './chart-messages.ts';

/**
 * Display facts of every indicator the API can rank: the seven 2017 ones come from QUALITY_INDICATORS, the four that
 * only the 2012 method has are completed here (their unit and decimals are not in @junheng/shared).
 */
export interface IndicatorMeta {
  key: IndicatorKey;
  zh: string;
  en: string;
  /** Axis labels: the official names are too long for a chart axis. */
  shortZh: string;
  shortEn: string;
  unitZh: string;
  unitEn: string;
  decimals: number;
  /** National threshold per stage (2017 indicators only). */
  threshold: Record<Stage, number> | null;
}

const SHORT: Record<IndicatorKey, { zh: string; en: string }> = {
  higher_degree_teachers_per100: { zh: '高学历教师', en: 'Higher-degree teachers' },
  backbone_teachers_per100: { zh: '骨干教师', en: 'Backbone teachers' },
  pe_art_teachers_per100: { zh: '体艺教师', en: 'PE & art teachers' },
  teaching_room_area_per_student: { zh: '教学辅助用房', en: 'Teaching rooms' },
  sports_area_per_student: { zh: '体育场馆', en: 'Sports area' },
  equipment_value_per_student: { zh: '仪器设备值', en: 'Equipment value' },
  multimedia_rooms_per100: { zh: '多媒体教室', en: 'Multimedia rooms' },
  computers_per100: { zh: '计算机', en: 'Computers' },
  books_per_student: { zh: '图书', en: 'Books' },
  teachers_per100: { zh: '师生比', en: 'Teachers' },
  senior_title_teachers_per100: { zh: '中级职称教师', en: 'Senior-title teachers' },
};

const BASIC_ONLY_UNITS: Partial<Record<BasicIndicatorKey, { zh: string; en: string; decimals: number }>> = {
  computers_per100: { zh: '台', en: 'computers', decimals: 2 },
  books_per_student: { zh: '册', en: 'books', decimals: 1 },
  teachers_per100: { zh: '人', en: 'teachers', decimals: 2 },
  senior_title_teachers_per100: { zh: '人', en: 'teachers', decimals: 2 },
};

function buildMeta(): Map<IndicatorKey, IndicatorMeta> {
  const map = new Map<IndicatorKey, IndicatorMeta>();
  for (const definition of QUALITY_INDICATORS) {
    map.set(definition.key, {
      key: definition.key,
      zh: definition.zh,
      en: definition.en,
      shortZh: SHORT[definition.key].zh,
      shortEn: SHORT[definition.key].en,
      unitZh: definition.unitZh,
      unitEn: definition.unitEn,
      decimals: definition.decimals,
      threshold: definition.threshold,
    });
  }
  for (const key of BASIC_INDICATOR_KEYS) {
    if (map.has(key)) continue;
    const unit = BASIC_ONLY_UNITS[key] ?? { zh: '', en: '', decimals: 2 };
    map.set(key, {
      key,
      zh: BASIC_INDICATOR_LABELS[key].zh,
      en: BASIC_INDICATOR_LABELS[key].en,
      shortZh: SHORT[key].zh,
      shortEn: SHORT[key].en,
      unitZh: unit.zh,
      unitEn: unit.en,
      decimals: unit.decimals,
      threshold: null,
    });
  }
  return map;
}

const META = buildMeta();

export function indicatorMeta(key: IndicatorKey): IndicatorMeta {
  const meta = META.get(key);
  if (!meta) throw new Error(`Unknown indicator ${key}`);
  return meta;
}

export function indicatorName(key: IndicatorKey, lang: Lang): string {
  const meta = indicatorMeta(key);
  return lang === 'en' ? meta.en : meta.zh;
}

export function indicatorShortName(key: IndicatorKey, lang: Lang): string {
  const meta = indicatorMeta(key);
  return lang === 'en' ? meta.shortEn : meta.shortZh;
}

export function indicatorUnit(key: IndicatorKey, lang: Lang): string {
  const meta = indicatorMeta(key);
  return lang === 'en' ? meta.unitEn : meta.unitZh;
}

/** Indicators that can be ranked: the seven 2017 ones first, then those only the 2012 method has. */
export const RANKABLE_INDICATORS: readonly IndicatorKey[] = [
  ...QUALITY_INDICATOR_KEYS,
  ...BASIC_INDICATOR_KEYS.filter((key) => !(QUALITY_INDICATOR_KEYS as readonly string[]).includes(key)),
];

export function isQualityIndicator(key: IndicatorKey): key is QualityIndicatorKey {
  return (QUALITY_INDICATOR_KEYS as readonly string[]).includes(key);
}
