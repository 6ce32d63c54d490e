import { useCallback, useMemo } from 'react';
import { CountyView } from '../../county-view/components/county-view.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import type { SortOrder, ViewParams } from '../../county-view/view-params.ts';
import { useT } from '../../i18n/i18n.tsx';
import { teacherExchangeQueryOptions, toTeacherExchangeQuery } from './api/teacher-exchange.ts';
import { RotationConventionsBar } from './components/rotation-conventions-bar.tsx';
import { RotationSankeyPanel } from './components/rotation-sankey-panel.tsx';
import { RotationSchoolsTable } from './components/rotation-schools-table.tsx';
import { RotationSeriesPanel } from './components/rotation-series-panel.tsx';
import { YearFigures } from './components/year-figures.tsx';
import { useFlowLevelParam } from './flow-level-param.ts';
import { useRotationConventions } from './rotation-conventions-param.ts';
import { parseRotationSort, type RotationSortColumn } from './rotation-sort.ts';
import './teacher-exchange.css';

function RotationContent({
  county,
  params,
  update,
}: {
  county: CountyQuery;
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const [conventions, setConventions] = useRotationConventions();
  const { multiYear, ratioSchools } = conventions;
  const exchangeQuery = useMemo(
    () => toTeacherExchangeQuery(county, { multiYear, ratioSchools }),
    [county, multiYear, ratioSchools],
  );
  const query = useReportQuery(teacherExchangeQueryOptions(exchangeQuery));
  const report = query.data;
  const [level, setLevel] = useFlowLevelParam();
  const sort = parseRotationSort(params.sort, params.order);
  const onSort = useCallback(
    (next: { column: RotationSortColumn; order: SortOrder }) => update({ sort: next.column, order: next.order }),
    [update],
  );
  const onSelectYear = useCallback((year: number) => update({ year }), [update]);

  return (
    <>
      <RotationConventionsBar conventions={conventions} onChange={setConventions} />
      <div className="rot-top">
        <RotationSeriesPanel query={query} report={report} exchangeQuery={exchangeQuery} onSelectYear={onSelectYear} />
        {report ? <YearFigures report={report} dimmed={query.isPlaceholderData} /> : null}
      </div>
      <RotationSankeyPanel
        query={query}
        report={report}
        exchangeQuery={exchangeQuery}
        level={level}
        onLevelChange={setLevel}
        filters={params}
        onFilter={update}
      />
      <RotationSchoolsTable
        query={query}
        report={report}
        exchangeQuery={exchangeQuery}
        sort={sort}
        onSort={onSort}
        highlight={params.school}
      />
    </>
  );
}

/** 教师交流轮岗: did the county rotate enough teachers, enough backbone teachers, and where did they go (METHOD.md §2). */
export default function RotationPage() {
  const t = useT();
  return (
    <CountyView
      id="rotation-title"
      title={t('teacherExchange.title')}
      intro={t('teacherExchange.intro')}
      showStage={false}
    >
      {({ county, params, update }) => <RotationContent county={county} params={params} update={update} />}
    </CountyView>
  );
}
