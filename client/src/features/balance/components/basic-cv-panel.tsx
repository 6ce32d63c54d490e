import {
  BASIC_INDICATORS,
  type BasicIndicatorKey,
  EXCLUSION_REASON_LABELS,
  STAGE_LABELS,
  type StageUnitExclusion,
} from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { VerdictText } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatBasicIndicator, formatCv, formatCvAgainst, formatInteger } from '../../../lib/format.ts';
import { indicatorShortName } from '../../../lib/indicators.ts';
import { basicBalanceQueryOptions } from '../../../reports/balance.ts';
import { type BasicCvData, type BasicCvIndicator, buildBasicCvOption } from '../charts/build-basic-cv-option.ts';

interface BasicCvPanelProps {
  county: CountyQuery;
  title: string;
  height?: number;
}

/** 基本均衡 (2012): eight CVs and the composite against its limit, as a chart or a table, with downloads. */
export function BasicCvPanel(props: BasicCvPanelProps) {
  return (
    <PanelErrorBoundary title={props.title}>
      <BasicCvPanelContent {...props} />
    </PanelErrorBoundary>
  );
}

function BasicCvPanelContent({ county, title, height = 300 }: BasicCvPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const query = useReportQuery(basicBalanceQueryOptions(county));
  const report = query.data;
  const option = useMemo(() => (report ? buildBasicCvOption(report, { lang }) : null), [report, lang]);
  const exports = useMemo(
    () =>
      buildExportLinks(
        { route: 'getBasicBalance', params: { code: county.code }, query: countyQueryInput(county) },
        lang,
      ),
    [county, lang],
  );
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);

  return (
    <ChartPanel
      title={title}
      subtitle={report ? t('balance.basicSubtitle', { limit: formatCv(report.compositeLimit, 2) }) : undefined}
      query={query}
      isEmpty={report?.schoolsCounted === 0}
      exports={exports}
      fileName={exportFileName([report?.district.name, county.year, stageLabel, title])}
      skeletonHeight={height}
      footer={
        report ? (
          <>
            <CompositeLine data={report} />
            <BasicExcludedList excluded={report.excluded} />
          </>
        ) : null
      }
      chart={(ref) => (option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} /> : null)}
      table={() => (report ? <BasicCvTable data={report} caption={title} /> : null)}
    />
  );
}

export function CompositeLine({ data }: { data: BasicCvData }) {
  const t = useT();
  return (
    <p className="composite-line">
      {t('common.labelValue', { label: t('balance.composite'), value: '' })}
      <strong>{formatCvAgainst(data.compositeCv, data.compositeLimit)}</strong>{' '}
      <span className="muted">{t('balance.compositeLimitNote', { limit: formatCv(data.compositeLimit, 2) })}</span>{' '}
      <VerdictText passes={data.compositePasses} reason={data.compositeNullReason} />
    </p>
  );
}

/** The 2012 indicator's name as the published table gives it (师生比, not "per 100"), short in the cell. */
function BasicIndicatorLabel({ indicator }: { indicator: BasicIndicatorKey }) {
  const [lang] = useLang();
  const definition = BASIC_INDICATORS.find((d) => d.key === indicator);
  const name = definition ? (lang === 'en' ? definition.en : definition.zh) : indicator;
  return (
    <abbr className="indicator-label" title={name}>
      <span aria-hidden="true">{indicatorShortName(indicator, lang)}</span>
      <span className="visually-hidden">{name}</span>
    </abbr>
  );
}

/**
 * The rows the 2012 申报表 leaves out, with the 2012 reasons (every teaching point, every private school, special
 * schools): its own list, apart from the 2017 exclusions on the compliance page.
 */
function BasicExcludedList({ excluded }: { excluded: readonly StageUnitExclusion[] }) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<StageUnitExclusion>[]>(
    () => [
      { id: 'name', header: t('table.school'), cell: (row) => row.name },
      { id: 'students', header: t('table.students'), numeric: true, cell: (row) => formatInteger(row.students) },
      {
        id: 'reason',
        header: t('table.reason'),
        cell: (row) => (lang === 'zh' ? row.reasonZh : pickLabel(EXCLUSION_REASON_LABELS[row.reason], lang)),
      },
    ],
    [t, lang],
  );
  if (excluded.length === 0) return <p className="muted small">{t('balance.basicNoneExcluded')}</p>;
  const title = t('balance.basicExcludedTitle', { count: formatInteger(excluded.length) });
  return (
    <details className="basic-excluded">
      <summary>{title}</summary>
      <DataTable caption={title} columns={columns} rows={excluded} rowKey={(row) => `${row.code}-${row.stage}`} />
    </details>
  );
}

function BasicCvTable({ data, caption }: { data: BasicCvData; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const columns = useMemo<Column<BasicCvIndicator>[]>(
    () => [
      { id: 'indicator', header: t('table.indicator'), cell: (row) => <BasicIndicatorLabel indicator={row.key} /> },
      {
        id: 'mean',
        header: t('table.weightedMean'),
        numeric: true,
        cell: (row) => formatBasicIndicator(row.key, row.mean, { unit: true, lang }),
      },
      { id: 'sd', header: t('table.sd'), numeric: true, cell: (row) => formatBasicIndicator(row.key, row.sd) },
      {
        id: 'cv',
        header: t('table.cv'),
        numeric: true,
        cell: (row) =>
          row.cv === null && row.cvNullReason === 'too_few_units' ? t('verdict.tooFewUnitsShort') : formatCv(row.cv),
      },
      { id: 'n', header: t('table.schools'), numeric: true, cell: (row) => formatInteger(row.n) },
    ],
    [t, lang],
  );
  return <DataTable caption={caption} columns={columns} rows={data.indicators} rowKey={(row) => row.key} />;
}
