import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_LANG, dictionaries, isLang, type Lang, type Translate, translate } from './translate.ts';

export {
  DEFAULT_LANG,
  isLang,
  LANGS,
  type Lang,
  type MessageVars,
  type Translate,
  translate,
  translator,
} from './translate.ts';
export const LANG_STORAGE_KEY = 'junheng.lang';
export const LANG_SEARCH_PARAM = 'lang';

/** `?lang=` wins (a shared link shows the sender's language), then the analyst's last choice, then Chinese. */
export function readInitialLang(search: string, storage: Pick<Storage, 'getItem'> | undefined): Lang {
  const fromUrl = new URLSearchParams(search).get(LANG_SEARCH_PARAM);
  if (isLang(fromUrl)) return fromUrl;
  try {
    const stored = storage?.getItem(LANG_STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can throw in locked-down browsers; the default is fine.
  }
  return DEFAULT_LANG;
}

interface I18nContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(
    () => initialLang ?? readInitialLang(typeof window === 'undefined' ? '' : window.location.search, browserStorage()),
  );

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      browserStorage()?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = dictionaries[lang]['app.documentTitle'];
  }, [lang]);

  const value = useMemo<I18nContextValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLang must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18nContext().t;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18nContext();
  return [lang, setLang];
}

/** Picks the `zh`/`en` field of the bilingual labels in @junheng/shared (STAGE_LABELS, LOCALE_LABELS …). */
export function pickLabel(label: { zh: string; en: string }, lang: Lang): string {
  return label[lang];
}
