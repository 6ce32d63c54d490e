import type { Locale, TeacherExchangeResponse } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import type { ECElementEvent } from '../../../components/echart-option.ts';
import { SegmentedControl } from '../../../components/filter-controls.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatInteger } from '../../../lib/format.ts';
import { type TeacherExchangeQuery, teacherExchangeQueryInput } from '../api/teacher-exchange.ts';
import {
  buildFlowGraph,
  buildRotationSankeyOption,
  FLOW_LEVELS,
  type FlowGraph,
  type FlowLevel,
  flowNodeFilter,
} from '../charts/build-rotation-sankey-option.ts';

/** Enough height for every township 16 px apart (one label line) without squeezing the thin links. */
export function sankeyHeight(graph: FlowGraph): number {
  const perColumn = graph.split
    ? Math.max(
        graph.nodes.filter((node) => node.role === 'from').length,
        graph.nodes.filter((node) => node.role === 'to').length,
      )
    : graph.nodes.length;
  return Math.max(320, Math.min(760, 80 + perColumn * 34));
}

/**
 * Where rotated teachers went, township → township or between 城区, 镇区 and 乡村. Clicking a node filters the view to
 * that township or class (cross-filter).
 */
export function RotationSankeyPanel({
  query,
  report,
  exchangeQuery,
  level,
  onLevelChange,
  filters,
  onFilter,
}: {
  query: PanelQueryState;
  report: TeacherExchangeResponse | undefined;
  exchangeQuery: TeacherExchangeQuery;
  level: FlowLevel;
  onLevelChange: (level: FlowLevel) => void;
  /** Current filters (a click on the node of the only selected place clears it). */
  filters: { township: readonly string[]; locale: readonly string[] };
  onFilter: (patch: { township: string[] } | { locale: Locale[] }) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const title = t('teacherExchange.sankeyTitle');
  const graph = useMemo(() => (report ? buildFlowGraph(report.flows, level, lang) : null), [report, level, lang]);
  const option = useMemo(
    () => (report ? buildRotationSankeyOption(report.flows, { lang, level }) : null),
    [report, lang, level],
  );
  const height = graph ? sankeyHeight(graph) : 360;
  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        const patch = graph ? flowNodeFilter(graph, level, event, filters) : null;
        if (patch) onFilter(patch);
      },
    }),
    [graph, level, filters, onFilter],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getTeacherExchange',
          params: { code: exchangeQuery.code },
          query: { ...teacherExchangeQueryInput(exchangeQuery), table: 'flows' },
        },
        lang,
      ),
    [exchangeQuery, lang],
  );
  const levelName =
    level === 'township' ? t('teacherExchange.levelNameTownship') : t('teacherExchange.levelNameLocale');

  return (
    <ChartPanel
      title={title}
      subtitle={
        <div className="rot-sankey-tools">
          <SegmentedControl
            label={t('teacherExchange.level')}
            options={FLOW_LEVELS.map((value) => ({
              value,
              label: value === 'township' ? t('teacherExchange.levelTownship') : t('teacherExchange.levelLocale'),
            }))}
            value={level}
            onChange={onLevelChange}
          />
          <span className="muted small">{t('teacherExchange.sankeyColors')}</span>
        </div>
      }
      query={query}
      isEmpty={graph ? graph.links.length === 0 : false}
      emptyMessage={report ? t('teacherExchange.emptyFlows', { year: report.year }) : undefined}
      exports={exports}
      fileName={exportFileName([report?.district.name, exchangeQuery.year, title, levelName])}
      skeletonHeight={height}
      footer={
        graph ? (
          <>
            {graph.split ? <p className="muted small">{t('teacherExchange.splitNote')}</p> : null}
            {graph.selfLoops.teachers > 0 ? (
              <p className="muted small">
                {t('teacherExchange.selfLoops', {
                  teachers: formatInteger(graph.selfLoops.teachers),
                  backbone: formatInteger(graph.selfLoops.backbone),
                  level: levelName,
                })}
              </p>
            ) : null}
          </>
        ) : null
      }
      chart={(ref) =>
        option ? <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} onEvents={onEvents} /> : null
      }
      table={() => (graph ? <FlowTable graph={graph} caption={title} /> : null)}
    />
  );
}

interface FlowRow {
  id: string;
  from: string;
  to: string;
  count: number;
  backbone: number;
}

function FlowTable({ graph, caption }: { graph: FlowGraph; caption: string }) {
  const t = useT();
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const rows: FlowRow[] = [...graph.links]
    .sort((a, b) => b.value - a.value)
    .map((link) => ({
      id: `${link.source}→${link.target}`,
      from: labels.get(link.source) ?? link.source,
      to: labels.get(link.target) ?? link.target,
      count: link.value,
      backbone: link.backbone,
    }));
  const columns: Column<FlowRow>[] = [
    { id: 'from', header: t('teacherExchange.table.from'), cell: (row) => row.from },
    { id: 'to', header: t('teacherExchange.table.to'), cell: (row) => row.to },
    { id: 'count', header: t('teacherExchange.table.count'), numeric: true, cell: (row) => formatInteger(row.count) },
    {
      id: 'backbone',
      header: t('teacherExchange.table.backbone'),
      numeric: true,
      cell: (row) => formatInteger(row.backbone),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} maxHeight={420} />;
}
