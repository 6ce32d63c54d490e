import { SCORECARD_AREA_LABELS, type ScorecardItem, STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { carrySearch } from '../../../app/nav-items.ts';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { scorecardQueryOptions, toScorecardQuery } from '../../../reports/scorecard.ts';
import {
  failingItems,
  formatScorecardValue,
  notEnteredItems,
  SCORECARD_VIEW_MESSAGES,
  scorecardItemLink,
} from '../../../reports/scorecard-display.ts';
import './scorecard-reasons.css';

function itemName(item: ScorecardItem, lang: 'zh' | 'en'): string {
  const name = lang === 'zh' ? item.zh : item.en;
  // Resource items carry their stage in the name already.
  if (!item.stage || item.area === 'resource') return name;
  return lang === 'zh' ? `${name}（${STAGE_LABELS[item.stage].zh}）` : `${name} (${STAGE_LABELS[item.stage].en})`;
}

function FailingItem({ item }: { item: ScorecardItem }) {
  const t = useT();
  const [lang] = useLang();
  const location = useLocation();
  const value = formatScorecardValue(item, lang);
  const detail = lang === 'zh' ? item.detailZh : item.detailEn;
  const requirement = lang === 'zh' ? item.requirementZh : item.requirementEn;
  return (
    <li data-item={item.key}>
      <span className="reason-area muted small">{pickLabel(SCORECARD_AREA_LABELS[item.area], lang)}</span>{' '}
      <strong>{itemName(item, lang)}</strong>
      {value !== null ? (
        <span> {lang === 'zh' ? `${value}（${requirement}）` : `${value} (${requirement})`}</span>
      ) : null}
      {detail ? <span className="muted">{lang === 'zh' ? `：${detail}` : `: ${detail}`}</span> : null}{' '}
      <Link to={scorecardItemLink(item, location.search)}>
        {t('scorecard.seeView', { view: t(SCORECARD_VIEW_MESSAGES[item.view]) })}
      </Link>
    </li>
  );
}

/**
 * 总览's answer to "do we pass, and why not?" over all four parts of the 2017 scorecard: every failing item with its
 * value, standard and a link to where it is explained, then the items not entered yet (listed as such, never as met).
 */
export function ScorecardReasons({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const location = useLocation();
  const scorecardQuery = useMemo(() => toScorecardQuery(county), [county]);
  const query = useReportQuery(scorecardQueryOptions(scorecardQuery));
  const report = query.data;
  const search = carrySearch(location.search);

  let body: React.ReactNode;
  if (query.isPending) body = <Skeleton lines={3} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (!report) body = null;
  else if (report.passes) {
    body = <p className="verdict-line">{t('overview.reasons.allPass', { count: report.summary.total })}</p>;
  } else {
    const failing = failingItems(report.items);
    const missing = notEnteredItems(report.items);
    body = (
      <>
        <p className="muted small">
          {t('overview.reasons.summary', {
            total: report.summary.total,
            pass: report.summary.pass,
            fail: report.summary.fail,
            notEntered: report.summary.notEntered,
          })}{' '}
          <Link to={{ pathname: '/scorecard', search }}>{t('overview.reasons.seeScorecard')}</Link>
        </p>
        {failing.length > 0 ? (
          <>
            <p className="blockers-title">{t('overview.reasons.failing', { count: failing.length })}</p>
            <ul className="blockers-list reasons-list" data-list="failing">
              {failing.map((item) => (
                <FailingItem key={item.key} item={item} />
              ))}
            </ul>
          </>
        ) : null}
        {missing.length > 0 ? (
          <>
            <p className="blockers-title">{t('overview.reasons.notEntered', { count: missing.length })}</p>
            <p className="reasons-missing" data-list="not-entered">
              {missing.map((item) => (
                <Link
                  key={item.key}
                  className="blocker-chip"
                  data-item={item.key}
                  to={scorecardItemLink(item, location.search)}
                >
                  {itemName(item, lang)}
                </Link>
              ))}
            </p>
          </>
        ) : null}
      </>
    );
  }

  return (
    <section
      className="card reasons-card"
      aria-labelledby="reasons-title"
      aria-busy={query.isPending || query.isPlaceholderData}
    >
      <h2 id="reasons-title" className="card-title">
        {t('overview.reasons.title', { year: county.year })}
      </h2>
      <div className={query.isPlaceholderData ? 'updating' : undefined}>{body}</div>
    </section>
  );
}
