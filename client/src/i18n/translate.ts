import { type Dictionary, en, type MessageKey, zh } from './dictionary.ts';

/**
 * The React-free half of i18n: chart builders and other pure code translate with `translate(lang, key)` without
 * pulling React into their module graph (i18n.tsx re-exports all of this for components).
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

export const dictionaries: Record<Lang, Dictionary> = { zh, en };

export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** `{count, plural, one {# school} other {# schools}}`: the ICU plural subset English messages need (# = the value). */
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/** A variable is often passed already formatted ("1,234"): its plural category is that of the number it shows. */
function isOne(value: string | number): boolean {
  return Number(String(value).replace(/[,\s]/g, '')) === 1;
}

/**
 * Fills `{name}` placeholders and `{name, plural, one {…} other {…}}` choices; an unknown placeholder is left as
 * written so a missing variable is visible.
 */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[lang][key];
  if (!vars) return template;
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return (isOne(value) ? one : other).replaceAll('#', String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A bound translate function for one language. */
export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}
