import { ROLE_LABELS, ROLES, type Role } from '@junheng/shared';
import { useId } from 'react';
import { MultiSelect } from '../../../components/multi-select.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import type { UserFormErrors, UserFormValues } from '../user-form-state.ts';
import { useScopeOptions } from './use-township-options.ts';

type ScopeValues = Pick<UserFormValues, 'role' | 'districtCode' | 'townships'>;

/** Role, optional district and townships: shared by the create form and the user editor. */
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
  const { districts, townships, isPending } = useScopeOptions(values.districtCode);
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
      {districts.length > 1 || values.districtCode ? (
        <label className="form-field" htmlFor={`${id}-district`}>
          <span className="filter-label">{t('users.district')}</span>
          <select
            id={`${id}-district`}
            value={values.districtCode}
            onChange={(event) => onChange({ districtCode: event.target.value, townships: [] })}
          >
            <option value="">{t('users.allDistricts')}</option>
            {districts.map((district) => (
              <option key={district.code} value={district.code}>
                {district.name}（{district.code}）
              </option>
            ))}
          </select>
        </label>
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
