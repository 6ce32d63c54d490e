import {
  type ComparableSchool,
  type ComparableSchoolsResponse,
  LOCALE_LABELS,
  QUALITY_INDICATOR_KEYS,
  SCHOOL_TYPE_LABELS,
  type SchoolProfileResponse,
  STAGE_LABELS,
  type Stage,
} from '@junheng/shared';
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { ChartPanel } from '../../components/chart-panel.tsx';
import { IndicatorLabel } from '../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { LazyEChart } from '../../components/lazy-echart.tsx';
import { TablePanel } from '../../components/table-panel.tsx';
import { schoolPath } from '../../county-view/hooks/use-open-school.ts';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { buildExportLinks, exportFileName } from '../../lib/export-links.ts';
import { formatIndicator, formatInteger } from '../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../lib/indicators.ts';
import { type ComparableSchoolsQuery, comparableQueryInput, comparableSchoolsQueryOptions } from '../api/comparable.ts';
import {
  buildComparableStandingOption,
  formatDistance,
  type StandingRow,
  summariseRanks,
} from '../charts/build-comparable-standing-option.ts';
import '../comparable.css';

const NOT_LOADED = { isPending: false, isError: false, error: null, isPlaceholderData: false, refetch: () => {} };

/**
 * 可比学校 on the school profile: the rule in plain words, the school against the comparator set on every indicator
 * (box plot in % of the standard, or the standing table), and the comparators side by side. Both tables download.
 * Nothing is asked when the school's part of the stage is not counted (the API would answer 404).
 */
export function ComparableSchoolsPanels({
  profile,
  year,
  stage,
  counted,
}: {
  profile: SchoolProfileResponse;
  year: number;
  stage: Stage;
  counted: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const query = useMemo<ComparableSchoolsQuery>(
    () => ({ code: profile.school.code, year, stage, includePrivate: profile.includePrivate }),
    [profile.school.code, year, stage, profile.includePrivate],
  );
  const result = useReportQuery({ ...comparableSchoolsQueryOptions(query), enabled: counted });
  const report = counted ? result.data : undefined;
  const state = counted ? result : NOT_LOADED;
  const stageLabel = pickLabel(STAGE_LABELS[stage], lang);
  const exportsOf = (table: 'schools' | 'standing') =>
    buildExportLinks(
      {
        route: 'getComparableSchools',
        params: { code: query.code },
        query: { ...comparableQueryInput(query), table: table === 'schools' ? undefined : table },
      },
      lang,
    );
  const option = useMemo(
    () => (report ? buildComparableStandingOption(report.indicators, { lang }) : null),
    [report, lang],
  );
  const rule = t('comparable.school.rule', {
    type: pickLabel(SCHOOL_TYPE_LABELS[profile.school.schoolType], lang),
    weight: report?.rule.localeStepWeight ?? 0.5,
    limit: report?.rule.limit ?? 10,
  });
  const found = report
    ? `${t('comparable.school.found', { candidates: report.candidates, count: report.comparators.length })}${
        report.comparators.length < report.rule.limit
          ? ` ${t('comparable.school.fewer', { limit: report.rule.limit })}`
          : ''
      }`
    : '';
  const empty = !counted || (report !== undefined && report.comparators.length === 0);
  const emptyMessage = counted ? t('comparable.school.empty') : t('comparable.school.notCounted');
  const chartTitle = t('comparable.school.chartTitle', { year, stage: stageLabel });
  const tableTitle = t('comparable.school.tableTitle', { year, stage: stageLabel });
  const height = 360;

  return (
    <div className="comparable-schools" data-testid="comparable-schools">
      <ChartPanel
        title={chartTitle}
        subtitle={
          <>
            <span className="comparable-rule">{rule}</span> {found}
            <br />
            {t('comparable.school.chartSubtitle')}
          </>
        }
        query={state}
        isEmpty={empty}
        emptyTitle={t('comparable.school.emptyTitle')}
        emptyMessage={emptyMessage}
        exports={empty ? null : exportsOf('standing')}
        fileName={exportFileName([profile.district.name, profile.school.name, year, stageLabel, chartTitle])}
        skeletonHeight={height}
        chart={(ref) =>
          option ? <LazyEChart option={option} ariaLabel={chartTitle} height={height} ref={ref} /> : null
        }
        table={() => (report ? <StandingTable rows={report.indicators} caption={chartTitle} /> : null)}
        footer={
          report && !empty ? (
            <p className="muted small">
              {t('comparable.school.standing', { summary: summariseRanks(report.indicators, lang) })}
            </p>
          ) : null
        }
      />
      <TablePanel
        title={tableTitle}
        subtitle={found}
        query={state}
        isEmpty={empty}
        emptyTitle={t('comparable.school.emptyTitle')}
        emptyMessage={emptyMessage}
        exports={empty ? null : exportsOf('schools')}
      >
        {() => (report ? <ComparatorTable report={report} caption={tableTitle} /> : null)}
      </TablePanel>
    </div>
  );
}

function StandingTable({ rows, caption }: { rows: readonly StandingRow[]; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const unit = { unit: true, lang } as const;
  const columns: Column<StandingRow>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.key} /> },
    {
      id: 'threshold',
      header: t('table.threshold'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.threshold, unit),
    },
    {
      id: 'value',
      header: t('comparable.school.thisSchool'),
      numeric: true,
      cell: (row) => (
        <span className={row.met === false ? 'verdict-fail' : undefined}>
          {formatIndicator(row.key, row.value)}
          {row.met === null ? '' : row.met ? ' ✓' : ' ✗'}
        </span>
      ),
    },
    {
      id: 'q1',
      header: `Q1`,
      title: t('comparable.school.quartiles'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.standing.q1),
    },
    {
      id: 'median',
      header: t('comparable.school.median'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.standing.median),
    },
    {
      id: 'q3',
      header: `Q3`,
      title: t('comparable.school.quartiles'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.standing.q3),
    },
    {
      id: 'range',
      header: t('comparable.school.range'),
      numeric: true,
      cell: (row) => `${formatIndicator(row.key, row.standing.min)} – ${formatIndicator(row.key, row.standing.max)}`,
    },
    {
      id: 'rank',
      header: t('comparable.school.rank'),
      numeric: true,
      cell: (row) =>
        row.standing.rank === null
          ? '—'
          : t('comparable.school.rankOf', { rank: row.standing.rank, of: row.standing.of }),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />;
}

type ComparatorRow = ComparableSchool & { self: boolean };

function ComparatorTable({ report, caption }: { report: ComparableSchoolsResponse; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const location = useLocation();
  const rows: ComparatorRow[] = [
    { ...report.school, self: true },
    ...report.comparators.map((c) => ({ ...c, self: false })),
  ];
  const columns: Column<ComparatorRow>[] = [
    {
      id: 'name',
      header: t('table.school'),
      pin: 'start',
      cell: (row) =>
        row.self ? (
          <strong>
            {row.name}{' '}
            <span className="muted small">
              {lang === 'zh' ? `（${t('comparable.school.self')}）` : `(${t('comparable.school.self')})`}
            </span>
          </strong>
        ) : (
          <Link to={schoolPath(row.code, location.search)}>{row.name}</Link>
        ),
    },
    {
      id: 'district',
      header: t('comparable.school.district'),
      className: 'cell-nowrap',
      cell: (row) => row.district.name,
    },
    {
      id: 'locale',
      header: t('table.locale'),
      className: 'cell-nowrap',
      cell: (row) => pickLabel(LOCALE_LABELS[row.locale], lang),
    },
    {
      id: 'students',
      header: t('comparable.school.students'),
      numeric: true,
      cell: (row) => formatInteger(row.students),
    },
    {
      id: 'distance',
      header: t('comparable.school.distance'),
      numeric: true,
      cell: (row) => (row.self ? '—' : formatDistance(row.distance)),
    },
    ...QUALITY_INDICATOR_KEYS.map<Column<ComparatorRow>>((key) => ({
      id: key,
      header: indicatorShortName(key, lang),
      title: indicatorName(key, lang),
      numeric: true,
      cell: (row) => formatIndicator(key, row.values[key] ?? null),
    })),
    {
      id: 'met',
      header: t('comparable.school.met'),
      numeric: true,
      pin: 'end',
      cell: (row) => (
        <span className={row.passes ? 'verdict-pass' : 'verdict-fail'}>
          {row.metCount}/{QUALITY_INDICATOR_KEYS.length} {row.passes ? '✓' : '✗'}
        </span>
      ),
    },
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
