import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { isLang, LANG_SEARCH_PARAM, LANGS, type Lang, useLang, useT } from '../i18n/i18n.tsx';
import { useSetLatestSearchParams } from '../lib/latest-search-params.ts';

const LANG_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

/** Keeps the language and `?lang=` in step: a changed parameter wins, a click updates the parameter if present. */
function useLangSearchParam(): (next: Lang) => void {
  const [lang, setLang] = useLang();
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const param = searchParams.get(LANG_SEARCH_PARAM);
  const lastParam = useRef<string | null>(null);

  useEffect(() => {
    if (param === lastParam.current) return;
    lastParam.current = param;
    if (isLang(param) && param !== lang) setLang(param);
  }, [param, lang, setLang]);

  return (next: Lang) => {
    setLang(next);
    if (searchParams.has(LANG_SEARCH_PARAM)) {
      setSearchParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          updated.set(LANG_SEARCH_PARAM, next);
          return updated;
        },
        { replace: true },
      );
    }
  };
}

/** 中文 | English, in the header and on the login page. */
export function LanguageSwitch() {
  const t = useT();
  const [lang] = useLang();
  const switchTo = useLangSearchParam();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toggle-button group, not a form fieldset
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          lang={code === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={lang === code}
          className={lang === code ? 'lang-option active' : 'lang-option'}
          onClick={() => switchTo(code)}
        >
          {LANG_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
