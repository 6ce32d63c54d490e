import { BASIC_INDICATORS, type BasicIndicatorKey, cvDisplayDecimals, type IndicatorKey } from '../index.ts';
import type { Lang } from './chart-messages.ts';
import { indicatorMeta } from './indicators.ts';

/** Shown where a number is missing (no data, division by zero students). */
export const MISSING = '—';

const CV_DECIMALS = 3;
const WAN = 10_000;
const YI = 100_000_000;

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(decimals: number, grouping = true): Intl.NumberFormat {
  const id = `${decimals}:${grouping}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.NumberFormat('zh-CN', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formatters.set(id, formatter);
  }
  return formatter;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Fixed decimals with thousands grouping: `formatNumber(12345.678, 2)` → `12,345.68`. Null/NaN → `—`. */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (!isNumber(value)) return MISSING;
  // Avoid "-0.00" for tiny negatives that round to zero.
  const rounded = Number(value.toFixed(decimals));
  return numberFormat(decimals).format(rounded === 0 ? 0 : value);
}

export function formatInteger(value: number | null | undefined): string {
  return formatNumber(value, 0);
}

/** 差异系数: three decimals by default (METHOD.md §4), full precision is kept upstream. */
export function formatCv(value: number | null | undefined, decimals = CV_DECIMALS): string {
  return formatNumber(value, decimals);
}

/**
 * A CV shown next to its limit: 3 decimals, more when 3 would show the limit itself while the value differs (#9.11):
 * `formatCvAgainst(0.5004, 0.5)` → `0.5004`, so a CV that fails is never shown as 0.500. The verdict compares full
 * precision; the exports use the same decimals (cvDisplayDecimals).
 */
export function formatCvAgainst(value: number | null | undefined, limit: number | null | undefined): string {
  return formatCv(value, cvDisplayDecimals(value, limit));
}

/** A ratio (0.123) as a percentage (`12.3%`). */
export function formatPercent(ratio: number | null | undefined, decimals = 1): string {
  if (!isNumber(ratio)) return MISSING;
  return `${formatNumber(ratio * 100, decimals)}%`;
}

export function indicatorDecimals(key: IndicatorKey): number {
  return indicatorMeta(key).decimals;
}

/**
 * An indicator value with the decimals the method fixes for it (`decimals` in QUALITY_INDICATORS), optionally with
 * its unit: `formatIndicator('sports_area_per_student', 7.456, { unit: true })` → `7.46 平方米`.
 */
export function formatIndicator(
  key: IndicatorKey,
  value: number | null | undefined,
  options: { unit?: boolean; lang?: Lang } = {},
): string {
  const text = formatNumber(value, indicatorDecimals(key));
  if (!options.unit || text === MISSING) return text;
  const meta = indicatorMeta(key);
  const unit = options.lang === 'en' ? meta.unitEn : meta.unitZh;
  return unit ? `${text} ${unit}` : text;
}

/**
 * A 2012 (基本均衡) value in the unit of the published 申报表 (BASIC_INDICATORS): the teacher indicators as ratios per
 * student with 3 decimals (`formatBasicIndicator('teachers_per100', 0.0537, { unit: true })` → `0.054 人/生`).
 */
export function formatBasicIndicator(
  key: BasicIndicatorKey,
  value: number | null | undefined,
  options: { unit?: boolean; lang?: Lang } = {},
): string {
  const definition = BASIC_INDICATORS.find((d) => d.key === key);
  const text = formatNumber(value, definition?.decimals ?? 2);
  if (!options.unit || text === MISSING || !definition) return text;
  return `${text} ${options.lang === 'en' ? definition.unitEn : definition.unitZh}`;
}

/**
 * Money in yuan, Chinese convention: below 1 万 as whole yuan, from 1 万 in 万元 with two decimals, from 1 亿 in 亿元.
 * `formatMoney(123_456)` → `12.35 万元`; `formatMoney(9_800)` → `9,800 元`. English spells out yuan with grouping.
 */
export function formatMoney(yuan: number | null | undefined, lang: Lang = 'zh'): string {
  if (!isNumber(yuan)) return MISSING;
  const magnitude = Math.abs(yuan);
  if (lang === 'en') {
    if (magnitude >= 1_000_000) return `${formatNumber(yuan / 1_000_000, 2)} million yuan`;
    return `${formatNumber(yuan, 0)} yuan`;
  }
  if (magnitude >= YI) return `${formatNumber(yuan / YI, 2)} 亿元`;
  if (magnitude >= WAN) return `${formatNumber(yuan / WAN, 2)} 万元`;
  return `${formatNumber(yuan, 0)} 元`;
}

/** File sizes for the upload list. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}
