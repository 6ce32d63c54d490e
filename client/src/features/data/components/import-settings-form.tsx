import type { CountyImportSettingsResponse, TeachingPointMode } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { useSelectedDistrict } from '../../../districts/hooks/use-selected-district.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { importSettingsQueryOptions, useSaveImportSettingsMutation } from '../api/import-settings.ts';

/**
 * 县级导入设置 (issue #13): what an import does with 教学点 that the statistics do not count as schools (是否计校数 = 0)
 * — merged into their parent school, or kept as teaching points — and from how many years at one school a teacher is
 * due to rotate. Administrators edit; the others read.
 */
export function ImportSettingsForm({ readOnly = false }: { readOnly?: boolean }) {
  const t = useT();
  const { district } = useSelectedDistrict();
  return (
    <section className="card import-settings" aria-labelledby="import-settings-title">
      <h2 id="import-settings-title" className="card-title">
        {t('data.importSettings.title')}
        {district ? <span className="muted"> · {district.name}</span> : null}
      </h2>
      {district ? (
        <ImportSettingsLoader code={district.code} readOnly={readOnly} />
      ) : (
        <p className="muted">{t('data.inputs.noCounty')}</p>
      )}
    </section>
  );
}

function ImportSettingsLoader({ code, readOnly }: { code: string; readOnly: boolean }) {
  const query = useQuery(importSettingsQueryOptions(code));
  if (query.isPending) return <Skeleton lines={3} />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  return <ImportSettingsFields key={code} code={code} data={query.data} readOnly={readOnly} />;
}

function ImportSettingsFields({
  code,
  data,
  readOnly,
}: {
  code: string;
  data: CountyImportSettingsResponse;
  readOnly: boolean;
}) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<TeachingPointMode>(data.teachingPoints);
  const [years, setYears] = useState(String(data.rotationEligibleYears));
  const [saved, setSaved] = useState(false);
  const mutation = useSaveImportSettingsMutation(code);
  useEffect(() => {
    setMode(data.teachingPoints);
    setYears(String(data.rotationEligibleYears));
  }, [data]);
  const yearsNumber = Number(years);
  const yearsValid = /^\d+$/.test(years.trim()) && yearsNumber >= 1 && yearsNumber <= 30;

  const submit = () => {
    if (!yearsValid) return;
    setSaved(false);
    mutation.mutate({ teachingPoints: mode, rotationEligibleYears: yearsNumber }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="muted small">{t('data.importSettings.description')}</p>
      <fieldset className="import-settings-field" disabled={readOnly}>
        <legend className="section-title">{t('data.importSettings.teachingPoints')}</legend>
        {(['merge', 'keep'] as const).map((option) => (
          <label key={option} className="import-settings-option">
            <input
              className="import-settings-radio"
              type="radio"
              name={`${id}-teaching-points`}
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
            />
            <span>
              <strong>{t(`data.importSettings.${option}`)}</strong>
              <span className="muted small"> {t(`data.importSettings.${option}Help`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="filter-field import-settings-years">
        <span className="filter-label">{t('data.importSettings.rotationYears')}</span>
        <input
          className="import-settings-number"
          type="number"
          min={1}
          max={30}
          step={1}
          value={years}
          disabled={readOnly}
          aria-invalid={!yearsValid}
          onChange={(event) => setYears(event.target.value)}
        />
        <span className="muted small">{t('data.importSettings.rotationYearsHelp')}</span>
      </label>
      {!yearsValid ? (
        <p className="text-error small" role="alert">
          {t('data.importSettings.yearsRange')}
        </p>
      ) : null}
      {mutation.isError ? <ErrorMessage error={mutation.error} onRetry={submit} /> : null}
      <div className="actions">
        {readOnly ? null : (
          <button type="submit" className="button" disabled={mutation.isPending || !yearsValid}>
            {mutation.isPending ? t('data.inputs.saving') : t('data.importSettings.save')}
          </button>
        )}
        {saved && !mutation.isPending ? (
          <span className="verdict verdict-pass small" role="status">
            ✓ {t('data.inputs.saved')}
          </span>
        ) : null}
        <span className="muted small">
          {data.saved && data.updatedAt
            ? t('data.importSettings.updated', { time: formatDateTime(data.updatedAt), user: data.updatedBy ?? '' })
            : t('data.importSettings.defaults')}
        </span>
      </div>
    </form>
  );
}
