import {
  BASIC_INDICATOR_KEYS,
  INDICATOR_CATALOG,
  type IndicatorCatalogEntry,
  type IndicatorKey,
  isQualityKey,
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
} from '../index.ts';
import type { Lang } from './chart-messages.ts';

/** Display facts of an indicator: its entry in the method catalog (INDICATOR_CATALOG in method.ts). */
export type IndicatorMeta = IndicatorCatalogEntry;

export function indicatorMeta(key: IndicatorKey): IndicatorMeta {
  const meta = INDICATOR_CATALOG[key];
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
  return isQualityKey(key);
}
