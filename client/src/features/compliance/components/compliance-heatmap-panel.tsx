import { type BalanceResponse, QUALITY_INDICATOR_KEYS, STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { usePrinting } from '../../../app/print-mode.ts';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import type { ECElementEvent } from '../../../components/echart-option.ts';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { useOpenSchool } from '../../../county-view/hooks/use-open-school.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { splitRowsForPrint } from '../../../lib/chart-theme.ts';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import {
  buildComplianceHeatmapOption,
  type HeatmapIndicator,
  heatmapHeight,
} from '../charts/build-compliance-heatmap-option.ts';
import { ComplianceStateTable } from './compliance-tables.tsx';

export interface ComplianceHeatmapPanelProps {
  county: CountyQuery;
  query: PanelQueryState & { data: BalanceResponse | undefined };
  /** Schools in the table's order. */
  schools: BalanceResponse['schools'];
  /** The school last opened: its row is scrolled into the window. */
  highlight?: string | null;
}

/** School × indicator heatmap; a click on a cell or a school name opens that school. Own error boundary. */
export function ComplianceHeatmapPanel(props: ComplianceHeatmapPanelProps) {
  const t = useT();
  return (
    <PanelErrorBoundary title={t('compliance.heatmapTitle')}>
      <ComplianceHeatmapPanelContent {...props} />
    </PanelErrorBoundary>
  );
}

function ComplianceHeatmapPanelContent({ county, query, schools, highlight = null }: ComplianceHeatmapPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const openSchool = useOpenSchool();
  // On paper every school is drawn: there is no scrolling there.
  const windowed = !usePrinting();
  const report = query.data;
  const indicators = useMemo<HeatmapIndicator[]>(
    () =>
      (report?.indicators ?? [])
        .filter((indicator) => (QUALITY_INDICATOR_KEYS as readonly string[]).includes(indicator.key))
        .map((indicator) => ({ key: indicator.key, threshold: indicator.threshold })),
    [report],
  );
  // On screen one chart (a big county scrolls inside it); on paper every school, in charts that each fit a page.
  const charts = useMemo(
    () =>
      (windowed ? [schools] : splitRowsForPrint(schools)).map((part) => ({
        height: heatmapHeight(part.length, windowed),
        option: buildComplianceHeatmapOption(part, indicators, { lang, highlightCode: highlight, windowed }),
      })),
    [schools, indicators, lang, highlight, windowed],
  );
  const exports = useMemo(
    () =>
      buildExportLinks(
        {
          route: 'getBalance',
          params: { code: county.code },
          query: { ...countyQueryInput(county), table: 'schools' },
        },
        lang,
      ),
    [county, lang],
  );
  const onEvents = useMemo(
    () => ({
      click: (event: ECElementEvent) => {
        let school: (typeof schools)[number] | undefined;
        if (event.componentType === 'series' && typeof event.dataIndex === 'number' && indicators.length) {
          school = schools[Math.floor(event.dataIndex / indicators.length)];
        } else if (event.componentType === 'yAxis') {
          school = schools.find((item) => item.name === event.value);
        }
        if (school) void openSchool(school.code);
      },
    }),
    [schools, indicators, openSchool],
  );
  const title = t('compliance.heatmapTitle');

  return (
    <ChartPanel
      title={title}
      subtitle={t('compliance.heatmapSubtitle')}
      query={query}
      isEmpty={report?.schoolsCounted === 0}
      exports={exports}
      fileName={exportFileName([
        report?.district.name,
        county.year,
        pickLabel(STAGE_LABELS[county.stage], lang),
        title,
      ])}
      skeletonHeight={400}
      chart={(ref) =>
        charts.map((chart, index) => (
          <LazyEChart
            key={index}
            option={chart.option}
            ariaLabel={title}
            height={chart.height}
            ref={index === 0 ? ref : undefined}
            onEvents={onEvents}
          />
        ))
      }
      table={() => <ComplianceStateTable schools={schools} indicators={indicators} caption={title} />}
    />
  );
}
