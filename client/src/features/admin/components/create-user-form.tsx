import { PASSWORD_MIN_LENGTH } from '@junheng/shared';
import { useId, useState } from 'react';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useCreateUserMutation } from '../api/users.ts';
import {
  EMPTY_USER_FORM,
  serverFieldMessages,
  toCreateUserRequest,
  type UserFormErrors,
  type UserFormValues,
} from '../user-form-state.ts';
import { PasswordField } from './password-field.tsx';
import { ScopeFields } from './scope-fields.tsx';

/** 新建用户: name, initial password, role and scope; checked with the server's schema before it is sent. */
export function CreateUserForm() {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const create = useCreateUserMutation();
  const [values, setValues] = useState<UserFormValues>(EMPTY_USER_FORM);
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [created, setCreated] = useState<string | null>(null);
  const set = (patch: Partial<UserFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    setCreated(null);
  };

  const submit = () => {
    const result = toCreateUserRequest(values, lang);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.body, {
      onSuccess: (user) => {
        setCreated(user.username);
        setValues(EMPTY_USER_FORM);
      },
    });
  };

  const serverLines = isApiError(create.error) ? serverFieldMessages(create.error.details, lang) : [];

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('users.create.title')}
      </h2>
      <form
        className="user-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="form-field" htmlFor={`${id}-username`}>
          <span className="filter-label">{t('users.username')}</span>
          <input
            id={`${id}-username`}
            autoComplete="off"
            spellCheck={false}
            value={values.username}
            aria-invalid={errors.username ? true : undefined}
            onChange={(event) => set({ username: event.target.value })}
          />
          {errors.username ? <span className="text-error small">{errors.username}</span> : null}
        </label>
        <PasswordField
          id={`${id}-password`}
          label={t('users.password')}
          value={values.password}
          error={errors.password}
          hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          onChange={(password) => set({ password })}
        />
        <ScopeFields values={values} errors={errors} onChange={set} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('users.create.creating') : t('users.create.submit')}
          </button>
          {created ? (
            <span className="verdict verdict-pass small" role="status">
              ✓ {t('users.create.done', { username: created })}
            </span>
          ) : null}
        </div>
      </form>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {serverLines.length ? (
        <ul className="text-error small">
          {serverLines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
