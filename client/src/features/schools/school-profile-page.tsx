import {
  EXCLUSION_REASON_LABELS,
  LOCALE_LABELS,
  OWNERSHIP_LABELS,
  QUALITY_INDICATOR_KEYS,
  type QualityIndicatorKey,
  SCHOOL_TYPE_LABELS,
  type SchoolProfileResponse,
  STAGE_LABELS,
  type Stage,
  URBAN_RURAL_CODE_LABELS,
} from '@junheng/shared';
import { useId, useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { carrySearch } from '../../app/nav-items.ts';
import { ComparableSchoolsPanels } from '../../comparable/components/comparable-schools-panel.tsx';
import type { PanelQueryState } from '../../components/chart-panel.tsx';
import { ErrorMessage } from '../../components/error-boundary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useReportQuery } from '../../county-view/hooks/use-report-query.ts';
import { useViewParams } from '../../county-view/hooks/use-view-params.ts';
import type { ViewParams } from '../../county-view/view-params.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { formatInteger } from '../../lib/format.ts';
import { isQualityIndicator } from '../../lib/indicators.ts';
import { inParens } from '../../lib/locale-chart.ts';
import { StoredValuesPanel } from '../../provenance/components/stored-values-panel.tsx';
import { NotesPanel } from '../../saved-views/components/notes-panel.tsx';
import { ViewTools } from '../../saved-views/components/view-tools.tsx';
import { SchoolEventList } from '../../school-events/school-event-list.tsx';
import { nameInYearOf } from '../../school-events/school-event-text.ts';
import { type SchoolProfileQuery, schoolProfileQueryOptions } from './api/school-profile.ts';
import { useCompareParam } from './compare-param.ts';
import { ProfileBulletPanel, ProfileRotationPanel, ProfileTrendPanel, RankList } from './components/profile-panels.tsx';
import { SchoolComparePanel } from './components/school-compare-panel.tsx';
import { SchoolCompareTable } from './components/school-compare-table.tsx';
import { findPart, resolveProfileStage, resolveProfileYear, stagesInYear } from './profile-selection.ts';
import './schools.css';

const DEFAULT_INDICATOR: QualityIndicatorKey = QUALITY_INDICATOR_KEYS[0];

function SchoolFacts({ profile }: { profile: SchoolProfileResponse }) {
  const t = useT();
  const [lang] = useLang();
  const { school } = profile;
  const facts: [string, string][] = [
    [t('school.code'), school.code],
    [t('school.type'), pickLabel(SCHOOL_TYPE_LABELS[school.schoolType], lang)],
    [t('school.township'), school.townshipName],
    [
      t('school.locale'),
      `${pickLabel(LOCALE_LABELS[school.locale], lang)}${inParens(`${school.urbanRuralCode} ${URBAN_RURAL_CODE_LABELS[school.urbanRuralCode]}`, lang)}`,
    ],
    [t('school.ownership'), pickLabel(OWNERSHIP_LABELS[school.ownership], lang)],
    [t('school.boarding'), school.boarding ? t('school.yes') : t('school.no')],
    [t('school.group'), school.groupName ?? '—'],
  ];
  return (
    <dl className="school-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProfileControls({
  profile,
  year,
  stage,
  update,
}: {
  profile: SchoolProfileResponse;
  year: number;
  stage: Stage;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const stages = stagesInYear(profile.parts, year);
  const years = [...profile.years].sort((a, b) => b - a);
  return (
    <div className="filter-row school-controls">
      <label className="filter-field" htmlFor={`${id}-year`}>
        <span className="filter-label">{t('filters.year')}</span>
        <select id={`${id}-year`} value={year} onChange={(event) => update({ year: Number(event.target.value) })}>
          {years.map((item) => (
            <option key={item} value={item}>
              {lang === 'zh' ? `${item} 年` : item}
            </option>
          ))}
        </select>
      </label>
      {stages.length > 1 ? (
        <div className="filter-field">
          <span className="filter-label" id={`${id}-stage`}>
            {t('filters.stage')}
          </span>
          {/* biome-ignore lint/a11y/useSemanticElements: a segmented control of toggle buttons */}
          <div className="segmented" role="group" aria-labelledby={`${id}-stage`}>
            {stages.map((item) => (
              <button
                key={item}
                type="button"
                aria-pressed={item === stage}
                className={item === stage ? 'segment active' : 'segment'}
                onClick={() => update({ stage: item })}
              >
                {pickLabel(STAGE_LABELS[item], lang)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <label className="filter-field filter-check">
        <input
          type="checkbox"
          checked={profile.includePrivate}
          onChange={(event) => update({ includePrivate: event.target.checked })}
        />
        <span>{t('filters.includePrivate')}</span>
      </label>
    </div>
  );
}

function ProfileContent({
  profile,
  query,
  profileQuery,
  params,
  update,
}: {
  profile: SchoolProfileResponse;
  query: PanelQueryState;
  profileQuery: SchoolProfileQuery;
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const [compare, setCompare] = useCompareParam(profile.school.code);
  const year = resolveProfileYear(profile.years, params.year);
  const stage = resolveProfileStage(profile.parts, year, params.stage);
  const part = findPart(profile.parts, year, stage);
  const indicator = params.indicator && isQualityIndicator(params.indicator) ? params.indicator : DEFAULT_INDICATOR;

  if (year === null || stage === null || !part) {
    return (
      <div className="card">
        <p>{t('school.noData')}</p>
      </div>
    );
  }
  const stageLabel = pickLabel(STAGE_LABELS[stage], lang);
  const exclusion = part.counted
    ? null
    : part.exclusionReason
      ? lang === 'zh'
        ? (part.exclusionReasonZh ?? '')
        : EXCLUSION_REASON_LABELS[part.exclusionReason].en
      : '';

  const yearName = nameInYearOf(profile.school.name, profile.events ?? [], profile.school.code, year);
  return (
    <>
      <section className="card school-header" aria-label={t('school.factsLabel')}>
        <SchoolFacts profile={profile} />
        {profile.formerNames && profile.formerNames.length > 0 ? (
          <p className="school-former-names">
            {t('schoolEvents.formerNames', {
              names: profile.formerNames
                .map((f) => t('schoolEvents.formerName', { name: f.name, until: f.until }))
                .join(t('schoolEvents.separator')),
            })}
          </p>
        ) : null}
        <SchoolEventList events={profile.events ?? []} title={t('schoolEvents.profileTitle')} />
        <ProfileControls profile={profile} year={year} stage={stage} update={update} />
        <p className="school-verdict">
          <strong>{t('school.partTitle', { year, stage: stageLabel })}</strong>
          {yearName !== profile.school.name ? (
            <>
              <span className="sep">·</span>
              <span className="school-year-name">{t('schoolEvents.nameInYear', { year, name: yearName })}</span>
            </>
          ) : null}
          <span className="sep">·</span>
          {t('school.students', { count: formatInteger(part.students) })}
          <span className="sep">·</span>
          {part.passes ? (
            <span className="verdict verdict-pass">
              ✓ {t('school.verdict', { met: part.metCount, total: QUALITY_INDICATOR_KEYS.length })}
            </span>
          ) : (
            <span className="verdict verdict-fail">
              ✗ {t('school.verdictFail', { met: part.metCount, total: QUALITY_INDICATOR_KEYS.length })}
            </span>
          )}
        </p>
        {exclusion !== null ? (
          <p className="banner banner-warning">{t('school.excluded', { reason: exclusion })}</p>
        ) : null}
      </section>

      <div className="school-grid">
        <ProfileBulletPanel profile={profile} part={part} query={query} profileQuery={profileQuery} />
        <RankList part={part} />
      </div>
      <StoredValuesPanel code={profile.school.code} year={year} />
      <div className="panel-grid">
        <ProfileTrendPanel
          profile={profile}
          part={part}
          query={query}
          profileQuery={profileQuery}
          indicator={indicator}
          onIndicatorChange={(key) => update({ indicator: key })}
        />
        <ProfileRotationPanel profile={profile} query={query} selectedYear={year} />
      </div>
      <SchoolComparePanel
        profile={profile}
        stage={stage}
        year={year}
        indicator={indicator}
        includePrivate={profile.includePrivate}
        compare={compare}
        onCompareChange={setCompare}
      />
      <SchoolCompareTable
        profile={profile}
        stage={stage}
        year={year}
        includePrivate={profile.includePrivate}
        compare={compare}
      />
      <ComparableSchoolsPanels profile={profile} year={year} stage={stage} counted={part.counted} />
      <NotesPanel district={profile.district.code} school={{ code: profile.school.code, year }} />
    </>
  );
}

/** 学校档案: one school, every indicator against the threshold and county mean, its trend, ranks and rotations. */
export default function SchoolProfilePage() {
  const t = useT();
  const location = useLocation();
  const { code = '' } = useParams();
  const [params, update] = useViewParams();
  const profileQuery = useMemo<SchoolProfileQuery>(
    () => ({ code, includePrivate: params.includePrivate }),
    [code, params.includePrivate],
  );
  const query = useReportQuery(schoolProfileQueryOptions(profileQuery));
  const profile = query.data;
  // The previous school stays on screen while another loads (keepPreviousData); never show it under the new code.
  const current = profile && profile.school.code === code ? profile : undefined;

  return (
    <section className="page school-profile" aria-labelledby="school-profile-title">
      <p className="school-back">
        <Link to={{ pathname: '/schools', search: carrySearch(location.search) }}>← {t('school.back')}</Link>
      </p>
      <div className="page-heading">
        <h1 id="school-profile-title" className="page-title">
          {current ? current.school.name : t('schools.title')}
        </h1>
        <ViewTools />
      </div>
      {current ? (
        <p className="view-context">
          <strong>{current.district.name}</strong>
          <span className="muted"> {current.district.code}</span>
          <span className="sep">·</span>
          {t('school.contextLine', { code: current.school.code })}
        </p>
      ) : null}
      {query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : !current ? (
        <Skeleton lines={8} />
      ) : (
        <ProfileContent profile={current} query={query} profileQuery={profileQuery} params={params} update={update} />
      )}
    </section>
  );
}
