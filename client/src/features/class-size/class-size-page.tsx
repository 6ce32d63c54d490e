import { STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel } from '../../components/chart-panel.tsx';
import { PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { LazyEChart } from '../../components/lazy-echart.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import { type CountyQuery, countyQueryInput } from '../../county-view/county-query.ts';
import { useLinkPrefetch } from '../../county-view/hooks/use-link-prefetch.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../lib/export-links.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { classSizeQueryOptions } from './api/class-size.ts';
import { buildClassSizeSchoolOption, selectSchoolsWithLargeClasses } from './charts/build-class-size-school-option.ts';
import { buildClassSizeTrendOption } from './charts/build-class-size-trend-option.ts';
import { ClassSizeTable } from './components/class-size-table.tsx';

const PANEL_MAX_HEIGHT = 620;

function kpiClass(passes: boolean | null): string {
  if (passes === null) return 'kpi';
  return passes ? 'kpi kpi-pass' : 'kpi kpi-fail';
}

function Verdict({ passes }: { passes: boolean | null }) {
  const t = useT();
  if (passes === null) return <span className="verdict verdict-none">{t('classSize.notJudged')}</span>;
  return passes ? (
    <span className="verdict verdict-pass">✓ {t('verdict.pass')}</span>
  ) : (
    <span className="verdict verdict-fail">✗ {t('verdict.fail')}</span>
  );
}

function ClassSizeContent({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const query = useReportQuery(classSizeQueryOptions(county));
  const report = query.data;
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);

  const trendOption = useMemo(
    () =>
      report
        ? buildClassSizeTrendOption(report.trend, {
            lang,
            largeTarget: report.largeShareTarget,
            selectedYear: report.year,
          })
        : null,
    [report, lang],
  );
  const withLarge = useMemo(() => (report ? selectSchoolsWithLargeClasses(report.schools) : []), [report]);
  const schoolOption = useMemo(() => buildClassSizeSchoolOption(withLarge, lang), [withLarge, lang]);
  const exportsFor = (table: 'schools' | 'trend') =>
    buildExportLinks(
      { route: 'getClassSize', params: { code: county.code }, query: { ...countyQueryInput(county), table } },
      lang,
    );
  const trendExports = useMemo(() => exportsFor('trend'), [county, lang]);
  const schoolExports = useMemo(() => exportsFor('schools'), [county, lang]);

  const trendTitle = t('classSize.trendTitle', { stage: stageLabel });
  const schoolsTitle = t('classSize.schoolsTitle', { stage: stageLabel, year: county.year });
  const unknownSchools = report ? report.schools.filter((s) => s.largeClasses === null || s.hugeClasses === null) : [];
  const limit = report?.schools[0]?.limit ?? (county.stage === 'primary' ? 45 : 50);

  return (
    <>
      {report ? (
        <section
          className={query.isPlaceholderData ? 'card updating' : 'card'}
          aria-labelledby="class-size-figures-title"
        >
          <h2 id="class-size-figures-title" className="card-title">
            {t('classSize.figuresTitle', { year: report.year, stage: stageLabel })}
          </h2>
          <dl className="kpi-grid">
            <div className="kpi">
              <dt>{t('classSize.classes')}</dt>
              <dd>{formatInteger(report.classes)}</dd>
            </div>
            <div className="kpi">
              <dt>{t('classSize.large')}</dt>
              <dd>{formatInteger(report.largeClasses)}</dd>
            </div>
            <div className="kpi">
              <dt>{t('classSize.huge')}</dt>
              <dd>{formatInteger(report.hugeClasses)}</dd>
            </div>
            <div className={kpiClass(report.largeSharePasses)}>
              <dt>{t('classSize.largeAgainst', { target: formatPercent(report.largeShareTarget, 0) })}</dt>
              <dd>
                {formatPercent(report.largeShare, 2)} <Verdict passes={report.largeSharePasses} />
              </dd>
            </div>
            <div className={kpiClass(report.hugeSharePasses)}>
              <dt>{t('classSize.hugeAgainst')}</dt>
              <dd>
                {formatPercent(report.hugeShare, 2)} <Verdict passes={report.hugeSharePasses} />
              </dd>
            </div>
            <div className="kpi">
              <dt>{t('classSize.schoolsWithLarge')}</dt>
              <dd>
                {formatInteger(report.schoolsWithLargeClasses)}
                <span className="kpi-of"> / {formatInteger(report.schoolsCounted)}</span>
              </dd>
            </div>
            <div className={report.schoolsOverLimit > 0 ? 'kpi kpi-fail' : 'kpi'}>
              <dt>{t('classSize.schoolsOverLimit', { limit })}</dt>
              <dd>{formatInteger(report.schoolsOverLimit)}</dd>
            </div>
            <div className={report.oversizeSchools > 0 ? 'kpi kpi-fail' : 'kpi kpi-pass'}>
              <dt>{t('classSize.oversizeSchools')}</dt>
              <dd>{formatInteger(report.oversizeSchools)}</dd>
            </div>
          </dl>
          {report.classesWithoutData > 0 ? (
            <p className="muted small">
              {t('classSize.withoutDataNote', {
                classes: formatInteger(report.classesWithoutData),
                schools: formatInteger(unknownSchools.length),
              })}
            </p>
          ) : null}
          {report.schoolsUnknown > 0 ? (
            <p className="muted small">
              {t('classSize.unknownSchools', { count: formatInteger(report.schoolsUnknown) })}
            </p>
          ) : null}
          {report.excluded.length > 0 ? (
            <p className="muted small">
              {t('classSize.excluded', { names: report.excluded.map((e) => e.name).join('、') })}
            </p>
          ) : null}
        </section>
      ) : null}
      <ChartPanel
        title={trendTitle}
        subtitle={t('classSize.trendSubtitle')}
        query={query}
        isEmpty={report?.trend.length === 0}
        exports={trendExports}
        fileName={exportFileName([report?.district.name, stageLabel, trendTitle])}
        chart={(ref) =>
          trendOption ? <LazyEChart option={trendOption} ariaLabel={trendTitle} height={300} ref={ref} /> : null
        }
        table={() =>
          report ? (
            <table className="data-table">
              <caption className="visually-hidden">{trendTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.year')}</th>
                  <th scope="col">{t('classSize.classes')}</th>
                  <th scope="col">{t('classSize.large')}</th>
                  <th scope="col">{t('classSize.huge')}</th>
                  <th scope="col">{t('classSize.largeShare')}</th>
                  <th scope="col">{t('classSize.hugeShare')}</th>
                  <th scope="col">{t('classSize.classesWithoutData')}</th>
                  <th scope="col">{t('classSize.oversizeSchools')}</th>
                </tr>
              </thead>
              <tbody>
                {report.trend.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td className="numeric">{formatInteger(row.classes)}</td>
                    <td className="numeric">{formatInteger(row.largeClasses)}</td>
                    <td className="numeric">{formatInteger(row.hugeClasses)}</td>
                    <td className="numeric">{formatPercent(row.largeShare, 2)}</td>
                    <td className="numeric">{formatPercent(row.hugeShare, 2)}</td>
                    <td className="numeric">{formatInteger(row.classesWithoutData)}</td>
                    <td className="numeric">{formatInteger(row.oversizeSchools)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null
        }
      />
      <ChartPanel
        title={schoolsTitle}
        subtitle={t('classSize.schoolsSubtitle')}
        query={query}
        isEmpty={report?.schools.length === 0}
        exports={schoolExports}
        fileName={exportFileName([report?.district.name, county.year, stageLabel, schoolsTitle])}
        skeletonHeight={360}
        chart={(ref) =>
          withLarge.length > 0 ? (
            <LazyEChart
              option={schoolOption}
              ariaLabel={schoolsTitle}
              height={Math.max(160, 48 + withLarge.length * 26)}
              ref={ref}
            />
          ) : (
            <p className="muted">{t('classSize.chartEmpty')}</p>
          )
        }
        table={() =>
          report ? <ClassSizeTable rows={report.schools} caption={schoolsTitle} maxHeight={PANEL_MAX_HEIGHT} /> : null
        }
      />
    </>
  );
}

/** 大班额与大校额: classes of 56–65 and 66+, their share against the targets, and oversize schools, per stage and year. */
export default function ClassSizePage() {
  const t = useT();
  useLinkPrefetch((county) => classSizeQueryOptions(county));
  return (
    <CountyView id="class-size-title" title={t('classSize.title')} intro={t('classSize.intro')}>
      {({ county }) => (
        <PanelErrorBoundary title={t('classSize.title')}>
          <ClassSizeContent county={county} />
        </PanelErrorBoundary>
      )}
    </CountyView>
  );
}
