import {
  type IndicatorKey,
  indicatorEntry,
  LOCALE_LABELS,
  type Locale,
  STAGE_LABELS,
  type Stage,
} from '@junheng/shared';

export type Lang = 'zh' | 'en';

export interface IndicatorLabel {
  key: IndicatorKey;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  decimals: number;
}

/** Name, unit and display decimals of any indicator the engine computes: its entry in the method catalog. */
export function describeIndicator(key: IndicatorKey): IndicatorLabel {
  return indicatorEntry(key);
}

export const indicatorName = (key: IndicatorKey, lang: Lang) => describeIndicator(key)[lang === 'zh' ? 'zh' : 'en'];
/** The 指标 line of an export's 说明 sheet (and file name) for a report of one indicator. */
export const indicatorFilter = (key: IndicatorKey, lang: Lang): [string, string] => [
  lang === 'zh' ? '指标' : 'Indicator',
  indicatorName(key, lang),
];
export const localeName = (locale: Locale | string, lang: Lang) => LOCALE_LABELS[locale as Locale]?.[lang] ?? locale;
export const stageName = (stage: Stage, lang: Lang) => STAGE_LABELS[stage][lang];
