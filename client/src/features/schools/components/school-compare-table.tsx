import { type SchoolComparisonResponse, type SchoolProfileResponse, STAGE_LABELS, type Stage } from '@junheng/shared';
import { useMemo } from 'react';
import { IndicatorLabel } from '../../../components/cv-bar-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { TablePanel } from '../../../components/table-panel.tsx';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { noSchoolFilter } from '../../../county-view/school-filter.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks } from '../../../lib/export-links.ts';
import { formatIndicator, formatInteger } from '../../../lib/format.ts';
import { balanceQueryOptions } from '../../../reports/balance.ts';
import {
  type SchoolComparisonQuery,
  schoolComparisonQueryInput,
  schoolComparisonQueryOptions,
} from '../api/school-comparison.ts';

type Row = SchoolComparisonResponse['rows'][number];

/**
 * The profiled school and the compared ones side by side on all seven indicators of the year and stage shown (value,
 * met ✓ / not met ✗), with the threshold and the county mean, downloadable as CSV / XLSX. Compared schools that are
 * not counted in that stage and year are left out (and named).
 */
export function SchoolCompareTable({
  profile,
  stage,
  year,
  includePrivate,
  compare,
}: {
  profile: SchoolProfileResponse;
  stage: Stage;
  year: number;
  includePrivate: boolean;
  compare: readonly string[];
}) {
  const t = useT();
  const [lang] = useLang();
  const counted = useReportQuery(
    balanceQueryOptions({
      code: profile.district.code,
      year,
      stage,
      ...noSchoolFilter(),
      includePrivate,
    }),
  );
  const countedCodes = useMemo(() => new Set(counted.data?.schools.map((s) => s.code) ?? []), [counted.data]);
  const wanted = [profile.school.code, ...compare];
  const schools = counted.data ? wanted.filter((code) => countedCodes.has(code)) : [];
  const skipped = counted.data ? wanted.filter((code) => !countedCodes.has(code)) : [];
  const schoolsKey = schools.join(',');
  const query = useMemo<SchoolComparisonQuery>(
    () => ({
      district: profile.district.code,
      year,
      stage,
      includePrivate,
      schools: schoolsKey ? schoolsKey.split(',') : [],
    }),
    [profile.district.code, year, stage, includePrivate, schoolsKey],
  );
  const comparison = useReportQuery({ ...schoolComparisonQueryOptions(query), enabled: schools.length > 0 });
  const exports = useMemo(
    () =>
      query.schools.length > 0
        ? buildExportLinks(
            {
              route: 'getSchoolComparison',
              params: { code: query.district },
              query: schoolComparisonQueryInput(query),
            },
            lang,
          )
        : null,
    [query, lang],
  );
  const report = comparison.data;
  const stageLabel = pickLabel(STAGE_LABELS[stage], lang);
  const title = t('insight.compareTable.title', { year, stage: stageLabel });
  // Until the counted schools are known (or when none of the chosen ones is counted) the panel follows that query.
  const state = counted.isPending || counted.isError || schools.length === 0 ? counted : comparison;

  return (
    <TablePanel
      title={title}
      subtitle={
        <>
          {t('insight.compareTable.subtitle')}
          {skipped.length > 0 ? ` ${t('insight.compareTable.skipped', { codes: skipped.join('、') })}` : null}
        </>
      }
      query={state}
      isEmpty={schools.length === 0}
      exports={exports}
    >
      {() => (report ? <CompareTable report={report} caption={title} /> : null)}
    </TablePanel>
  );
}

function CompareTable({ report, caption }: { report: SchoolComparisonResponse; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const unit = { unit: true, lang } as const;
  const columns: Column<Row>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => <IndicatorLabel indicator={row.key} /> },
    {
      id: 'threshold',
      header: t('table.threshold'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.threshold, unit),
    },
    ...report.schools.map<Column<Row>>((school, index) => ({
      id: school.code,
      header: school.name,
      title: `${school.name}（${school.townshipName}，${formatInteger(school.students)}）`,
      numeric: true,
      cell: (row) => {
        const cell = row.values[index];
        if (!cell) return '—';
        const mark = cell.meets === null ? '' : cell.meets ? ' ✓' : ' ✗';
        return (
          <span className={cell.meets === false ? 'verdict-fail' : undefined}>
            {formatIndicator(row.key, cell.value)}
            {mark}
          </span>
        );
      },
    })),
    {
      id: 'mean',
      header: t('insight.compareTable.countyMean'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.countyMean),
    },
  ];
  const verdictRow = (
    <p className="muted small">
      {report.schools
        .map((school) =>
          t('insight.compareTable.verdict', {
            name: school.name,
            met: school.metCount,
            verdict: school.passes ? t('verdict.pass') : t('verdict.fail'),
          }),
        )
        .join('；')}
    </p>
  );
  return (
    <>
      <DataTable caption={caption} columns={columns} rows={report.rows} rowKey={(row) => row.key} />
      {verdictRow}
    </>
  );
}
