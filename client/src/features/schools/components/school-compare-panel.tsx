import { type QualityIndicatorKey, type SchoolProfileResponse, STAGE_LABELS, type Stage } from '@junheng/shared';
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { combineQueries } from '../../../components/combine-queries.ts';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { useReportQuery } from '../../../county-view/hooks/use-report-query.ts';
import { noSchoolFilter } from '../../../county-view/school-filter.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { exportFileName } from '../../../lib/export-links.ts';
import { formatIndicator } from '../../../lib/format.ts';
import { indicatorName } from '../../../lib/indicators.ts';
import { balanceQueryOptions } from '../../../reports/balance.ts';
import { schoolProfileQueryOptions } from '../api/school-profile.ts';
import { profileTrendPoints } from '../charts/build-profile-trend-option.ts';
import {
  buildSchoolCompareOption,
  COMPARE_COLORS,
  type CompareSchool,
  compareYears,
} from '../charts/build-school-compare-option.ts';
import { MAX_COMPARE } from '../compare-param.ts';
import { rankCandidates } from '../school-lists.ts';

/** The indicator of one stage of a profile as a comparison series. */
export function toCompareSchool(
  profile: SchoolProfileResponse,
  stage: Stage,
  indicator: QualityIndicatorKey,
): CompareSchool {
  return {
    code: profile.school.code,
    name: profile.school.name,
    points: profileTrendPoints(profile.parts, stage, indicator).map((point) => ({
      year: point.year,
      value: point.value,
      met: point.met,
    })),
  };
}

const MAX_SUGGESTIONS = 8;

// Module-level, so TanStack Query re-runs it only when a result changes and the profiles array stays the same object.
function combineProfiles(results: UseQueryResult<SchoolProfileResponse>[]): {
  profiles: SchoolProfileResponse[];
  state: PanelQueryState;
} {
  return {
    profiles: results.flatMap((result) => (result.data ? [result.data] : [])),
    state: combineQueries(
      ...results.map((result) => ({
        isPending: result.isPending,
        isError: result.isError,
        error: result.error,
        isPlaceholderData: false,
        refetch: () => result.refetch(),
      })),
    ),
  };
}

/**
 * The profiled school against up to four others on one indicator across the years. The compared codes live in the
 * URL (`compare=`); candidates are the county's counted schools of the same stage and year.
 */
export function SchoolComparePanel({
  profile,
  stage,
  year,
  indicator,
  includePrivate,
  compare,
  onCompareChange,
}: {
  profile: SchoolProfileResponse;
  stage: Stage;
  year: number;
  indicator: QualityIndicatorKey;
  includePrivate: boolean;
  compare: readonly string[];
  onCompareChange: (codes: string[]) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const [search, setSearch] = useState('');
  const candidatesQuery = useReportQuery(
    balanceQueryOptions({
      code: profile.district.code,
      year,
      stage,
      ...noSchoolFilter(),
      includePrivate,
    }),
  );
  const { profiles: comparedProfiles, state: query } = useQueries({
    queries: compare.map((code) => schoolProfileQueryOptions({ code, includePrivate })),
    combine: combineProfiles,
  });
  const schools = useMemo(
    () => [profile, ...comparedProfiles].map((item) => toCompareSchool(item, stage, indicator)),
    [profile, comparedProfiles, stage, indicator],
  );
  const mainPoints = useMemo(() => profileTrendPoints(profile.parts, stage, indicator), [profile, stage, indicator]);
  const countyMeans = useMemo(
    () => mainPoints.map((point) => ({ year: point.year, mean: point.countyMean })),
    [mainPoints],
  );
  const threshold = mainPoints.find((point) => point.threshold !== null)?.threshold ?? null;
  const option = useMemo(
    () => buildSchoolCompareOption(schools, { lang, indicator, threshold, countyMeans, selectedYear: year }),
    [schools, lang, indicator, threshold, countyMeans, year],
  );

  const candidates = useMemo(
    () => rankCandidates(candidatesQuery.data?.schools ?? [], profile, compare, search).slice(0, MAX_SUGGESTIONS),
    [candidatesQuery.data, profile, compare, search],
  );
  const full = compare.length >= MAX_COMPARE;
  const stageLabel = pickLabel(STAGE_LABELS[stage], lang);
  const title = t('school.compareTitle', { indicator: indicatorName(indicator, lang), stage: stageLabel });
  const height = 320;

  return (
    <div className="school-compare">
      <section className="card school-compare-picker" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="card-title">
          {t('school.compareChoose')}
        </h2>
        <p className="muted small">{t('school.compareHint', { max: MAX_COMPARE, stage: stageLabel })}</p>
        <ul className="compare-chips" aria-label={t('school.compareSelected')}>
          <li className="compare-chip compare-chip-self" style={{ borderColor: COMPARE_COLORS[0] }}>
            {profile.school.name}
          </li>
          {compare.map((code, index) => {
            const name = comparedProfiles.find((item) => item.school.code === code)?.school.name ?? code;
            return (
              <li
                key={code}
                className="compare-chip"
                style={{ borderColor: COMPARE_COLORS[(index + 1) % COMPARE_COLORS.length] }}
              >
                {name}
                <button
                  type="button"
                  className="compare-remove"
                  aria-label={t('school.compareRemove', { name })}
                  onClick={() => onCompareChange(compare.filter((item) => item !== code))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        {full ? (
          <p className="muted small">{t('school.compareFull', { max: MAX_COMPARE })}</p>
        ) : (
          <>
            <label className="filter-field" htmlFor={`${id}-search`}>
              <span className="filter-label">{t('school.compareSearch')}</span>
              <input
                id={`${id}-search`}
                type="search"
                value={search}
                placeholder={t('schools.searchPlaceholder')}
                onChange={(event) => setSearch(event.target.value)}
              />
            </label>
            <ul className="compare-candidates">
              {candidates.map((school) => (
                <li key={school.code}>
                  <button
                    type="button"
                    className="button button-plain button-small"
                    onClick={() => {
                      onCompareChange([...compare, school.code]);
                      setSearch('');
                    }}
                  >
                    + {school.name}
                    <span className="muted small compare-candidate-township">{school.townshipName}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <ChartPanel
        title={title}
        subtitle={t('school.compareSubtitle')}
        query={query}
        isEmpty={mainPoints.length === 0}
        // A comparison of several profiles has no single API table: PNG and the table view are its exports.
        exports={null}
        fileName={exportFileName([profile.district.name, profile.school.name, stageLabel, title])}
        skeletonHeight={height}
        chart={(ref) => <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} />}
        table={() => <CompareTable schools={schools} countyMeans={countyMeans} indicator={indicator} caption={title} />}
      />
    </div>
  );
}

function CompareTable({
  schools,
  countyMeans,
  indicator,
  caption,
}: {
  schools: readonly CompareSchool[];
  countyMeans: readonly { year: number; mean: number | null }[];
  indicator: QualityIndicatorKey;
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const years = compareYears(schools, countyMeans);
  const unit = { unit: true, lang } as const;
  const meanRow: CompareSchool = {
    code: '__mean__',
    name: t('chart.school.countyMean'),
    points: countyMeans.map((item) => ({ year: item.year, value: item.mean, met: null })),
  };
  const columns: Column<CompareSchool>[] = [
    { id: 'name', header: t('table.school'), cell: (row) => row.name },
    ...years.map<Column<CompareSchool>>((year) => ({
      id: String(year),
      header: String(year),
      numeric: true,
      cell: (row) => {
        const point = row.points.find((item) => item.year === year);
        if (!point) return '—';
        const mark = point.met === null ? '' : point.met ? ' ✓' : ' ✗';
        return `${formatIndicator(indicator, point.value, unit)}${mark}`;
      },
    })),
  ];
  return <DataTable caption={caption} columns={columns} rows={[...schools, meanRow]} rowKey={(row) => row.code} />;
}
