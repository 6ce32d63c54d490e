import { QUALITY_CV_LIMIT, STAGE_LABELS } from '@junheng/shared';
import { PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import type { ViewParams } from '../../county-view/view-params.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { distanceToPassQueryOptions } from './api/distance-to-pass.ts';
import { BudgetTotals } from './components/budget-totals.tsx';
import { CvPlansPanel } from './components/cv-plans-panel.tsx';
import { ShortfallChartPanel, ShortfallTableCard } from './components/shortfall-panels.tsx';
import { WhatIfEditor } from './components/what-if-editor.tsx';
import { parseShortfallSort } from './shortfall-sort.ts';
import './improve.css';

/** 差异系数 limits of the 2017 method, for the plan panel's subtitle before the report arrives. */

function ImproveContent({
  county,
  params,
  update,
}: {
  county: CountyQuery;
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const query = useReportQuery(distanceToPassQueryOptions(county));
  const report = query.data;
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);
  const sort = parseShortfallSort(params.sort, params.order);
  const onSort = (column: string) =>
    update({ sort: column, order: sort.column === column && sort.order === 'asc' ? 'desc' : 'asc' });
  const cvLimit = report?.cvPlans[0]?.cvLimit ?? QUALITY_CV_LIMIT[county.stage];

  return (
    <>
      <PanelErrorBoundary title={t('improve.budget.title', { stage: stageLabel })}>
        <BudgetTotals query={query} report={report} stageLabel={stageLabel} />
      </PanelErrorBoundary>
      <div className="panel-grid">
        <PanelErrorBoundary title={t('improve.shortfallChart.title', { stage: stageLabel })}>
          <ShortfallChartPanel county={county} query={query} report={report} stageLabel={stageLabel} />
        </PanelErrorBoundary>
        <PanelErrorBoundary title={t('improve.plans.title', { stage: stageLabel })}>
          <CvPlansPanel county={county} query={query} report={report} stageLabel={stageLabel} cvLimit={cvLimit} />
        </PanelErrorBoundary>
      </div>
      <PanelErrorBoundary title={t('improve.shortfallTable.title')}>
        <ShortfallTableCard
          county={county}
          report={report}
          placeholder={query.isPlaceholderData}
          sort={sort}
          onSort={onSort}
        />
      </PanelErrorBoundary>
      <PanelErrorBoundary title={t('improve.whatIf.title', { stage: stageLabel })}>
        <WhatIfEditor county={county} />
      </PanelErrorBoundary>
    </>
  );
}

/** 补短板: what each school lacks, the county's budget to close it, the plan per failing CV, and a what-if editor. */
export default function ImprovePage() {
  const t = useT();
  return (
    <CountyView id="improve-title" title={t('improve.title')} intro={t('improve.intro')}>
      {({ county, params, update }) => <ImproveContent county={county} params={params} update={update} />}
    </CountyView>
  );
}
