import { SCORECARD_AREA_LABELS, type ScorecardItem, type ScorecardResponse } from '@junheng/shared';
import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { TablePanel } from '../../components/table-panel.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import { SchoolLink } from '../../county-view/components/school-link.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { buildExportLinks } from '../../lib/export-links.ts';
import { formatInteger } from '../../lib/format.ts';
import { scorecardQueryInput, scorecardQueryOptions, toScorecardQuery } from '../../reports/scorecard.ts';
import { scorecardSchoolsId } from '../../reports/scorecard-display.ts';
import { ScorecardTable } from './components/scorecard-table.tsx';
import './scorecard.css';

function ScorecardSummary({ report }: { report: ScorecardResponse }) {
  const t = useT();
  const [lang] = useLang();
  const { summary } = report;
  const verdict =
    summary.fail > 0
      ? t('scorecard.verdictFail')
      : summary.notEntered > 0
        ? t('scorecard.verdictIncomplete')
        : t('scorecard.verdictPass');
  return (
    <section className="card" aria-labelledby="scorecard-summary-title">
      <header className="stage-card-header">
        <h2 id="scorecard-summary-title" className="card-title">
          {t('scorecard.summaryTitle', { year: report.year })}
        </h2>
        <span
          className={report.passes ? 'verdict-badge pass' : summary.fail > 0 ? 'verdict-badge fail' : 'verdict-badge'}
        >
          {verdict}
        </span>
      </header>
      <dl className="kpi-grid scorecard-kpis">
        <div className="kpi">
          <dt>{t('scorecard.kpiTotal')}</dt>
          <dd>{formatInteger(summary.total)}</dd>
        </div>
        <div className="kpi kpi-pass">
          <dt>{t('scorecard.kpiPass')}</dt>
          <dd>{formatInteger(summary.pass)}</dd>
        </div>
        <div className={summary.fail > 0 ? 'kpi kpi-fail' : 'kpi'}>
          <dt>{t('scorecard.kpiFail')}</dt>
          <dd>{formatInteger(summary.fail)}</dd>
        </div>
        <div className="kpi">
          <dt>{t('scorecard.kpiNotEntered')}</dt>
          <dd>{formatInteger(summary.notEntered)}</dd>
        </div>
      </dl>
      <ul className="scorecard-areas-summary small">
        {report.areas.map((area) => (
          <li key={area.area}>
            <strong>{pickLabel(SCORECARD_AREA_LABELS[area.area], lang)}</strong>
            <br />
            <span className="muted">
              {t('scorecard.areaCounts', { pass: area.pass, fail: area.fail, notEntered: area.notEntered })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The schools behind a failing item that no other view lists (music and art rooms, certificates). */
function ItemSchools({ item, targeted }: { item: ScorecardItem; targeted: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const name = lang === 'zh' ? item.zh : item.en;
  const detail = lang === 'zh' ? item.detailZh : item.detailEn;
  return (
    <section
      id={scorecardSchoolsId(item.key)}
      className={targeted ? 'card scorecard-schools is-target' : 'card scorecard-schools'}
      aria-labelledby={`${scorecardSchoolsId(item.key)}-title`}
      tabIndex={-1}
    >
      <h2 id={`${scorecardSchoolsId(item.key)}-title`} className="card-title">
        {t('scorecard.schoolsTitle', { item: name, count: formatInteger(item.schools.length) })}
      </h2>
      <p className="muted small">
        {t('scorecard.schoolsSubtitle', {
          requirement: lang === 'zh' ? item.requirementZh : item.requirementEn,
          detail: detail ?? '',
        })}
      </p>
      <div className="table-scroll scorecard-schools-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.school')}</th>
              <th scope="col">{t('scorecard.schoolsDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {item.schools.map((school) => (
              <tr key={school.code}>
                <th scope="row">
                  <SchoolLink code={school.code} name={school.name} />
                </th>
                <td>{lang === 'zh' ? school.detailZh : school.detailEn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ScorecardContent({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const location = useLocation();
  const scorecardQuery = useMemo(() => toScorecardQuery(county), [county]);
  const query = useReportQuery(scorecardQueryOptions(scorecardQuery));
  const report = query.data;
  const exports = useMemo(
    () =>
      buildExportLinks(
        { route: 'getScorecard', params: { code: county.code }, query: scorecardQueryInput(scorecardQuery) },
        lang,
      ),
    [county.code, scorecardQuery, lang],
  );
  const listed = report?.items.filter((item) => item.view === 'scorecard' && item.schools.length > 0) ?? [];
  const target = location.hash.slice(1);

  // A link to one item's school list (from the table above or from 总览) scrolls to it once the report is here.
  useEffect(() => {
    if (!report || !target) return;
    const element = document.getElementById(target);
    if (element) {
      element.scrollIntoView({ block: 'start' });
      element.focus({ preventScroll: true });
    }
  }, [report, target]);

  return (
    <>
      {report ? <ScorecardSummary report={report} /> : null}
      <TablePanel
        title={t('scorecard.tableTitle', { year: county.year })}
        subtitle={report ? t('scorecard.tableSubtitle', { count: report.items.length }) : undefined}
        query={query}
        isEmpty={report?.items.length === 0}
        exports={exports}
      >
        {() => (report ? <ScorecardTable report={report} /> : null)}
      </TablePanel>
      {listed.map((item) => (
        <ItemSchools key={item.key} item={item} targeted={target === scorecardSchoolsId(item.key)} />
      ))}
    </>
  );
}

/** 评估总表: every 2017 优质均衡 item of the county-year in its four parts, with value, standard, status and source. */
export default function ScorecardPage() {
  const t = useT();
  return (
    <CountyView id="scorecard-title" title={t('scorecard.title')} intro={t('scorecard.intro')} showStage={false}>
      {({ county }) => (
        <PanelErrorBoundary title={t('scorecard.title')}>
          <ScorecardContent county={county} />
        </PanelErrorBoundary>
      )}
    </CountyView>
  );
}
