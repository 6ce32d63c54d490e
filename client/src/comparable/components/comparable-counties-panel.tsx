import {
  type ComparableCountiesResponse,
  type ComparableCounty,
  QUALITY_INDICATOR_KEYS,
  STAGE_LABELS,
} from '@junheng/shared';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { TablePanel } from '../../components/table-panel.tsx';
import type { CountyQuery } from '../../county-view/county-query.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { buildExportLinks } from '../../lib/export-links.ts';
import { formatCvAgainst, formatInteger, formatPercent } from '../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../lib/indicators.ts';
import {
  type ComparableCountiesQuery,
  comparableCountiesQueryOptions,
  comparableQueryInput,
} from '../api/comparable.ts';
import { formatDistance } from '../charts/build-comparable-standing-option.ts';
import '../comparable.css';

type Row = ComparableCounty & { self: boolean };

/**
 * 可比区县: the counties closest to this one in size and urban share, with the seven CVs of the stage beside the
 * county's own. A user who sees one county (today's demo) gets a short empty state saying why, not an empty table.
 */
export function ComparableCountiesPanel({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const query = useMemo<ComparableCountiesQuery>(
    () => ({ code: county.code, year: county.year, stage: county.stage, includePrivate: county.includePrivate }),
    [county.code, county.year, county.stage, county.includePrivate],
  );
  const result = useReportQuery(comparableCountiesQueryOptions(query));
  const report = result.data;
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);
  const title = t('comparable.county.title', { year: county.year, stage: stageLabel });
  const empty = report !== undefined && report.comparators.length === 0;
  const exports = useMemo(
    () =>
      buildExportLinks(
        { route: 'getComparableCounties', params: { code: query.code }, query: comparableQueryInput(query) },
        lang,
      ),
    [query, lang],
  );
  return (
    <div className="comparable-counties" data-testid="comparable-counties">
      <TablePanel
        title={title}
        subtitle={t('comparable.county.rule', {
          weight: report?.rule.urbanShareWeight ?? 2,
          limit: report?.rule.limit ?? 5,
        })}
        query={result}
        isEmpty={empty}
        emptyTitle={t('comparable.county.emptyTitle')}
        emptyMessage={t('comparable.county.empty')}
        exports={empty ? null : exports}
        footer={
          report && !empty ? (
            <p className="muted small">{t('comparable.county.cvNote', { limit: report.cvLimit })}</p>
          ) : null
        }
      >
        {() => (report ? <CountiesTable report={report} caption={title} /> : null)}
      </TablePanel>
    </div>
  );
}

function CountiesTable({ report, caption }: { report: ComparableCountiesResponse; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const rows: Row[] = [{ ...report.county, self: true }, ...report.comparators.map((c) => ({ ...c, self: false }))];
  const columns: Column<Row>[] = [
    {
      id: 'name',
      header: t('comparable.school.district'),
      pin: 'start',
      cell: (row) =>
        row.self ? (
          <strong>
            {row.name}{' '}
            <span className="muted small">
              {lang === 'zh' ? `（${t('comparable.county.self')}）` : `(${t('comparable.county.self')})`}
            </span>
          </strong>
        ) : (
          row.name
        ),
    },
    {
      id: 'students',
      header: t('comparable.county.students'),
      numeric: true,
      cell: (row) => formatInteger(row.students),
    },
    {
      id: 'urban',
      header: t('comparable.county.urbanShare'),
      numeric: true,
      cell: (row) => formatPercent(row.urbanShare),
    },
    {
      id: 'distance',
      header: t('comparable.school.distance'),
      numeric: true,
      cell: (row) => (row.self ? '—' : formatDistance(row.distance)),
    },
    {
      id: 'schools',
      header: t('comparable.county.schools'),
      numeric: true,
      cell: (row) => formatInteger(row.schoolsCounted),
    },
    ...QUALITY_INDICATOR_KEYS.map<Column<Row>>((key) => ({
      id: key,
      header: indicatorShortName(key, lang),
      title: indicatorName(key, lang),
      numeric: true,
      cell: (row) => {
        const cv = row.cvs[key] ?? null;
        return (
          <span className={cv !== null && cv > report.cvLimit ? 'verdict-fail' : undefined}>
            {formatCvAgainst(cv, report.cvLimit)}
          </span>
        );
      },
    })),
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.code}
      rowClassName={(row) => (row.self ? 'row-highlight' : undefined)}
    />
  );
}
