import type { DistrictSummary } from '@junheng/shared';
import { type ReactNode, useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { carrySearch } from '../../app/nav-items.ts';
import { usePrintedView } from '../../app/print-context.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorMessage } from '../../components/error-boundary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { ViewTools } from '../../saved-views/components/view-tools.tsx';
import { ScopeNotice } from '../../session/components/scope-notice.tsx';
import type { CountyQuery } from '../county-query.ts';
import { useCountyQuery } from '../hooks/use-county-query.ts';
import type { ViewParams } from '../view-params.ts';
import { FilterBar } from './filter-bar.tsx';
import { ViewContext } from './view-context.tsx';

export interface CountyViewContext {
  district: DistrictSummary;
  county: CountyQuery;
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
}

/**
 * The frame of every county view: page title, filter bar, the context line, and the states before there is a county
 * to show (loading, error, no data yet → a pointer to the Data page). The view itself renders `children(context)`.
 */
export function CountyView({
  id,
  title,
  intro,
  showStage = true,
  toolbar,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  showStage?: boolean;
  /** View-specific controls in the filter bar (e.g. the indicator picker). */
  toolbar?: (context: CountyViewContext) => ReactNode;
  children: (context: CountyViewContext) => ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const { districtsQuery, district, params, update, county } = useCountyQuery();
  usePrintedView(useMemo(() => (county ? { county, showStage } : null), [county, showStage]));

  let content: ReactNode;
  if (districtsQuery.isPending) content = <Skeleton lines={6} />;
  else if (districtsQuery.isError) {
    content = <ErrorMessage error={districtsQuery.error} onRetry={() => districtsQuery.refetch()} />;
  } else if (!district || !county) {
    content = (
      <div className="card">
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
      </div>
    );
  } else {
    const context: CountyViewContext = { district, county, params, update };
    content = (
      <>
        <FilterBar params={params} update={update} county={county} years={district.years} showStage={showStage}>
          {toolbar?.(context)}
        </FilterBar>
        <ScopeNotice />
        <ViewContext district={district} county={county} showStage={showStage} />
        {children(context)}
      </>
    );
  }

  return (
    <section className="page" aria-labelledby={id}>
      <div className="page-heading">
        <h1 id={id} className="page-title">
          {title}
        </h1>
        <ViewTools />
      </div>
      {intro ? <p className="page-intro">{intro}</p> : null}
      {content}
    </section>
  );
}
