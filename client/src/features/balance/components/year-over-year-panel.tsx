import { STAGE_LABELS, type YearOverYearResponse } from '@junheng/shared';
import { useMemo } from 'react';
import { IndicatorLabel } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { TablePanel } from '../../../components/table-panel.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks } from '../../../lib/export-links.ts';
import { formatCv, formatIndicator, formatInteger, indicatorDecimals } from '../../../lib/format.ts';
import { yearOverYearQueryOptions } from '../api/year-over-year.ts';
import { cvChangeClass, formatChange } from '../year-over-year-format.ts';

type Row = YearOverYearResponse['rows'][number];

/** The county this year vs last year vs the first year with data: every indicator's mean and CV, with changes. */
export function YearOverYearPanel({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const query = useReportQuery(yearOverYearQueryOptions(county));
  const report = query.data;
  const exports = useMemo(
    () =>
      buildExportLinks(
        { route: 'getYearOverYear', params: { code: county.code }, query: countyQueryInput(county) },
        lang,
      ),
    [county, lang],
  );
  const title = t('insight.yoy.title', { stage: pickLabel(STAGE_LABELS[county.stage], lang) });
  const subtitle = report
    ? report.compared.previous === null
      ? t('insight.yoy.noEarlier', { year: report.compared.current })
      : t('insight.yoy.subtitle', {
          first: report.compared.first ?? '—',
          previous: report.compared.previous,
          current: report.compared.current,
          passingFirst: formatInteger(report.schoolsPassing.first),
          passingPrevious: formatInteger(report.schoolsPassing.previous),
          passingCurrent: formatInteger(report.schoolsPassing.current),
          counted: formatInteger(report.schoolsCounted.current),
        })
    : undefined;
  return (
    <TablePanel title={title} subtitle={subtitle} query={query} isEmpty={false} exports={exports}>
      {() => (report ? <YearOverYearTable report={report} caption={title} /> : null)}
    </TablePanel>
  );
}

function YearOverYearTable({ report, caption }: { report: YearOverYearResponse; caption: string }) {
  const t = useT();
  const { first, previous, current } = report.compared;
  const columns = useMemo<Column<Row>[]>(() => {
    const mean = (row: Row, value: number | null) =>
      row.key === 'composite_2012' ? '' : formatIndicator(row.key, value);
    return [
      {
        id: 'indicator',
        header: t('table.indicator'),
        cell: (row) =>
          row.key === 'composite_2012' ? t('insight.yoy.composite') : <IndicatorLabel indicator={row.key} />,
      },
      {
        id: 'meanPrevious',
        header: t('insight.yoy.mean', { year: previous ?? '—' }),
        numeric: true,
        cell: (row) => mean(row, row.mean.previous),
      },
      {
        id: 'meanCurrent',
        header: t('insight.yoy.mean', { year: current }),
        numeric: true,
        cell: (row) => mean(row, row.mean.current),
      },
      {
        id: 'meanChange',
        header: t('insight.yoy.changeFromPrevious'),
        numeric: true,
        cell: (row) =>
          row.key === 'composite_2012' ? '' : formatChange(row.mean.changeFromPrevious, indicatorDecimals(row.key)),
      },
      {
        id: 'cvFirst',
        header: t('insight.yoy.cv', { year: first ?? '—' }),
        numeric: true,
        cell: (row) => formatCv(row.cv.first),
      },
      {
        id: 'cvPrevious',
        header: t('insight.yoy.cv', { year: previous ?? '—' }),
        numeric: true,
        cell: (row) => formatCv(row.cv.previous),
      },
      {
        id: 'cvCurrent',
        header: t('insight.yoy.cv', { year: current }),
        numeric: true,
        cell: (row) => formatCv(row.cv.current),
      },
      {
        id: 'cvChangePrevious',
        header: t('insight.yoy.changeFromPrevious'),
        numeric: true,
        cell: (row) => (
          <span className={cvChangeClass(row.cv.changeFromPrevious)}>{formatChange(row.cv.changeFromPrevious, 3)}</span>
        ),
      },
      {
        id: 'cvChangeFirst',
        header: t('insight.yoy.changeFromFirst'),
        numeric: true,
        cell: (row) => (
          <span className={cvChangeClass(row.cv.changeFromFirst)}>{formatChange(row.cv.changeFromFirst, 3)}</span>
        ),
      },
      {
        id: 'limit',
        header: t('table.cvLimit'),
        numeric: true,
        cell: (row) => (row.cvLimit === null ? '—' : `≤ ${formatCv(row.cvLimit, 2)}`),
      },
    ];
  }, [t, first, previous, current]);
  return <DataTable caption={caption} columns={columns} rows={report.rows} rowKey={(row) => row.key} />;
}
