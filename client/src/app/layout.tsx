import { LOCALE_LABELS, STAGE_LABELS, type Stage } from '@junheng/shared';
import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { PanelErrorBoundary } from '../components/error-boundary.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { useSelectedDistrict } from '../features/districts/hooks/use-selected-district.ts';
import { toCountyQuery } from '../features/filters/county-query.ts';
import { useFilterOptions } from '../features/filters/hooks/use-filter-options.ts';
import { parseViewParams } from '../features/filters/view-params.ts';
import { isLang, LANG_SEARCH_PARAM, LANGS, type Lang, useLang, useT } from '../i18n/i18n.tsx';
import { carrySearch, NAV_ITEMS } from './nav-items.ts';

const LANG_NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

/** Keeps the language and `?lang=` in step: a changed parameter wins, a click updates the parameter if present. */
function useLangSearchParam(): (next: Lang) => void {
  const [lang, setLang] = useLang();
  const [searchParams, setSearchParams] = useSearchParams();
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

function LanguageSwitch() {
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

function CountyPicker() {
  const t = useT();
  const [lang] = useLang();
  const { query, districts, district, several, setDistrict } = useSelectedDistrict();
  if (query.isPending) return <span className="county muted">{t('header.loadingCounty')}</span>;
  if (query.isError) {
    return (
      <span className="county county-error">
        {t('header.countyError')}{' '}
        <button type="button" className="link-button" onClick={() => query.refetch()}>
          {t('common.retry')}
        </button>
      </span>
    );
  }
  if (!district) return <span className="county muted">{t('header.noCounty')}</span>;
  if (!several) {
    return (
      <span className="county">
        <span className="county-label">{t('header.county')}</span>
        <strong>{district.name}</strong> <span className="muted">{district.code}</span>
      </span>
    );
  }
  return (
    <label className="county">
      <span className="county-label">{t('header.county')}</span>
      <select
        value={district.code}
        onChange={(event) => setDistrict(event.target.value)}
        aria-label={t('header.selectCounty')}
      >
        {districts.map((item) => (
          <option key={item.code} value={item.code}>
            {lang === 'zh' ? `${item.name}（${item.code}）` : `${item.name} (${item.code})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Printed pages carry their context: county, data year and filters (the navigation is not printed). */
function PrintContext() {
  const t = useT();
  const [lang] = useLang();
  const [searchParams] = useSearchParams();
  const { district } = useSelectedDistrict();
  const year = searchParams.get('year') ?? (district?.years.length ? String(Math.max(...district.years)) : null);
  const stage = searchParams.get('stage');
  const params = parseViewParams(searchParams);
  // Township names come from the (cached) unfiltered balance reports; only looked up when a township is chosen.
  const county = district && params.township.length > 0 ? toCountyQuery(district, params) : null;
  const { options } = useFilterOptions(county);
  const townshipNames = params.township.map(
    (code) => options.townships.find((township) => township.code === code)?.name ?? code,
  );
  const filters = [
    stage && stage in STAGE_LABELS ? STAGE_LABELS[stage as Stage][lang] : null,
    townshipNames.join('、'),
    params.locale.map((locale) => LOCALE_LABELS[locale][lang]).join('、'),
    params.group.join('、'),
  ].filter(Boolean);
  return (
    <p className="print-only print-context">
      {district ? `${t('header.county')}：${district.name}（${district.code}）` : null}
      {year ? ` · ${t('header.dataYear')}：${year}` : null}
      {filters.length ? ` · ${t('header.filters')}：${filters.join('，')}` : null}
      {` · ${t('header.printedAt')}：${new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}`}
    </p>
  );
}

export function AppLayout() {
  const t = useT();
  const location = useLocation();
  const search = carrySearch(location.search);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name" lang="zh-CN">
            均衡
          </span>
          <span className="brand-latin" lang="en">
            Junheng
          </span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          <CountyPicker />
          <LanguageSwitch />
        </div>
        <PrintContext />
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={{ pathname: item.to, search }}
                  end={item.end ?? false}
                  className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
                >
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          <PanelErrorBoundary key={location.pathname}>
            <Suspense fallback={<Skeleton lines={6} />}>
              <Outlet />
            </Suspense>
          </PanelErrorBoundary>
        </main>
      </div>
    </div>
  );
}
