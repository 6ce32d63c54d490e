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

/** Fills `{name}` placeholders; an unknown placeholder is left as written so a missing variable is visible. */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A bound translate function for one language. */
export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}
