import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { carrySearch } from '../../app/nav-items.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { formatInteger } from '../../lib/format.ts';
import { districtsQueryOptions } from '../districts/api/districts.ts';
import { DISTRICT_SEARCH_PARAM, pickDistrict } from '../districts/hooks/use-selected-district.ts';

function CountyHeader() {
  const t = useT();
  const location = useLocation();
  const { data: districts } = useSuspenseQuery(districtsQueryOptions());
  const [searchParams] = useSearchParams();
  const district = pickDistrict(districts, searchParams.get(DISTRICT_SEARCH_PARAM));

  if (!district) {
    return (
      <EmptyState
        title={t('overview.emptyTitle')}
        action={
          <Link className="button" to={{ pathname: '/data', search: carrySearch(location.search) }}>
            {t('overview.goToData')}
          </Link>
        }
      >
        {t('overview.emptyBody')}
      </EmptyState>
    );
  }

  const years = [...district.years].sort((a, b) => a - b);
  const latest = years.at(-1);
  return (
    <div className="county-card">
      <div className="county-card-title">
        <h2>{district.name}</h2>
        <span className="muted">
          {t('overview.countyCode')} {district.code}
        </span>
      </div>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('overview.schools')}</dt>
          <dd>{formatInteger(district.schools)}</dd>
        </div>
        <div className="stat">
          <dt>{t('overview.townships')}</dt>
          <dd>{formatInteger(district.townships)}</dd>
        </div>
        <div className="stat">
          <dt>{t('overview.latestYear')}</dt>
          <dd>{latest ?? '—'}</dd>
        </div>
        <div className="stat stat-wide">
          <dt>{t('overview.years')}</dt>
          <dd>
            {years.length ? (
              <ul className="chips">
                {years.map((year) => (
                  <li key={year} className="chip">
                    {year}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('overview.noYears')}</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

export default function OverviewPage() {
  const t = useT();
  return (
    <section className="page" aria-labelledby="overview-title">
      <h1 id="overview-title" className="page-title">
        {t('overview.title')}
      </h1>
      <div className="card">
        <PanelErrorBoundary>
          <Suspense fallback={<Skeleton lines={4} />}>
            <CountyHeader />
          </Suspense>
        </PanelErrorBoundary>
      </div>
      <div className="card view-pending">
        <p className="muted">{t('overview.chartsPending')}</p>
      </div>
    </section>
  );
}
