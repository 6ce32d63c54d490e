import {
  type ProfileIndicator,
  type ProfilePart,
  type ProfileRotationYear,
  type QualityIndicatorKey,
  type SchoolProfileResponse,
  STAGE_LABELS,
} from '@junheng/shared';
import { useMemo } from 'react';
import { ChartPanel, type PanelQueryState } from '../../../components/chart-panel.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { QualityIndicatorSelect } from '../../../components/indicator-select.tsx';
import { LazyEChart } from '../../../components/lazy-echart.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { buildExportLinks, type ExportLinks, exportFileName } from '../../../lib/export-links.ts';
import { formatIndicator, formatInteger, formatPercent } from '../../../lib/format.ts';
import { indicatorName, indicatorShortName } from '../../../lib/indicators.ts';
import { type SchoolProfileQuery, schoolProfileQueryInput } from '../api/school-profile.ts';
import { buildProfileBulletOption, formatRank, shareOfThreshold } from '../charts/build-profile-bullet-option.ts';
import { buildProfileRotationOption } from '../charts/build-profile-rotation-option.ts';
import {
  buildProfileTrendOption,
  type ProfileTrendPoint,
  profileTrendPoints,
} from '../charts/build-profile-trend-option.ts';

/** The profile's own download (every year × stage × indicator with county mean, threshold and rank). */
export function useProfileExports(query: SchoolProfileQuery): ExportLinks {
  const [lang] = useLang();
  return useMemo(
    () =>
      buildExportLinks(
        { route: 'getSchoolProfile', params: { code: query.code }, query: schoolProfileQueryInput(query) },
        lang,
      ),
    [query, lang],
  );
}

function metText(met: boolean | null, t: ReturnType<typeof useT>): string {
  if (met === null) return '—';
  return met ? `✓ ${t('verdict.met')}` : `✗ ${t('verdict.notMet')}`;
}

/** Every indicator of the part against its threshold and the county mean (bullet bars, as % of the threshold). */
export function ProfileBulletPanel({
  profile,
  part,
  query,
  profileQuery,
}: {
  profile: SchoolProfileResponse;
  part: ProfilePart;
  query: PanelQueryState;
  profileQuery: SchoolProfileQuery;
}) {
  const t = useT();
  const [lang] = useLang();
  const stageLabel = pickLabel(STAGE_LABELS[part.stage], lang);
  const title = t('school.bulletTitle', { year: part.year, stage: stageLabel });
  const option = useMemo(() => buildProfileBulletOption(part.indicators, { lang }), [part, lang]);
  const exports = useProfileExports(profileQuery);
  const height = 340;
  return (
    <ChartPanel
      title={title}
      subtitle={t('school.bulletSubtitle')}
      query={query}
      isEmpty={part.indicators.length === 0}
      exports={exports}
      fileName={exportFileName([profile.district.name, profile.school.name, part.year, stageLabel, title])}
      skeletonHeight={height}
      chart={(ref) => <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} />}
      table={() => <IndicatorTable rows={part.indicators} caption={title} />}
    />
  );
}

function IndicatorTable({ rows, caption }: { rows: readonly ProfileIndicator[]; caption: string }) {
  const t = useT();
  const [lang] = useLang();
  const unit = { unit: true, lang } as const;
  const columns: Column<ProfileIndicator>[] = [
    { id: 'indicator', header: t('table.indicator'), cell: (row) => indicatorName(row.key, lang) },
    { id: 'value', header: t('table.value'), numeric: true, cell: (row) => formatIndicator(row.key, row.value, unit) },
    {
      id: 'threshold',
      header: t('table.threshold'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.threshold, unit),
    },
    {
      id: 'share',
      header: t('school.table.ofThreshold'),
      numeric: true,
      cell: (row) => formatPercent(shareOfThreshold(row.value, row.threshold)),
    },
    { id: 'met', header: t('table.meets'), cell: (row) => metText(row.met, t) },
    {
      id: 'mean',
      header: t('table.weightedMean'),
      numeric: true,
      cell: (row) => formatIndicator(row.key, row.countyMean, unit),
    },
    {
      id: 'relative',
      header: t('table.relativeToMean'),
      numeric: true,
      cell: (row) => formatPercent(row.relativeToMean),
    },
    { id: 'rank', header: t('table.rank'), numeric: true, cell: (row) => formatRank(row.rank, row.n, lang) },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />;
}

/** Rank x / n per indicator among the county's counted schools of the stage, with where that sits (top = 1). */
export function RankList({ part }: { part: ProfilePart }) {
  const t = useT();
  const [lang] = useLang();
  const stageLabel = pickLabel(STAGE_LABELS[part.stage], lang);
  return (
    <section className="card" aria-labelledby="school-ranks-title">
      <h2 id="school-ranks-title" className="card-title">
        {t('school.ranksTitle')}
      </h2>
      <p className="muted small">{t('school.ranksSubtitle', { year: part.year, stage: stageLabel })}</p>
      <ol className="rank-list">
        {part.indicators.map((row) => {
          const position = row.rank === null || row.n <= 1 ? null : 1 - (row.rank - 1) / (row.n - 1);
          return (
            <li key={row.key} className="rank-item">
              <span className="rank-name">{indicatorShortName(row.key, lang)}</span>
              <span className="rank-bar" aria-hidden="true">
                {position === null ? null : (
                  <span
                    className={row.met === false ? 'rank-dot rank-dot-fail' : 'rank-dot'}
                    style={{ left: `${(position * 100).toFixed(1)}%` }}
                  />
                )}
              </span>
              <span className="rank-value">{formatRank(row.rank, row.n, lang)}</span>
            </li>
          );
        })}
      </ol>
      <p className="muted small rank-legend">
        <span>{t('school.rankLow')}</span>
        <span>{t('school.rankHigh')}</span>
      </p>
    </section>
  );
}

/** One indicator of the part across the years, against the county mean and the threshold. */
export function ProfileTrendPanel({
  profile,
  part,
  query,
  profileQuery,
  indicator,
  onIndicatorChange,
}: {
  profile: SchoolProfileResponse;
  part: ProfilePart;
  query: PanelQueryState;
  profileQuery: SchoolProfileQuery;
  indicator: QualityIndicatorKey;
  onIndicatorChange: (key: QualityIndicatorKey) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const stageLabel = pickLabel(STAGE_LABELS[part.stage], lang);
  const title = t('school.trendTitle', { indicator: indicatorName(indicator, lang) });
  const points = useMemo(
    () => profileTrendPoints(profile.parts, part.stage, indicator),
    [profile, part.stage, indicator],
  );
  const option = useMemo(
    () =>
      buildProfileTrendOption(points, { lang, indicator, schoolName: profile.school.name, selectedYear: part.year }),
    [points, lang, indicator, profile.school.name, part.year],
  );
  const exports = useProfileExports(profileQuery);
  const height = 300;
  return (
    <ChartPanel
      title={title}
      subtitle={
        <QualityIndicatorSelect value={indicator} onChange={onIndicatorChange} label={t('school.trendIndicator')} />
      }
      query={query}
      isEmpty={points.length === 0}
      exports={exports}
      fileName={exportFileName([profile.district.name, profile.school.name, stageLabel, title])}
      skeletonHeight={height}
      chart={(ref) => <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} />}
      table={() => <TrendTable points={points} indicator={indicator} caption={title} />}
    />
  );
}

function TrendTable({
  points,
  indicator,
  caption,
}: {
  points: readonly ProfileTrendPoint[];
  indicator: QualityIndicatorKey;
  caption: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const unit = { unit: true, lang } as const;
  const columns: Column<ProfileTrendPoint>[] = [
    { id: 'year', header: t('table.year'), cell: (row) => row.year },
    {
      id: 'value',
      header: t('table.value'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.value, unit),
    },
    { id: 'met', header: t('table.meets'), cell: (row) => metText(row.met, t) },
    {
      id: 'mean',
      header: t('table.weightedMean'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.countyMean, unit),
    },
    {
      id: 'threshold',
      header: t('table.threshold'),
      numeric: true,
      cell: (row) => formatIndicator(indicator, row.threshold, unit),
    },
    { id: 'rank', header: t('table.rank'), numeric: true, cell: (row) => formatRank(row.rank, row.n, lang) },
  ];
  return <DataTable caption={caption} columns={columns} rows={points} rowKey={(row) => String(row.year)} />;
}

/** Teachers rotated out of and into the school per year (backbone teachers in the darker shade). */
export function ProfileRotationPanel({
  profile,
  query,
  selectedYear,
}: {
  profile: SchoolProfileResponse;
  query: PanelQueryState;
  selectedYear: number | null;
}) {
  const t = useT();
  const [lang] = useLang();
  const title = t('school.rotationTitle');
  const rows = profile.rotations;
  const option = useMemo(() => buildProfileRotationOption(rows, { lang, selectedYear }), [rows, lang, selectedYear]);
  const height = 300;
  return (
    <ChartPanel
      title={title}
      subtitle={t('school.rotationSubtitle')}
      query={query}
      isEmpty={rows.every((row) => row.out === 0 && row.in === 0)}
      emptyMessage={t('school.rotationEmpty')}
      // No API table holds one school's rotations per year: the PNG and the table view are the exports here.
      exports={null}
      fileName={exportFileName([profile.district.name, profile.school.name, title])}
      skeletonHeight={height}
      chart={(ref) => <LazyEChart option={option} ariaLabel={title} height={height} ref={ref} />}
      table={() => <RotationTable rows={rows} caption={title} />}
    />
  );
}

function RotationTable({ rows, caption }: { rows: readonly ProfileRotationYear[]; caption: string }) {
  const t = useT();
  const columns: Column<ProfileRotationYear>[] = [
    { id: 'year', header: t('table.year'), cell: (row) => row.year },
    {
      id: 'eligible',
      header: t('teacherExchange.table.eligible'),
      numeric: true,
      cell: (row) => formatInteger(row.eligible),
    },
    { id: 'out', header: t('teacherExchange.table.out'), numeric: true, cell: (row) => formatInteger(row.out) },
    {
      id: 'backboneOut',
      header: t('teacherExchange.table.backboneOut'),
      numeric: true,
      cell: (row) => formatInteger(row.backboneOut),
    },
    { id: 'in', header: t('teacherExchange.table.in'), numeric: true, cell: (row) => formatInteger(row.in) },
    {
      id: 'backboneIn',
      header: t('teacherExchange.table.backboneIn'),
      numeric: true,
      cell: (row) => formatInteger(row.backboneIn),
    },
    {
      id: 'net',
      header: t('teacherExchange.table.net'),
      numeric: true,
      cell: (row) => formatInteger(row.in - row.out),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => String(row.year)} />;
}
