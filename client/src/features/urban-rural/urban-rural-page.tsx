import type { Locale, QualityIndicatorKey } from '@junheng/shared';
import { useCallback, useMemo } from 'react';
import { combineQueries } from '../../components/combine-queries.ts';
import { QualityIndicatorSelect } from '../../components/indicator-select.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import type { ViewParams } from '../../county-view/view-params.ts';
import { useT } from '../../i18n/i18n.tsx';
import { isQualityIndicator } from '../../lib/indicators.ts';
import { toggleLocaleFilter } from '../../lib/locale-chart.ts';
import { balanceQueryOptions } from '../../reports/balance.ts';
import { urbanRuralQueryOptions, withoutLocaleFilter } from './api/urban-rural.ts';
import { ClassSummary } from './components/class-summary.tsx';
import { LocaleDecompositionPanel } from './components/locale-decomposition-panel.tsx';
import { LocaleDistributionPanel } from './components/locale-distribution-panel.tsx';
import { LocaleMeansPanel } from './components/locale-means-panel.tsx';
import { LocaleRatioPanel } from './components/locale-ratio-panel.tsx';
import { RatioTrendPanel } from './components/ratio-trend-panel.tsx';
import { defaultUrbanRuralIndicator } from './default-indicator.ts';
import './urban-rural.css';

/**
 * The indicator shown: the URL's, else (once the report is in) the one where the urban–rural gap weighs most. null
 * while that is not known yet, so the indicator's panels wait rather than fetch twice.
 */
function useUrbanRuralIndicator(county: CountyQuery, params: ViewParams): QualityIndicatorKey | null {
  const report = useReportQuery(urbanRuralQueryOptions(withoutLocaleFilter(county)));
  if (params.indicator && isQualityIndicator(params.indicator)) return params.indicator;
  if (report.isError) return defaultUrbanRuralIndicator(null, []);
  return report.data ? defaultUrbanRuralIndicator(null, report.data.decomposition) : null;
}

function IndicatorPicker({
  county,
  params,
  update,
}: {
  county: CountyQuery;
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const t = useT();
  const indicator = useUrbanRuralIndicator(county, params);
  if (!indicator) return null;
  return (
    <QualityIndicatorSelect
      value={indicator}
      onChange={(key) => update({ indicator: key })}
      label={t('urbanRural.indicator')}
      className="filter-indicator"
    />
  );
}

function UrbanRuralContent({
  county,
  params,
  update,
}: {
  county: CountyQuery;
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const t = useT();
  // Comparisons across classes always cover every class; the locale filter highlights and picks the schools listed.
  const allClasses = useMemo(() => withoutLocaleFilter(county), [county]);
  const urbanRural = useReportQuery(urbanRuralQueryOptions(allClasses));
  const countyBalance = useReportQuery(balanceQueryOptions(allClasses));
  const filteredBalance = useReportQuery(balanceQueryOptions(county));
  const indicator = useUrbanRuralIndicator(county, params);
  const report = urbanRural.data;

  const selectLocale = useCallback(
    (locale: Locale) => update({ locale: toggleLocaleFilter(params.locale, locale) }),
    [update, params.locale],
  );
  const meansQuery = useMemo(() => combineQueries(urbanRural, countyBalance), [urbanRural, countyBalance]);
  const distributionQuery = useMemo(
    () => combineQueries(filteredBalance, countyBalance),
    [filteredBalance, countyBalance],
  );

  return (
    <>
      {report ? (
        <ClassSummary
          report={report}
          indicator={indicator}
          selected={params.locale}
          onSelect={selectLocale}
          dimmed={urbanRural.isPlaceholderData}
        />
      ) : null}
      {params.locale.length ? <p className="muted small">{t('urbanRural.localeNote')}</p> : null}
      <LocaleMeansPanel
        county={allClasses}
        query={meansQuery}
        report={report}
        balance={countyBalance.data}
        selected={params.locale}
        onSelectLocale={selectLocale}
      />
      <div className="panel-grid">
        {indicator ? (
          <LocaleDistributionPanel
            county={county}
            query={distributionQuery}
            report={filteredBalance.data}
            countyBalance={countyBalance.data}
            indicator={indicator}
            highlight={params.school}
            onSelectLocale={selectLocale}
          />
        ) : (
          <LocaleDistributionPending />
        )}
        <LocaleRatioPanel county={allClasses} query={urbanRural} report={report} indicator={indicator} />
      </div>
      <div className="panel-grid">
        <LocaleDecompositionPanel county={allClasses} query={urbanRural} report={report} indicator={indicator} />
        <RatioTrendPanel county={allClasses} indicator={indicator} />
      </div>
    </>
  );
}

function LocaleDistributionPending() {
  const t = useT();
  return (
    <section className="card chart-panel" aria-busy="true" aria-label={t('urbanRural.distributionPending')}>
      <Skeleton lines={5} height={360} />
    </section>
  );
}

/** 城乡差距: how far apart 城区, 镇区 and 乡村 schools are, and whether the gap is closing (METHOD.md §6, §7). */
export default function UrbanRuralPage() {
  const t = useT();
  return (
    <CountyView
      id="urban-rural-title"
      title={t('urbanRural.title')}
      intro={t('urbanRural.intro')}
      toolbar={({ county, params, update }) => <IndicatorPicker county={county} params={params} update={update} />}
    >
      {({ county, params, update }) => <UrbanRuralContent county={county} params={params} update={update} />}
    </CountyView>
  );
}
