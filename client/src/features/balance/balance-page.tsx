import { type IndicatorKey, QUALITY_INDICATOR_KEYS, STAGE_LABELS } from '@junheng/shared';
import { ComparableCountiesPanel } from '../../comparable/components/comparable-counties-panel.tsx';
import { CvBarPanel } from '../../components/cv-bar-panel.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { usePrefetchOtherStage } from '../../county-view/hooks/use-prefetch-other-stage.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import type { ViewParams } from '../../county-view/view-params.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { formatInteger } from '../../lib/format.ts';
import { balanceQueryOptions } from '../../reports/balance.ts';
import { NotesPanel } from '../../saved-views/components/notes-panel.tsx';
import { BasicCvPanel } from './components/basic-cv-panel.tsx';
import { ContributionPanel } from './components/contribution-panel.tsx';
import { CvTrendPanel } from './components/cv-trend-panel.tsx';
import { EquityPanel } from './components/equity-panel.tsx';
import { FilingDownloads } from './components/filing-downloads.tsx';
import { YearOverYearPanel } from './components/year-over-year-panel.tsx';

/** The indicator the trend opens on: the one in the URL, else the one with the largest CV this year. */
export function defaultTrendIndicator(
  requested: IndicatorKey | null,
  indicators: readonly { key: IndicatorKey; cv: number | null }[] | undefined,
): IndicatorKey | null {
  if (requested) return requested;
  if (!indicators) return null;
  let best: { key: IndicatorKey; cv: number } | null = null;
  for (const indicator of indicators) {
    if (indicator.cv !== null && (best === null || indicator.cv > best.cv))
      best = { key: indicator.key, cv: indicator.cv };
  }
  return best?.key ?? QUALITY_INDICATOR_KEYS[0];
}

function BalanceContent({
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
  const balance = useReportQuery(balanceQueryOptions(county));
  usePrefetchOtherStage(balance.isSuccess && !balance.isPlaceholderData, county, balanceQueryOptions);
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);
  // Without this year's CVs (the report failed) the trend falls back to the first indicator rather than waiting.
  const indicator = defaultTrendIndicator(params.indicator, balance.isError ? [] : balance.data?.indicators);
  const report = balance.data;

  return (
    <>
      <FilingDownloads code={county.code} year={county.year} />
      <div className="panel-grid">
        <CvBarPanel county={county} title={t('balance.cvTitle', { stage: stageLabel })} height={320} />
        <BasicCvPanel county={county} title={t('balance.basicTitle', { stage: stageLabel })} height={320} />
      </div>
      <NotesPanel district={county.code} year={county.year} indicator={indicator} />
      {report && report.schoolsCounted > 0 ? (
        <p className="muted small">
          {t('balance.countedNote', {
            schools: formatInteger(report.schoolsCounted),
            students: formatInteger(report.studentsCounted),
            excluded: formatInteger(report.excluded.length),
          })}
        </p>
      ) : null}
      <CvTrendPanel county={county} indicator={indicator} onIndicatorChange={(key) => update({ indicator: key })} />
      <ContributionPanel county={county} indicator={indicator} />
      <YearOverYearPanel county={county} />
      <ComparableCountiesPanel county={county} />
      <EquityPanel county={county} />
    </>
  );
}

/** 差异系数: the seven 2017 CVs against the limit, the 2012 composite beside them, and the trend across years. */
export default function BalancePage() {
  const t = useT();
  return (
    <CountyView id="balance-title" title={t('balance.title')}>
      {({ county, params, update }) => <BalanceContent county={county} params={params} update={update} />}
    </CountyView>
  );
}
