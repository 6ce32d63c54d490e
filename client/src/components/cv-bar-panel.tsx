import { type CvNullReason, type IndicatorKey, STAGE_LABELS } from '@junheng/shared';
import { buildCvBarOption, type CvBarIndicator } from '@junheng/shared/charts/build-cv-bar-option.ts';
import { useMemo } from 'react';
import { type CountyQuery, countyQueryInput } from '../county-view/county-query.ts';
import { useReportQuery } from '../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../lib/export-links.ts';
import { formatCv, formatCvAgainst, formatIndicator, formatInteger } from '../lib/format.ts';
import { indicatorName, indicatorShortName } from '../lib/indicators.ts';
import { balanceQueryOptions } from '../reports/balance.ts';
import { ChartPanel } from './chart-panel.tsx';
import { type Column, DataTable } from './data-table.tsx';
import { PanelErrorBoundary } from './error-boundary.tsx';
import { LazyEChart } from './lazy-echart.tsx';

export interface CvBarPanelProps {
  county: CountyQuery;
  title: string;
  compact?: boolean;
  height?: number;
  footer?: React.ReactNode;
}

/**
 * The seven 差异系数 of one stage against the limit (2017), as a chart or a table, with downloads. Wrapped in its own
 * error boundary: an error while building or drawing this chart stays in this panel.
 */
export function CvBarPanel(props: CvBarPanelProps) {
  return (
    <PanelErrorBoundary title={props.title}>
      <CvBarPanelContent {...props} />
    </PanelErrorBoundary>
  );
}

function CvBarPanelContent({ county, title, compact = false, height = 300, footer }: CvBarPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const query = useReportQuery(balanceQueryOptions(county));
  const report = query.data;

  const option = useMemo(
    () => (report ? buildCvBarOption(report.indicators, { lang, cvLimit: report.cvLimit, compact }) : null),
    [report, lang, compact],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getBalance',
          params: { code: county.code },
          query: { ...countyQueryInput(county), table: 'indicators' },
        },
        lang,
      ),
    [county, lang],
  );
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);

  return (
    <ChartPanel
      title={title}
      subtitle={
        report
          ? t('balance.cvSubtitle', {
              limit: formatCv(report.cvLimit, 2),
              schools: formatInteger(report.schoolsCounted),
            })
          : undefined
      }
      query={query}
      isEmpty={report?.schoolsCounted === 0}
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={height}
      footer={footer}
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} /> : null)}
      table={() => (report ? <CvTable indicators={report.indicators} caption={title} /> : null)}
    />
  );
}

export function CvTable({ indicators, caption }: { indicators: readonly CvBarIndicator[]; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<CvBarIndicator>[]>(
    () => [
      { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.key} /> },
      {
        id: 'threshold',
        header: t('table.threshold'),
        numeric: true,
        cell: (row) => formatIndicator(row.key, row.threshold, { unit: true, lang }),
      },
      {
        id: 'mean',
        header: t('table.weightedMean'),
        numeric: true,
        cell: (row) => formatIndicator(row.key, row.mean, { unit: true, lang }),
      },
      { id: 'sd', header: t('table.sd'), numeric: true, cell: (row) => formatIndicator(row.key, row.sd) },
      { id: 'cv', header: t('table.cv'), numeric: true, cell: (row) => formatCvAgainst(row.cv, row.cvLimit) },
      {
        id: 'passes',
        header: t('table.cvVerdict'),
        cell: (row) => <VerdictText passes={row.cvPasses} reason={row.cvNullReason} />,
      },
      {
        id: 'meeting',
        header: t('table.schoolsMeeting'),
        numeric: true,
        cell: (row) => `${formatInteger(row.schoolsMeeting)} / ${formatInteger(row.n)}`,
      },
    ],
    [t, lang],
  );
  return <DataTable caption={caption} columns={columns} rows={indicators} rowKey={(row) => row.key} />;
}

/** The short indicator name (tables in half-width panels); the official name on hover and for screen readers. */
export function IndicatorLabel({ indicator }: { indicator: IndicatorKey }) {
  const [lang] = useLang();
  return (
    <abbr className="indicator-label" title={indicatorName(indicator, lang)}>
      <span aria-hidden="true">{indicatorShortName(indicator, lang)}</span>
      <span className="visually-hidden">{indicatorName(indicator, lang)}</span>
    </abbr>
  );
}

/**
 * ✓ 达标 / ✗ 未达标, or why there is no verdict: a CV over fewer than 2 schools is not meaningful (#15.6), which is
 * said, never shown as a pass.
 */
export function VerdictText({ passes, reason }: { passes: boolean | null; reason?: CvNullReason | null | undefined }) {
  const t = useT();
  if (passes === null) {
    return reason === 'too_few_units' ? (
      <span className="verdict verdict-none">{t('verdict.tooFewUnits')}</span>
    ) : (
      <span className="verdict verdict-none">{t('verdict.notComputable')}</span>
    );
  }
  return passes ? (
    <span className="verdict verdict-pass">✓ {t('verdict.pass')}</span>
  ) : (
    <span className="verdict verdict-fail">✗ {t('verdict.fail')}</span>
  );
}
