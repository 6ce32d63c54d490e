import { STAGE_LABELS } from '@junheng/shared';
import { Suspense, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { PanelErrorBoundary } from '../components/error-boundary.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { schoolFilterNames } from '../county-view/filter-options.ts';
import { useFilterOptions } from '../county-view/hooks/use-filter-options.ts';
import { useSelectedDistrict } from '../districts/hooks/use-selected-district.ts';
import { UserMenu } from '../features/auth/components/user-menu.tsx';
import { useLang, useT } from '../i18n/i18n.tsx';
import { useMe } from '../session/hooks/use-me.ts';
import { restrictedTownshipNames } from '../session/scope.ts';
import { carrySearch, NAV_ITEMS, visibleNavItems } from './nav-items.ts';
import { type PrintedView, PrintedViewContext, printContextLine } from './print-context.ts';
import { usePrinting } from './print-mode.ts';

/** Counties beyond which the picker's options are made on first use. */
const LAZY_PICKER_FROM = 200;

function CountyPicker() {
  const t = useT();
  const [lang] = useLang();
  const { query, districts, district, several, setDistrict } = useSelectedDistrict();
  const [expanded, setExpanded] = useState(false);
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
  // A national list (thousands of counties) costs every render of the header and a layout of each name: its options
  // are made when the picker is first used (focus comes before the list opens); until then it holds the one shown.
  const listed = expanded || districts.length <= LAZY_PICKER_FROM ? districts : [district];
  const expand = () => {
    if (!expanded) flushSync(() => setExpanded(true));
  };
  return (
    <label className="county">
      <span className="county-label">{t('header.county')}</span>
      <select
        value={district.code}
        onChange={(event) => setDistrict(event.target.value)}
        onFocus={expand}
        onPointerDown={expand}
        aria-label={t('header.selectCounty')}
      >
        {listed.map((item) => (
          <option key={item.code} value={item.code}>
            {lang === 'zh' ? `${item.name}（${item.code}）` : `${item.name} (${item.code})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Printed pages carry their context: county, data year, the stage and filters of the county view on screen, and the
 * time of printing (the navigation is not printed). Re-rendered when printing starts, so the time is the print's.
 */
function PrintContext({ view }: { view: PrintedView | null }) {
  const t = useT();
  const [lang] = useLang();
  const printing = usePrinting();
  const [searchParams] = useSearchParams();
  const { district } = useSelectedDistrict();
  const scope = restrictedTownshipNames(useMe());
  const county = view?.county ?? null;
  const year =
    county?.year.toString() ??
    searchParams.get('year') ??
    (district?.years.length ? String(Math.max(...district.years)) : null);
  // Township names come from the (cached) unfiltered balance reports; only looked up when a township is chosen.
  const { options } = useFilterOptions(county && county.township.length > 0 ? county : null);
  // A new time for each print; none on screen (see PrintContextParts.printedAt).
  const printedAt = useMemo(() => (printing ? new Date() : null), [printing]);
  const line = printContextLine(
    {
      district: district ?? null,
      year,
      stage: county && view?.showStage ? STAGE_LABELS[county.stage][lang] : null,
      filters: county ? schoolFilterNames(county, options, lang) : null,
      scope,
      printedAt,
    },
    t,
    lang,
  );
  return <p className="print-only print-context">{line}</p>;
}

export function AppLayout() {
  const t = useT();
  const location = useLocation();
  const search = carrySearch(location.search);
  const { districts } = useSelectedDistrict();
  const navItems = visibleNavItems(NAV_ITEMS, useMe()?.user.role, districts.length);
  const [printedView, setPrintedView] = useState<PrintedView | null>(null);
  return (
    <PrintedViewContext value={setPrintedView}>
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
            <UserMenu />
          </div>
          <PrintContext view={printedView} />
        </header>
        <div className="app-body">
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              {navItems.map((item) => (
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
    </PrintedViewContext>
  );
}
