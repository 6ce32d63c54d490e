import {
  BASIC_INDICATOR_LABELS,
  type IndicatorKey,
  LOCALE_LABELS,
  type Locale,
  QUALITY_CV_LIMIT,
  QUALITY_INDICATOR_KEYS,
  QUALITY_INDICATORS,
  type QualityIndicatorKey,
  STAGE_LABELS,
  type Stage,
} from '@junheng/shared';

export type Lang = 'zh' | 'en';

/** Units of the 2012-only indicators (the 2017 ones carry theirs in QUALITY_INDICATORS). */
const BASIC_ONLY_UNITS: Partial<Record<IndicatorKey, { unitZh: string; unitEn: string }>> = {
  computers_per100: { unitZh: '台', unitEn: 'computers' },
  books_per_student: { unitZh: '册', unitEn: 'books' },
  teachers_per100: { unitZh: '人', unitEn: 'teachers' },
  senior_title_teachers_per100: { unitZh: '人', unitEn: 'teachers' },
};

export const isQualityKey = (key: string): key is QualityIndicatorKey =>
  (QUALITY_INDICATOR_KEYS as readonly string[]).includes(key);

export interface IndicatorLabel {
  key: IndicatorKey;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  decimals: number;
}

/** Name, unit and display decimals of any indicator the engine computes (2017 seven or 2012 eight). */
export function describeIndicator(key: IndicatorKey): IndicatorLabel {
  const quality = QUALITY_INDICATORS.find((d) => d.key === key);
  if (quality) return quality;
  const basic = BASIC_INDICATOR_LABELS[key as keyof typeof BASIC_INDICATOR_LABELS];
  const unit = BASIC_ONLY_UNITS[key] ?? { unitZh: '', unitEn: '' };
  return { key, zh: basic?.zh ?? key, en: basic?.en ?? key, ...unit, decimals: 2 };
}

/** The 2017 threshold and CV limit of an indicator for a stage; null for the 2012-only indicators. */
export function findStandard(key: IndicatorKey, stage: Stage): { threshold: number | null; cvLimit: number | null } {
  const quality = QUALITY_INDICATORS.find((d) => d.key === key);
  return quality
    ? { threshold: quality.threshold[stage], cvLimit: QUALITY_CV_LIMIT[stage] }
    : { threshold: null, cvLimit: null };
}

export const indicatorName = (key: IndicatorKey, lang: Lang) => describeIndicator(key)[lang === 'zh' ? 'zh' : 'en'];
export const localeName = (locale: Locale | string, lang: Lang) => LOCALE_LABELS[locale as Locale]?.[lang] ?? locale;
export const stageName = (stage: Stage, lang: Lang) => STAGE_LABELS[stage][lang];
