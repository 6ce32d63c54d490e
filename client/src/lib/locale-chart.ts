import { LOCALE_LABELS, LOCALES, type Locale } from '@junheng/shared';
import type { Lang } from '../i18n/translate.ts';
import { formatNumber } from './format.ts';

/**
 * One colour per 统计用城乡分类 class, used wherever classes are told apart (lines, boxes, Sankey nodes). None of them is
 * the met / not-met green or red, so a class is never read as a verdict.
 */
export const LOCALE_COLORS: Record<Locale, string> = {
  urban: '#3b6fb6',
  town: '#8a62b3',
  rural: '#2f9486',
};

/** Faded strength of a class the URL does not select (the selected ones stay at full strength). */
export const FADED_OPACITY = 0.28;

export function localeLabel(locale: Locale, lang: Lang): string {
  return LOCALE_LABELS[locale][lang];
}

/** A class is emphasised when the view filters to it, or when no class filter is set. */
export function isLocaleEmphasised(locale: Locale, selected: readonly Locale[]): boolean {
  return selected.length === 0 || selected.includes(locale);
}

/** What a click on a chart hit: a data item (its index on a class axis) or the class name on the axis. */
export interface LocaleClick {
  componentType?: string;
  dataIndex?: number;
  value?: unknown;
}

/**
 * The locale class a click on a chart whose category axis is `categories` refers to: a bar (by its index) or an axis
 * label (by its text in the current language). null when the click hit anything else.
 */
export function localeFromClick(event: LocaleClick, categories: readonly Locale[], lang: Lang): Locale | null {
  if (event.componentType === 'series' && typeof event.dataIndex === 'number') {
    return categories[event.dataIndex] ?? null;
  }
  if (event.componentType === 'xAxis' || event.componentType === 'yAxis') {
    return categories.find((locale) => localeLabel(locale, lang) === event.value) ?? null;
  }
  return null;
}

/**
 * The locale filter after clicking a class: only that class, or back to every class when it already was the only one
 * (a second click undoes the first).
 */
export function toggleLocaleFilter(current: readonly Locale[], clicked: Locale): Locale[] {
  return current.length === 1 && current[0] === clicked ? [] : [clicked];
}

/** Classes in the official order 城区, 镇区, 乡村. */
export function orderLocales(locales: Iterable<Locale>): Locale[] {
  const set = new Set(locales);
  return LOCALES.filter((locale) => set.has(locale));
}

/** `text` in brackets as each language writes them: full-width in Chinese, ` (…)` in English. */
export function inParens(text: string, lang: Lang): string {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}

/** A ratio of two means (`1.14`), or `—`. */
export function formatRatio(value: number | null | undefined): string {
  return formatNumber(value, 2);
}
