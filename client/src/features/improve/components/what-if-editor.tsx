import {
  type QualitySchoolResult,
  STAGE_LABELS,
  WHAT_IF_RESOURCES,
  type WhatIfError,
  type WhatIfResource,
} from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CountyQuery, unfilteredCountyQuery } from '../../../county-view/county-query.ts';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { useSetLatestSearchParams } from '../../../lib/latest-search-params.ts';
import { balanceQueryOptions } from '../../../reports/balance.ts';
import { whatIfQueryOptions } from '../api/what-if.ts';
import { RESOURCE_UNIT_KEYS, WHAT_IF_RESOURCE_KEYS, whatIfResourceUnit } from '../resource-units.ts';
import {
  buildWhatIfRequest,
  CHANGES_SEARCH_PARAM,
  changeDraftType,
  type DraftChange,
  type DraftProblem,
  decodeScenario,
  draftProblems,
  emptyDraft,
  encodeScenario,
  type TeacherFlags,
  WHAT_IF_CHANGE_TYPES,
  type WhatIfChangeType,
} from '../what-if-scenario.ts';
import { WhatIfResult } from './what-if-result.tsx';

const TYPE_LABELS: Record<WhatIfChangeType, MessageKey> = {
  move_teachers: 'improve.whatIf.type.move_teachers',
  add_teachers: 'improve.whatIf.type.add_teachers',
  add_resource: 'improve.whatIf.type.add_resource',
  add_students: 'improve.whatIf.type.add_students',
};

const PROBLEM_LABELS: Record<DraftProblem, MessageKey> = {
  school: 'improve.whatIf.problem.school',
  from: 'improve.whatIf.problem.from',
  to: 'improve.whatIf.problem.to',
  sameSchool: 'improve.whatIf.problem.sameSchool',
  count: 'improve.whatIf.problem.count',
  amount: 'improve.whatIf.problem.amount',
};

const FLAG_LABELS: Record<keyof TeacherFlags, MessageKey> = {
  backbone: 'improve.whatIf.flag.backbone',
  higherDegree: 'improve.whatIf.flag.higherDegree',
  peArt: 'improve.whatIf.flag.peArt',
};

type SchoolOption = Pick<QualitySchoolResult, 'code' | 'name' | 'townshipName'>;

/**
 * The scenario in the URL (`changes=`): every edit replaces the history entry, so a copied link carries it. The rows
 * themselves live in component state, changed synchronously by each edit: a checkbox or an input controlled by the
 * URL alone would snap back until the navigation lands (and lose a quick second edit). A URL changed from outside —
 * back/forward, a pasted link — replaces the rows.
 */
function useScenarioParam(): [DraftChange[], (edit: (previous: DraftChange[]) => DraftChange[]) => void] {
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const raw = searchParams.get(CHANGES_SEARCH_PARAM) ?? '';
  const [drafts, setDrafts] = useState<DraftChange[]>(() => decodeScenario(raw));
  // URLs this hook wrote and the router has not shown yet: passing through them is not an outside change.
  const latest = useRef({ drafts, pending: [raw] });
  useEffect(() => {
    const index = latest.current.pending.indexOf(raw);
    if (index >= 0) {
      latest.current.pending = latest.current.pending.slice(index + 1);
      return;
    }
    const adopted = decodeScenario(raw);
    latest.current = { drafts: adopted, pending: [] };
    setDrafts(adopted);
  }, [raw]);
  const editDrafts = (edit: (previous: DraftChange[]) => DraftChange[]) => {
    const next = edit(latest.current.drafts);
    const encoded = encodeScenario(next);
    latest.current = { drafts: next, pending: [...latest.current.pending, encoded] };
    setDrafts(next);
    setSearchParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (encoded) updated.set(CHANGES_SEARCH_PARAM, encoded);
        else updated.delete(CHANGES_SEARCH_PARAM);
        return updated;
      },
      { replace: true },
    );
  };
  return [drafts, editDrafts];
}

/**
 * 模拟调整: rows of changes (move or add teachers, add resources or students) computed by the server against this
 * county-year, showing the CVs and verdicts before and after. Nothing is written.
 */
export function WhatIfEditor({ county }: { county: CountyQuery }) {
  const t = useT();
  const [lang] = useLang();
  const [drafts, editDrafts] = useScenarioParam();
  const current = encodeScenario(drafts);
  // A pasted link computes its scenario at once; afterwards only 计算 does.
  const [submitted, setSubmitted] = useState<string | null>(() => (current ? current : null));
  const request = useMemo(
    () =>
      submitted
        ? buildWhatIfRequest(decodeScenario(submitted), { stage: county.stage, includePrivate: county.includePrivate })
        : null,
    [submitted, county.stage, county.includePrivate],
  );
  const result = useQuery(whatIfQueryOptions(county.code, county.year, request));
  const schoolsQuery = useQuery(
    balanceQueryOptions({ ...unfilteredCountyQuery(county), includePrivate: county.includePrivate }),
  );
  const schools = useMemo<SchoolOption[]>(() => {
    const list = schoolsQuery.data?.schools ?? [];
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    return [...list].sort(
      (a, b) => collator.compare(a.townshipName, b.townshipName) || collator.compare(a.name, b.name),
    );
  }, [schoolsQuery.data]);

  const stale = submitted !== null && submitted !== current;
  const incomplete = drafts.some((draft) => draftProblems(draft).length > 0);
  const serverErrors = !stale && result.data && !result.data.valid ? result.data.errors : [];
  const stageLabel = pickLabel(STAGE_LABELS[county.stage], lang);

  const updateRow = (index: number, update: (draft: DraftChange) => DraftChange) =>
    editDrafts((previous) => previous.map((draft, i) => (i === index ? update(draft) : draft)));
  const removeRow = (index: number) => editDrafts((previous) => previous.filter((_, i) => i !== index));

  return (
    <section className="card whatif" aria-labelledby="whatif-title">
      <h2 id="whatif-title" className="card-title">
        {t('improve.whatIf.title', { stage: stageLabel })}
      </h2>
      <p className="muted small">{t('improve.whatIf.intro')}</p>
      <p className="banner banner-info whatif-note">{t('improve.whatIf.nothingWritten')}</p>
      {drafts.length === 0 ? <p className="muted">{t('improve.whatIf.noRows')}</p> : null}
      <ol className="whatif-rows">
        {drafts.map((draft, index) => (
          <WhatIfRow
            // Rows are plain values without state of their own: the position is their identity (and error index).
            key={index}
            index={index}
            draft={draft}
            schools={schools}
            errors={serverErrors.filter((error) => error.index === index)}
            onChange={(update) => updateRow(index, update)}
            onRemove={() => removeRow(index)}
          />
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => editDrafts((previous) => [...previous, emptyDraft('move_teachers')])}
        >
          {t('improve.whatIf.addRow')}
        </button>
        <button
          type="button"
          className="button"
          disabled={drafts.length === 0 || incomplete || result.isFetching}
          onClick={() => {
            setSubmitted(current);
            if (current === submitted) void result.refetch();
          }}
        >
          {result.isFetching ? t('improve.whatIf.computing') : t('improve.whatIf.compute')}
        </button>
        {drafts.length > 0 ? (
          <button
            type="button"
            className="button button-plain"
            onClick={() => {
              editDrafts(() => []);
              setSubmitted(null);
            }}
          >
            {t('improve.whatIf.clear')}
          </button>
        ) : null}
        {incomplete ? <span className="muted small">{t('improve.whatIf.incomplete')}</span> : null}
        {stale && !incomplete ? <span className="muted small">{t('improve.whatIf.stale')}</span> : null}
      </div>
      {request ? <WhatIfResult county={county} query={result} stale={stale} /> : null}
    </section>
  );
}

function WhatIfRow({
  index,
  draft,
  schools,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  draft: DraftChange;
  schools: readonly SchoolOption[];
  errors: readonly WhatIfError[];
  /** Applied to the row as it is in the URL at the time of the edit. */
  onChange: (update: (draft: DraftChange) => DraftChange) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const problems = draftProblems(draft);
  // Fields of this row's type only: a patch never changes the type (the type select does that).
  const patch = (fields: Record<string, unknown>) =>
    onChange((current) => (current.type === draft.type ? ({ ...current, ...fields } as DraftChange) : current));
  const number = (value: string): number | null =>
    value.trim() === '' || Number.isNaN(Number(value)) ? null : Number(value);

  let fields: React.ReactNode;
  switch (draft.type) {
    case 'move_teachers':
      fields = (
        <>
          <SchoolSelect
            label={t('improve.whatIf.from')}
            value={draft.from}
            schools={schools}
            onChange={(from) => patch({ from })}
          />
          <SchoolSelect
            label={t('improve.whatIf.to')}
            value={draft.to}
            schools={schools}
            onChange={(to) => patch({ to })}
          />
          <NumberField
            label={t('improve.whatIf.teachers')}
            value={draft.count}
            min={1}
            onChange={(value) => patch({ count: number(value) })}
          />
          <FlagChecks flags={draft.flags} onChange={(flags) => patch({ flags })} />
        </>
      );
      break;
    case 'add_teachers':
      fields = (
        <>
          <SchoolSelect
            label={t('improve.whatIf.school')}
            value={draft.school}
            schools={schools}
            onChange={(school) => patch({ school })}
          />
          <NumberField
            label={t('improve.whatIf.teachers')}
            value={draft.count}
            min={1}
            onChange={(value) => patch({ count: number(value) })}
          />
          <FlagChecks flags={draft.flags} onChange={(flags) => patch({ flags })} />
        </>
      );
      break;
    case 'add_resource':
      fields = (
        <>
          <SchoolSelect
            label={t('improve.whatIf.school')}
            value={draft.school}
            schools={schools}
            onChange={(school) => patch({ school })}
          />
          <label className="filter-field">
            <span className="filter-label">{t('improve.whatIf.resource')}</span>
            <select
              value={draft.resource}
              onChange={(event) => patch({ resource: event.target.value as WhatIfResource })}
            >
              {WHAT_IF_RESOURCES.map((resource) => (
                <option key={resource} value={resource}>
                  {t(WHAT_IF_RESOURCE_KEYS[resource])}
                </option>
              ))}
            </select>
          </label>
          <NumberField
            label={t('improve.whatIf.amount', { unit: t(RESOURCE_UNIT_KEYS[whatIfResourceUnit(draft.resource)]) })}
            value={draft.amount}
            min={0}
            step="any"
            onChange={(value) => patch({ amount: number(value) })}
          />
        </>
      );
      break;
    case 'add_students':
      fields = (
        <>
          <SchoolSelect
            label={t('improve.whatIf.school')}
            value={draft.school}
            schools={schools}
            onChange={(school) => patch({ school })}
          />
          <NumberField
            label={t('improve.whatIf.students')}
            value={draft.count}
            onChange={(value) => patch({ count: number(value) })}
          />
        </>
      );
      break;
  }

  return (
    <li className={errors.length ? 'whatif-row whatif-row-error' : 'whatif-row'} aria-labelledby={`${id}-n`}>
      <span className="whatif-index" id={`${id}-n`}>
        {t('improve.whatIf.rowLabel', { n: index + 1 })}
      </span>
      <div className="whatif-fields">
        <label className="filter-field">
          <span className="filter-label">{t('improve.whatIf.type')}</span>
          <select
            value={draft.type}
            onChange={(event) =>
              onChange((current) => changeDraftType(current, event.target.value as WhatIfChangeType))
            }
          >
            {WHAT_IF_CHANGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(TYPE_LABELS[type])}
              </option>
            ))}
          </select>
        </label>
        {fields}
        <button
          type="button"
          className="button button-plain button-small whatif-remove"
          onClick={onRemove}
          aria-label={t('improve.whatIf.removeRow', { n: index + 1 })}
        >
          {t('improve.whatIf.remove')}
        </button>
      </div>
      {problems.length ? (
        <p className="muted small whatif-problems">
          {problems.map((problem) => t(PROBLEM_LABELS[problem])).join(lang === 'zh' ? '；' : '; ')}
        </p>
      ) : null}
      {errors.map((error) => (
        <p key={`${error.index}:${error.code}`} className="text-error small whatif-error" role="alert">
          {t('improve.whatIf.serverError', { message: error.message, code: error.code })}
        </p>
      ))}
    </li>
  );
}

function SchoolSelect({
  label,
  value,
  schools,
  onChange,
}: {
  label: string;
  value: string;
  schools: readonly SchoolOption[];
  onChange: (code: string) => void;
}) {
  const t = useT();
  const known = value === '' || schools.some((school) => school.code === value);
  return (
    <label className="filter-field whatif-school">
      <span className="filter-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('improve.whatIf.pickSchool')}</option>
        {known ? null : <option value={value}>{value}</option>}
        {schools.map((school) => (
          <option key={school.code} value={school.code}>
            {`${school.name}（${school.townshipName}）`}
          </option>
        ))}
      </select>
    </label>
  );
}

function NumberField({
  label,
  value,
  min,
  step = 1,
  onChange,
}: {
  label: string;
  value: number | null;
  min?: number;
  step?: number | 'any';
  onChange: (value: string) => void;
}) {
  return (
    <label className="filter-field whatif-number">
      <span className="filter-label">{label}</span>
      <input
        type="number"
        inputMode="decimal"
        value={value ?? ''}
        min={min}
        step={step}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

function FlagChecks({ flags, onChange }: { flags: TeacherFlags; onChange: (flags: TeacherFlags) => void }) {
  const t = useT();
  return (
    <fieldset className="whatif-flags">
      <legend className="filter-label">{t('improve.whatIf.flags')}</legend>
      {(Object.keys(FLAG_LABELS) as (keyof TeacherFlags)[]).map((flag) => (
        <label key={flag} className="filter-check">
          <input
            type="checkbox"
            checked={flags[flag]}
            onChange={(event) => onChange({ ...flags, [flag]: event.target.checked })}
          />
          {t(FLAG_LABELS[flag])}
        </label>
      ))}
    </fieldset>
  );
}
