import type { TeacherExchangeResponse } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { VerdictText } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import type { ECElementEvent } from '../../../components/echart-option.ts';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatInteger, formatPercent } from '../../../lib/format.ts';
import { type TeacherExchangeQuery, teacherExchangeQueryInput } from '../api/teacher-exchange.ts';
import { buildRotationSeriesOption, type RotationYear } from '../charts/build-rotation-series-option.ts';

const HEIGHT = 320;

/** The year a click on the series chart points at (a bar, a point or a year on the axis), or null. */
export function yearFromClick(
  event: Pick<ECElementEvent, 'componentType' | 'dataIndex' | 'value'>,
  years: readonly number[],
) {
  if (event.componentType === 'series' && typeof event.dataIndex === 'number') return years[event.dataIndex] ?? null;
  if (event.componentType === 'xAxis') {
    const year = Number(event.value);
    return years.includes(year) ? year : null;
  }
  return null;
}

/** Ratio per year against 10 %, backbone share against 20 %; a click on a year selects it. */
export function RotationSeriesPanel({
  query,
  report,
  exchangeQuery,
  onSelectYear,
}: {
  query: PanelQueryState;
  report: TeacherExchangeResponse | undefined;
  exchangeQuery: TeacherExchangeQuery;
  onSelectYear: (year: number) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const title = t('teacherExchange.seriesTitle');
  const years = useMemo(
    () => (report ? [...report.series].sort((a, b) => a.year - b.year).map((row) => row.year) : []),
    [report],
  );
  const option = useMemo(
    () =>
      report
        ? buildRotationSeriesOption(report.series, {
            lang,
            ratioLimit: report.ratioLimit,
            backboneLimit: report.backboneShareLimit,
            selectedYear: exchangeQuery.year,
          })
        : null,
    [report, lang, exchangeQuery.year],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        const year = yearFromClick(event, years);
        if (year !== null) onSelectYear(year);
      },
    }),
    [years, onSelectYear],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getTeacherExchange',
          params: { code: exchangeQuery.code },
          query: { ...teacherExchangeQueryInput(exchangeQuery), table: 'years' },
        },
        lang,
      ),
    [exchangeQuery, lang],
  );
  return (
    <ChartPanel
      title={title}
      subtitle={
        report
          ? t('teacherExchange.seriesSubtitle', {
              ratio: formatPercent(report.ratioLimit, 0),
              backbone: formatPercent(report.backboneShareLimit, 0),
            })
          : undefined
      }
      query={query}
      isEmpty={report ? report.series.length === 0 : false}
      emptyMessage={t('teacherExchange.emptySeries')}
      exports={exports}
      fileName={exportFileName([
        report?.district.name,
        years.length ? `${years[0]}-${years[years.length - 1]}` : null,
        title,
      ])}
      skeletonHeight={HEIGHT}
      chart={(ref) =>
        option ? <LazyEChart option={option} ariaLabel={title} height={HEIGHT} ref={ref} onEvents={onEvents} /> : null
      }
      table={() => (report ? <RotationYearsTable rows={report.series} caption={title} /> : null)}
    />
  );
}

function RotationYearsTable({ rows, caption }: { rows: readonly RotationYear[]; caption: string }) {
  const t = useT();
  const columns: Column<RotationYear>[] = [
    { id: 'year', header: t('table.year'), cell: (row) => row.year },
    { id: 'eligible', header: t('chart.rot.eligible'), numeric: true, cell: (row) => formatInteger(row.eligible) },
    { id: 'rotated', header: t('chart.rot.rotated'), numeric: true, cell: (row) => formatInteger(row.rotated) },
    { id: 'ratio', header: t('chart.rot.ratio'), numeric: true, cell: (row) => formatPercent(row.ratio) },
    {
      id: 'ratioPasses',
      header: t('teacherExchange.table.ratioVerdict'),
      cell: (row) => <VerdictText passes={row.ratioPasses} />,
    },
    {
      id: 'backboneRotated',
      header: t('chart.rot.backboneRotated'),
      numeric: true,
      cell: (row) => formatInteger(row.backboneRotated),
    },
    {
      id: 'backboneShare',
      header: t('chart.rot.backboneShare'),
      numeric: true,
      cell: (row) => formatPercent(row.backboneShare),
    },
    {
      id: 'backbonePasses',
      header: t('teacherExchange.table.backboneVerdict'),
      cell: (row) => <VerdictText passes={row.backbonePasses} />,
    },
    {
      id: 'net',
      header: t('chart.rot.netBackboneToRural'),
      numeric: true,
      cell: (row) => formatInteger(row.netBackboneToRural),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => String(row.year)} />;
}
