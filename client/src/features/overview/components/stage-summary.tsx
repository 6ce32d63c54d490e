import { QUALITY_INDICATOR_KEYS, STAGE_LABELS } from '@junheng/shared';
import { Link, useLocation } from 'react-router';
import { carrySearch } from '../../../app/nav-items.ts';
import { VerdictText } from '../../../components/cv-bar-panel.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { writeViewParams } from '../../../county-view/view-params.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatCv, formatCvAgainst, formatInteger } from '../../../lib/format.ts';
import { indicatorShortName } from '../../../lib/indicators.ts';
import { balanceQueryOptions, basicBalanceQueryOptions } from '../../../reports/balance.ts';

/**
 * One stage's county-year verdict (2017 资源配置): passes or not, and what blocks it — the indicators whose CV is over
 * the limit and the schools that fail — with the 2012 composite CV beside it.
 */
export function StageSummary({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const location = useLocation();
  const balance = useReportQuery(balanceQueryOptions(county));
  const basic = useReportQuery(basicBalanceQueryOptions(county));
  const report = balance.data;
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);

  const complianceLink = {
    pathname: '/compliance',
    search: `?${writeViewParams(new URLSearchParams(carrySearch(location.search)), {
      stage: county.stage,
      sort: 'passes',
      order: 'asc',
    }).toString()}`,
  };

  let body: React.ReactNode;
  if (balance.isPending) body = <Skeleton lines={5} />;
  else if (balance.isError) body = <ErrorMessage error={balance.error} onRetry={() => balance.refetch()} />;
  else if (!report || report.schoolsCounted === 0) {
    body = <EmptyState title={t('panel.emptyTitle')}>{t('panel.emptyBody')}</EmptyState>;
  } else {
    const { verdict } = report;
    const cvPassing = report.indicators.filter((indicator) => indicator.cvPasses === true).length;
    const failing = verdict.failingSchools.length;
    body = (
      <>
        <dl className="kpi-grid">
          <div className={verdict.schoolsPass ? 'kpi kpi-pass' : 'kpi kpi-fail'}>
            <dt>{t('overview.schoolsPassing')}</dt>
            <dd>
              {formatInteger(verdict.schoolsPassing)}
              <span className="kpi-of"> / {formatInteger(report.schoolsCounted)}</span>
            </dd>
          </div>
          <div className={verdict.cvPasses === null ? 'kpi' : verdict.cvPasses ? 'kpi kpi-pass' : 'kpi kpi-fail'}>
            <dt>{t('overview.cvPassing')}</dt>
            {verdict.cvPasses === null ? (
              <dd className="kpi-note">{t('verdict.tooFewUnits')}</dd>
            ) : (
              <dd>
                {formatInteger(cvPassing)}
                <span className="kpi-of"> / {QUALITY_INDICATOR_KEYS.length}</span>
              </dd>
            )}
          </div>
          <div
            className={
              basic.data?.compositePasses === false
                ? 'kpi kpi-fail'
                : basic.data?.compositePasses
                  ? 'kpi kpi-pass'
                  : 'kpi'
            }
          >
            <dt>{t('overview.basicComposite')}</dt>
            {basic.data?.compositeNullReason === 'too_few_units' ? (
              <dd className="kpi-note">{t('verdict.tooFewUnits')}</dd>
            ) : (
              <dd>
                {basic.isPending
                  ? '…'
                  : basic.isError
                    ? '—'
                    : formatCvAgainst(basic.data?.compositeCv, basic.data?.compositeLimit)}
                {basic.data ? <span className="kpi-of"> ≤ {formatCv(basic.data.compositeLimit, 2)}</span> : null}
              </dd>
            )}
          </div>
        </dl>

        <div className="blockers">
          {verdict.passes === null ? (
            <p className="muted">{t('overview.tooFewUnits', { schools: formatInteger(report.schoolsCounted) })}</p>
          ) : verdict.passes ? (
            <p className="verdict-line">{t('overview.allClear', { stage: stageLabel })}</p>
          ) : (
            <>
              <p className="blockers-title">{t('overview.blockedBy')}</p>
              <ul className="blockers-list">
                {verdict.blockingIndicators.length ? (
                  <li>
                    {t('overview.blockingIndicators', { count: verdict.blockingIndicators.length })}
                    {verdict.blockingIndicators.map((key) => {
                      const indicator = report.indicators.find((item) => item.key === key);
                      return (
                        <span key={key} className="blocker-chip">
                          {indicatorShortName(key, lang)}{' '}
                          {indicator ? formatCvAgainst(indicator.cv, indicator.cvLimit) : ''}
                        </span>
                      );
                    })}
                  </li>
                ) : null}
                {failing > 0 ? (
                  <li>
                    {t('overview.failingSchools', { count: formatInteger(failing) })}{' '}
                    <Link to={complianceLink}>{t('overview.seeCompliance')}</Link>
                  </li>
                ) : null}
              </ul>
            </>
          )}
          {basic.isError ? <ErrorMessage error={basic.error} onRetry={() => basic.refetch()} /> : null}
        </div>
        <p className="muted small">
          {t('overview.counted', {
            schools: formatInteger(report.schoolsCounted),
            students: formatInteger(report.studentsCounted),
            excluded: formatInteger(report.excluded.length),
          })}
        </p>
      </>
    );
  }

  return (
    <section
      className="card stage-card"
      aria-labelledby={`stage-${county.stage}-title`}
      aria-busy={balance.isPending || balance.isPlaceholderData}
    >
      <header className="stage-card-header">
        <h2 id={`stage-${county.stage}-title`} className="card-title">
          {t('overview.stageTitle', { stage: stageLabel })}
        </h2>
        {report && report.schoolsCounted > 0 ? (
          <span
            className={
              report.verdict.passes === null
                ? 'verdict-badge'
                : report.verdict.passes
                  ? 'verdict-badge pass'
                  : 'verdict-badge fail'
            }
          >
            <VerdictText
              passes={report.verdict.passes}
              reason={report.verdict.passes === null ? 'too_few_units' : null}
            />
          </span>
        ) : null}
      </header>
      <div className={balance.isPlaceholderData ? 'updating' : undefined}>{body}</div>
    </section>
  );
}
