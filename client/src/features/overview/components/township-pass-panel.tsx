import { type BalanceResponse, STAGES } from '@junheng/shared';
import {
  buildTownshipPassOption,
  summarizeTownshipPass,
  type TownshipPassRow,
  toggleTownshipFilter,
  townshipPassHeight,
} from '@junheng/shared/charts/build-township-pass-option.ts';
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import type { ECElementEvent } from '../../../components/echart-option.ts';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import type { ViewParams } from '../../../county-view/view-params.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { exportFileName } from '../../../lib/export-links.ts';
import { formatInteger } from '../../../lib/format.ts';
import { balanceQueryOptions } from '../../../reports/balance.ts';

/**
 * 按乡镇: schools passing 资源配置 per township, both stages together, from the balance reports the overview already
 * has. Clicking a township (its bar or its name) filters the whole dashboard to it; clicking it again clears.
 */
export function TownshipPassPanel(props: { county: CountyQuery; update: (patch: Partial<ViewParams>) => void }) {
  const t = useT();
  return (
    <PanelErrorBoundary title={t('overview.township.title')}>
      <TownshipPassContent {...props} />
    </PanelErrorBoundary>
  );
}

// Module-level, so TanStack Query re-runs it (and the rows change identity) only when a report changes.
function combineTownshipReports(results: UseQueryResult<BalanceResponse>[]) {
  const pending = results.some((result) => result.isPending);
  const failed = results.find((result) => result.isError);
  const reports = results.flatMap((result) => (result.data ? [result.data] : []));
  return {
    rows: pending ? [] : summarizeTownshipPass(reports.flatMap((report) => report.schools)),
    districtName: reports[0]?.district.name,
    query: {
      isPending: pending,
      isError: Boolean(failed),
      error: failed?.error,
      isPlaceholderData: results.some((result) => result.isPlaceholderData),
      refetch: () => Promise.all(results.map((result) => result.refetch())),
    },
  };
}

function TownshipPassContent({
  county,
  update,
}: {
  county: CountyQuery;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const { rows, query, districtName } = useQueries({
    queries: STAGES.map((stage) => balanceQueryOptions({ ...county, stage })),
    combine: combineTownshipReports,
  });
  const option = useMemo(
    () => buildTownshipPassOption(rows, { lang, selected: county.township }),
    [rows, lang, county.township],
  );
  const select = useCallback(
    (code: string | undefined) => {
      if (code) update({ township: toggleTownshipFilter(county.township, code) });
    },
    [county.township, update],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        if (event.componentType !== 'yAxis') return;
        select(rows.find((row) => row.name === event.value)?.code);
      },
    }),
    [rows, select],
  );
  const title = t('overview.township.title');
  const height = townshipPassHeight(rows.length);
  return (
    <ChartPanel
      title={title}
      subtitle={t('overview.township.subtitle')}
      query={query}
      isEmpty={rows.length === 0}
      exports={null}
      fileName={exportFileName([districtName, county.year, title])}
      skeletonHeight={240}
      chart={(ref) => (
        <LazyEChart
          option={option}
          ariaLabel={title}
          height={height}
          ref={ref}
          onEvents={onEvents}
          onCategoryClick={(index) => select(rows[index]?.code)}
        />
      )}
      table={() => <TownshipPassTable rows={rows} caption={title} onSelect={select} />}
    />
  );
}

function TownshipPassTable({
  rows,
  caption,
  onSelect,
}: {
  rows: readonly TownshipPassRow[];
  caption: string;
  onSelect: (code: string) => void;
}) {
  const t = useT();
  const columns: Column<TownshipPassRow>[] = [
    {
      id: 'name',
      header: t('table.township'),
      cell: (row) => (
        <button type="button" className="link-button" onClick={() => onSelect(row.code)}>
          {row.name}
        </button>
      ),
    },
    { id: 'passing', header: t('overview.township.passing'), numeric: true, cell: (row) => formatInteger(row.passing) },
    { id: 'failing', header: t('overview.township.failing'), numeric: true, cell: (row) => formatInteger(row.failing) },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.code} />;
}
