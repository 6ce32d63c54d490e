import type { CvPlanOutcome, DistanceToPassResponse } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type ChartPanelProps } from '../../../components/chart-panel.tsx';
import { IndicatorLabel } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { SchoolLink } from '../../../county-view/components/school-link.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { exportFileName } from '../../../lib/export-links.ts';
import { formatCv, formatIndicator, formatInteger, formatNumber } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { buildCvCompareOption, type CvCompareRow, cvCompareHeight } from '../charts/build-cv-compare-option.ts';
import { formatResourceAmount } from '../resource-units.ts';
import { distanceExports } from './shortfall-panels.tsx';

/** Each failing CV's plan as a before/after bar pair (the pass test mirrors the server's: CV ≤ limit). */
export function planCompareRows(plans: readonly CvPlanOutcome[]): CvCompareRow[] {
  return plans.map((plan) => ({
    key: plan.key,
    before: plan.cvBefore,
    after: plan.cvAfter,
    passesBefore: plan.cvBefore <= plan.cvLimit,
    passesAfter: plan.cvAfter === null ? null : plan.cvAfter <= plan.cvLimit,
  }));
}

interface AdditionRow {
  id: string;
  plan: CvPlanOutcome;
  code: string;
  name: string;
  students: number;
  valueBefore: number;
  valueAfter: number;
  amount: number;
  assetShare: number;
}

function additionRows(plans: readonly CvPlanOutcome[]): AdditionRow[] {
  return plans.flatMap((plan) =>
    plan.additions.map((addition) => ({ id: `${plan.key}:${addition.code}`, plan, ...addition })),
  );
}

/** The plans per failing 差异系数: which schools to raise, by how much, and the CV and passing schools after. */
export function CvPlansPanel({
  county,
  query,
  report,
  stageLabel,
  cvLimit,
}: {
  county: CountyQuery;
  query: ChartPanelProps['query'];
  report: DistanceToPassResponse | undefined;
  stageLabel: string;
  cvLimit: number;
}) {
  const t = useT();
  const [lang] = useLang();
  const plans = report?.cvPlans ?? [];
  const option = useMemo(
    () =>
      plans.length
        ? buildCvCompareOption(planCompareRows(plans), { lang, cvLimit: plans[0]?.cvLimit ?? cvLimit })
        : null,
    [plans, lang, cvLimit],
  );
  const exports = useMemo(() => distanceExports(county, 'plans', lang), [county, lang]);
  const title = t('improve.plans.title', { stage: stageLabel });
  const height = cvCompareHeight(plans.length);
  return (
    <ChartPanel
      title={title}
      subtitle={t('improve.plans.subtitle', { limit: formatCv(cvLimit, 2) })}
      query={query}
      isEmpty={plans.length === 0}
      // Schools counted and no plan: every CV is within its limit, which is good news, not an empty filter.
      emptyTitle={report && report.schoolsCounted > 0 ? t('improve.plans.noneTitle') : undefined}
      emptyMessage={
        report && report.schoolsCounted > 0 ? t('improve.plans.none', { limit: formatCv(cvLimit, 2) }) : undefined
      }
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={240}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} /> : null)}
      table={() => <PlanAdditionsTable plans={plans} caption={title} />}
      footer={<PlanSummaries plans={plans} />}
    />
  );
}

function PlanSummaries({ plans }: { plans: readonly CvPlanOutcome[] }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <ul className="plan-summaries">
      {plans.map((plan) => (
        <li key={plan.key}>
          <strong>{indicatorName(plan.key, lang)}</strong>
          {lang === 'zh' ? '：' : ': '}
          {t(plan.achievable ? 'improve.plans.summary' : 'improve.plans.summaryUnachievable', {
            before: formatCv(plan.cvBefore),
            after: formatCv(plan.cvAfter),
            schools: formatInteger(plan.additions.length),
            total: formatResourceAmount(plan.totalAddition, plan.resourceUnit, lang),
            passingBefore: formatInteger(plan.schoolsPassingBefore),
            passingAfter: formatInteger(plan.schoolsPassingAfter),
          })}
        </li>
      ))}
    </ul>
  );
}

/** One row per school raised (the rows of the `table=plans` download). */
function PlanAdditionsTable({ plans, caption }: { plans: readonly CvPlanOutcome[]; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const rows = useMemo(() => additionRows(plans), [plans]);
  const columns: Column<AdditionRow>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.plan.key} /> },
    {
      id: 'school',
      header: t('table.school'),
      cell: (row) => <SchoolLink code={row.code} name={row.name} />,
      pin: 'start',
    },
    { id: 'students', header: t('table.students'), numeric: true, cell: (row) => formatInteger(row.students) },
    {
      id: 'before',
      header: t('improve.table.valueBefore'),
      numeric: true,
      cell: (row) => formatIndicator(row.plan.key, row.valueBefore),
    },
    {
      id: 'amount',
      header: t('improve.table.addition'),
      numeric: true,
      cell: (row) => formatResourceAmount(row.amount, row.plan.resourceUnit, lang),
    },
    {
      id: 'assetShare',
      header: t('improve.table.assetShare'),
      numeric: true,
      cell: (row) => formatNumber(row.assetShare, 4),
    },
    {
      id: 'after',
      header: t('improve.table.valueAfter'),
      numeric: true,
      cell: (row) => formatIndicator(row.plan.key, row.valueAfter),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} maxHeight={420} />;
}
