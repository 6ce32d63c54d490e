import {
  COUNTY_INPUT_KEYS,
  type CountyInputEntry,
  type CountyInputKey,
  type CountyInputsResponse,
  SCORECARD_AREA_LABELS,
  type ScorecardArea,
  type ScorecardStatus,
} from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { resolveYear } from '../../../county-view/county-query.ts';
import { useViewParams } from '../../../county-view/hooks/use-view-params.ts';
import { useSelectedDistrict } from '../../../districts/hooks/use-selected-district.ts';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { countyInputId } from '../../../lib/page-anchors.ts';
import { countyInputsQueryOptions, useSaveCountyInputsMutation } from '../api/county-inputs.ts';
import {
  entriesToFields,
  type FieldProblem,
  fieldsToUpdate,
  type InputField,
  type InputFields,
  validationMessages,
} from '../county-inputs-form-state.ts';

const AREAS: readonly ScorecardArea[] = ['guarantee', 'quality', 'recognition'];

const STATUS_LABELS: Record<ScorecardStatus, MessageKey> = {
  pass: 'data.inputs.status.pass',
  fail: 'data.inputs.status.fail',
  not_entered: 'data.inputs.status.notEntered',
};

const PROBLEM_LABELS: Record<FieldProblem, MessageKey> = {
  notANumber: 'data.inputs.problem.notANumber',
  percentRange: 'data.inputs.problem.percentRange',
};

/** 县级填报指标: the county-year items that cannot be computed from school data, entered by hand. */
export function CountyInputsForm({ readOnly = false }: { readOnly?: boolean }) {
  const t = useT();
  const { query: districtsQuery, district } = useSelectedDistrict();
  const [params, update] = useViewParams();
  const year = district ? resolveYear(district, params.year) : null;

  let body: React.ReactNode;
  if (districtsQuery.isPending) body = <Skeleton lines={4} />;
  else if (districtsQuery.isError)
    body = <ErrorMessage error={districtsQuery.error} onRetry={() => districtsQuery.refetch()} />;
  else if (!district || year === null) body = <p className="muted">{t('data.inputs.noCounty')}</p>;
  else
    body = (
      <>
        <label className="filter-field inputs-year">
          <span className="filter-label">{t('filters.year')}</span>
          <select value={year} onChange={(event) => update({ year: Number(event.target.value) })}>
            {[...district.years]
              .sort((a, b) => b - a)
              .map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
          </select>
        </label>
        <CountyInputsLoader code={district.code} year={year} readOnly={readOnly} />
      </>
    );

  return (
    <section className="card county-inputs" aria-labelledby="inputs-title">
      <h2 id="inputs-title" className="card-title">
        {t('data.inputs.title')}
        {district ? <span className="muted"> · {district.name}</span> : null}
      </h2>
      <p className="muted small">{t('data.inputs.description')}</p>
      {readOnly ? <p className="banner banner-info small">{t('data.inputs.readOnly')}</p> : null}
      {body}
    </section>
  );
}

function CountyInputsLoader({ code, year, readOnly }: { code: string; year: number; readOnly: boolean }) {
  const query = useQuery(countyInputsQueryOptions(code, year));
  if (query.isPending) return <Skeleton lines={6} />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  // Another county or year starts the form again from its stored values; a save keeps what was typed.
  return <CountyInputsEditor key={`${code}:${year}`} code={code} year={year} data={query.data} readOnly={readOnly} />;
}

function CountyInputsEditor({
  code,
  year,
  data,
  readOnly,
}: {
  code: string;
  year: number;
  data: CountyInputsResponse;
  readOnly: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const [fields, setFields] = useState<InputFields>(() => entriesToFields(data.items));
  const [problems, setProblems] = useState<Partial<Record<CountyInputKey, string>>>({});
  const [saved, setSaved] = useState(false);
  const mutation = useSaveCountyInputsMutation(code, year);
  const serverErrors = useMemo(
    () =>
      isApiError(mutation.error) && mutation.error.status === 400
        ? validationMessages(mutation.error.details, COUNTY_INPUT_KEYS)
        : { byKey: {}, other: [] },
    [mutation.error],
  );

  const setField = (key: CountyInputKey, patch: Partial<InputField>) => {
    setFields((previous) => ({ ...previous, [key]: { value: '', note: '', ...previous[key], ...patch } }));
    setSaved(false);
  };

  const submit = () => {
    const result = fieldsToUpdate(data.items, fields);
    if (!result.ok) {
      const next: Partial<Record<CountyInputKey, string>> = {};
      for (const [key, problem] of Object.entries(result.problems)) {
        next[key as CountyInputKey] = t(PROBLEM_LABELS[problem as FieldProblem]);
      }
      setProblems(next);
      return;
    }
    setProblems({});
    mutation.mutate(result.body, { onSuccess: () => setSaved(true) });
  };

  const errorCount = Object.keys(problems).length + Object.keys(serverErrors.byKey).length;
  const location = useLocation();
  // A link from the 评估总表 names one item's row (#county-input-…): bring it into view once the form is shown.
  useEffect(() => {
    const target = location.hash.slice(1);
    const element = target ? document.getElementById(target) : null;
    if (element?.classList.contains('inputs-row')) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    }
  }, [location.hash]);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!readOnly) submit();
      }}
    >
      {AREAS.map((area) => {
        const items = data.items.filter((item) => item.area === area);
        if (items.length === 0) return null;
        return (
          <fieldset key={area} className="inputs-area" disabled={readOnly}>
            <legend className="section-title">{pickLabel(SCORECARD_AREA_LABELS[area], lang)}</legend>
            <div className="inputs-grid" role="presentation">
              {items.map((item) => (
                <InputRow
                  key={item.key}
                  item={item}
                  field={fields[item.key] ?? { value: '', note: '' }}
                  error={problems[item.key] ?? serverErrors.byKey[item.key]}
                  onChange={(patch) => setField(item.key, patch)}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      {serverErrors.other.length ? (
        <div className="banner banner-error" role="alert">
          {serverErrors.other.join('；')}
        </div>
      ) : null}
      {mutation.isError && !(isApiError(mutation.error) && mutation.error.status === 400) ? (
        <ErrorMessage error={mutation.error} onRetry={submit} />
      ) : null}
      <div className="actions">
        {readOnly ? null : (
          <button type="submit" className="button" disabled={mutation.isPending}>
            {mutation.isPending ? t('data.inputs.saving') : t('data.inputs.save')}
          </button>
        )}
        {errorCount > 0 ? (
          <span className="text-error small" role="alert">
            {t('data.inputs.hasErrors', { count: errorCount })}
          </span>
        ) : null}
        {saved && !mutation.isPending ? (
          <span className="verdict verdict-pass small" role="status">
            ✓ {t('data.inputs.saved')}
          </span>
        ) : null}
        <span className="muted small">
          {data.updatedAt
            ? t('data.inputs.updatedAt', { time: formatDateTime(data.updatedAt) })
            : t('data.inputs.neverSaved')}
        </span>
      </div>
    </form>
  );
}

function InputRow({
  item,
  field,
  error,
  onChange,
}: {
  item: CountyInputEntry;
  field: InputField;
  error: string | undefined;
  onChange: (patch: Partial<InputField>) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const label = lang === 'zh' ? item.zh : item.en;
  const requirement = lang === 'zh' ? item.requirementZh : item.requirementEn;
  const describedBy = error ? `${id}-req ${id}-error` : `${id}-req`;

  let control: React.ReactNode;
  if (item.kind === 'boolean') {
    control = (
      <select
        id={`${id}-value`}
        value={field.value}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        onChange={(event) => onChange({ value: event.target.value })}
      >
        <option value="">{t('data.inputs.notEntered')}</option>
        <option value="yes">{t('data.inputs.yes')}</option>
        <option value="no">{t('data.inputs.no')}</option>
      </select>
    );
  } else {
    control = (
      <span className="inputs-number">
        <input
          id={`${id}-value`}
          type="text"
          inputMode="decimal"
          value={field.value}
          placeholder={t('data.inputs.notEntered')}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ value: event.target.value })}
        />
        {item.kind === 'ratio' ? <span aria-hidden="true">%</span> : null}
      </span>
    );
  }

  return (
    <div
      id={countyInputId(item.key)}
      className={error ? 'inputs-row inputs-row-error' : 'inputs-row'}
      data-key={item.key}
      tabIndex={-1}
    >
      <div className="inputs-label">
        <label htmlFor={`${id}-value`}>{label}</label>
        <span id={`${id}-req`} className="muted small">
          {t('data.inputs.requirement', { text: requirement })}
          {item.kind === 'ratio' ? ` · ${t('data.inputs.percentHint')}` : ''}
        </span>
      </div>
      <div className="inputs-control">
        {control}
        {error ? (
          <span id={`${id}-error`} className="text-error small">
            {error}
          </span>
        ) : null}
      </div>
      <input
        className="inputs-note"
        type="text"
        maxLength={500}
        value={field.note}
        placeholder={t('data.inputs.notePlaceholder')}
        aria-label={t('data.inputs.noteFor', { item: label })}
        onChange={(event) => onChange({ note: event.target.value })}
      />
      <span className={`inputs-status status-${item.status}`}>
        {t(STATUS_LABELS[item.status])}
        {item.updatedAt ? (
          <span className="inputs-entered-by muted small">
            {item.updatedBy
              ? t('data.inputs.enteredBy', { name: item.updatedBy, time: formatDateTime(item.updatedAt) })
              : formatDateTime(item.updatedAt)}
          </span>
        ) : null}
      </span>
    </div>
  );
}
