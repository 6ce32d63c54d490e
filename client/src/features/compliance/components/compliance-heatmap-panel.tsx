import { type BalanceResponse, QUALITY_INDICATOR_KEYS, STAGE_LABELS } from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import type { ECElementEvent } from '../../../components/echart-option.ts';
import { PanelErrorBoundary } from '../../../components/error-boundary.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { type CountyQuery, countyQueryInput } from '../../filters/county-query.ts';
import { useOpenSchool } from '../../filters/hooks/use-open-school.ts';
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
  const report = query.data;
  const indicators = useMemo<HeatmapIndicator[]>(
    () =>
      (report?.indicators ?? [])
        .filter((indicator) => (QUALITY_INDICATOR_KEYS as readonly string[]).includes(indicator.key))
        .map((indicator) => ({ key: indicator.key, threshold: indicator.threshold })),
    [report],
  );
  const option = useMemo(
    () => buildComplianceHeatmapOption(schools, indicators, { lang, highlightCode: highlight }),
    [schools, indicators, lang, highlight],
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
  const height = heatmapHeight(schools.length);

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
      chart={(ref) => <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} onEvents={onEvents} />}
      table={() => <ComplianceStateTable schools={schools} indicators={indicators} caption={title} />}
    />
  );
}
