import { QUALITY_INDICATOR_KEYS, QUALITY_MIN_MET, QUALITY_NEAR_MISS_RATIO } from '@junheng/shared';
import { useCallback, useMemo } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorMessage, PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { usePrefetchOtherStage } from '../../county-view/hooks/use-prefetch-other-stage.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import type { ViewParams } from '../../county-view/view-params.ts';
import { useT } from '../../i18n/i18n.tsx';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { balanceQueryOptions } from '../../reports/balance.ts';
import type { HeatmapIndicator } from './charts/build-compliance-heatmap-option.ts';
import { type ComplianceSortColumn, parseComplianceSort, sortComplianceSchools } from './compliance-sort.ts';
import { ComplianceHeatmapPanel } from './components/compliance-heatmap-panel.tsx';
import { ComplianceTable } from './components/compliance-tables.tsx';
import { ExcludedSchools } from './components/excluded-schools.tsx';

function ComplianceContent({
  county,
  params,
  update,
}: {
  county: CountyQuery;
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const t = useT();
  const query = useReportQuery(balanceQueryOptions(county));
  usePrefetchOtherStage(query.isSuccess && !query.isPlaceholderData, county, balanceQueryOptions);
  const report = query.data;
  const sort = parseComplianceSort(params.sort, params.order);
  const schools = useMemo(
    () => (report ? sortComplianceSchools(report.schools, sort.column, sort.order) : []),
    [report, sort.column, sort.order],
  );
  const indicators = useMemo<HeatmapIndicator[]>(
    () =>
      (report?.indicators ?? [])
        .filter((indicator) => (QUALITY_INDICATOR_KEYS as readonly string[]).includes(indicator.key))
        .map((indicator) => ({ key: indicator.key, threshold: indicator.threshold })),
    [report],
  );
  const onSort = useCallback(
    (column: string) => {
      const order = sort.column === column && sort.order === 'asc' ? 'desc' : 'asc';
      update({ sort: column as ComplianceSortColumn, order });
    },
    [sort.column, sort.order, update],
  );

  return (
    <>
      {report && report.schoolsCounted > 0 ? (
        <div className={query.isPlaceholderData ? 'card summary-card updating' : 'card summary-card'}>
          <p className="summary-line">
            {t('compliance.summary', {
              passing: formatInteger(report.verdict.schoolsPassing),
              total: formatInteger(report.schoolsCounted),
            })}
            {report.verdict.schoolsPass ? (
              <span className="verdict verdict-pass"> ✓ {t('compliance.allPass')}</span>
            ) : (
              <span className="verdict verdict-fail">
                {' '}
                ✗ {t('compliance.someFail', { count: formatInteger(report.verdict.failingSchools.length) })}
              </span>
            )}
          </p>
          <p className="muted small">
            {t('compliance.rule', {
              min: QUALITY_MIN_MET,
              total: QUALITY_INDICATOR_KEYS.length,
              ratio: formatPercent(QUALITY_NEAR_MISS_RATIO, 0),
            })}
          </p>
        </div>
      ) : null}

      <ComplianceHeatmapPanel county={county} query={query} schools={schools} highlight={params.school} />

      <PanelErrorBoundary title={t('compliance.tableTitle')}>
        <section className="card" aria-labelledby="compliance-table-title">
          <h2 id="compliance-table-title" className="card-title">
            {t('compliance.tableTitle')}
          </h2>
          {query.isPending ? (
            <Skeleton lines={8} />
          ) : query.isError ? (
            <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
          ) : !report || report.schoolsCounted === 0 ? (
            <EmptyState title={t('panel.emptyTitle')}>{t('panel.emptyBody')}</EmptyState>
          ) : (
            <>
              <p className="muted small">{t('compliance.tableHint')}</p>
              <div className={query.isPlaceholderData ? 'updating' : undefined}>
                <ComplianceTable
                  schools={schools}
                  indicators={indicators}
                  sort={{ column: sort.column, order: sort.order, onSort }}
                  highlight={params.school}
                  caption={t('compliance.tableTitle')}
                />
              </div>
            </>
          )}
        </section>
      </PanelErrorBoundary>

      {report ? <ExcludedSchools excluded={report.excluded} /> : null}
    </>
  );
}

/** 资源配置达标: every school against the seven thresholds (METHOD.md §2). */
export default function CompliancePage() {
  const t = useT();
  return (
    <CountyView id="compliance-title" title={t('compliance.title')}>
      {({ county, params, update }) => <ComplianceContent county={county} params={params} update={update} />}
    </CountyView>
  );
}
