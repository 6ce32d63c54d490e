import { ROLE_LABELS, ROLES, type Role } from '@junheng/shared';
import { useId } from 'react';
import { MultiSelect } from '../../../components/multi-select.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import type { UserFormErrors, UserFormValues } from '../user-form-state.ts';
import { useScopeOptions } from './use-township-options.ts';

type ScopeValues = Pick<UserFormValues, 'role' | 'districtCodes' | 'townships'>;

/**
 * Role, optional counties (one, several such as a city's, or all) and townships: shared by the create form and the
 * user editor. Townships are offered from the first chosen county (or the one the app shows).
 */
export function ScopeFields({
  values,
  errors,
  onChange,
}: {
  values: ScopeValues;
  errors: UserFormErrors;
  onChange: (patch: Partial<ScopeValues>) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const { districts, townships, isPending } = useScopeOptions(values.districtCodes[0] ?? '');
  const districtOptions = districts.map((district) => ({
    value: district.code,
    label: district.name,
    hint: district.code,
  }));
  return (
    <>
      <label className="form-field" htmlFor={`${id}-role`}>
        <span className="filter-label">{t('users.role')}</span>
        <select
          id={`${id}-role`}
          value={values.role}
          onChange={(event) => onChange({ role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {pickLabel(ROLE_LABELS[role], lang)}
            </option>
          ))}
        </select>
        <span className="muted small">{t(`users.roleHint.${values.role}`)}</span>
      </label>
      {districts.length > 1 || values.districtCodes.length > 0 ? (
        <div className="form-field">
          <MultiSelect
            label={t('users.district')}
            options={districtOptions}
            selected={values.districtCodes}
            onChange={(next) => onChange({ districtCodes: next, townships: [] })}
            searchable
            allLabel={t('users.allDistricts')}
          />
          <span className="muted small">{t('users.districtsHint')}</span>
        </div>
      ) : null}
      <div className="form-field">
        <MultiSelect
          label={values.role === 'viewer' ? t('users.townshipsRequired') : t('users.townships')}
          options={townships}
          selected={values.townships}
          onChange={(next) => onChange({ townships: next })}
          searchable
          allLabel={isPending ? t('common.loading') : t('users.allTownships')}
          disabled={isPending}
        />
        {errors.townships ? (
          <span className="text-error small" role="alert">
            {errors.townships === 'viewerNeedsTownships' ? t('users.viewerNeedsTownships') : errors.townships}
          </span>
        ) : null}
      </div>
    </>
  );
}
