import { NewPasswordSchema, PASSWORD_MIN_LENGTH, ROLE_LABELS, type User } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useMe } from '../../../session/hooks/use-me.ts';
import { usersQueryOptions, useUpdateUserMutation } from '../api/users.ts';
import { pickBilingual, serverFieldMessages, toScopeUpdate, type UserFormErrors } from '../user-form-state.ts';
import { CreateUserForm } from './create-user-form.tsx';
import { PasswordField } from './password-field.tsx';
import { ScopeFields } from './scope-fields.tsx';

function isLocked(user: User, now: number): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

/** Role and scope, disable/enable and a new password for one user. */
function UserEditor({ user, self, onClose }: { user: User; self: boolean; onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const update = useUpdateUserMutation();
  const [scope, setScope] = useState({
    role: user.role,
    districtCodes: user.districtCodes ?? [],
    townships: user.townships?.map((township) => township.code) ?? [],
  });
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const saveScope = () => {
    const result = toScopeUpdate(user, scope);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (!result.body) {
      setDone(t('users.unchanged'));
      return;
    }
    update.mutate({ id: user.id, body: result.body }, { onSuccess: () => setDone(t('users.saved')) });
  };

  const resetPassword = () => {
    const parsed = NewPasswordSchema.safeParse(password);
    if (!parsed.success) {
      setPasswordError(pickBilingual(parsed.error.issues[0]?.message ?? '', lang));
      return;
    }
    setPasswordError(null);
    update.mutate(
      { id: user.id, body: { password: parsed.data } },
      {
        onSuccess: () => {
          setPassword('');
          setDone(t('users.resetDone', { username: user.username }));
        },
      },
    );
  };

  const toggleDisabled = () =>
    update.mutate(
      { id: user.id, body: { disabled: !user.disabled } },
      { onSuccess: (changed) => setDone(changed.disabled ? t('users.disabledDone') : t('users.enabledDone')) },
    );

  const serverLines = isApiError(update.error) ? serverFieldMessages(update.error.details, lang) : [];

  return (
    <section className="card user-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('users.editTitle', { username: user.username })}
      </h2>
      <form
        className="user-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          saveScope();
        }}
      >
        <ScopeFields
          values={scope}
          errors={errors}
          onChange={(patch) => {
            setScope((previous) => ({ ...previous, ...patch }));
            setDone(null);
          }}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('users.save')}
          </button>
        </div>
      </form>
      <form
        className="user-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          resetPassword();
        }}
      >
        <PasswordField
          id={`${id}-password`}
          label={t('users.newPassword')}
          value={password}
          error={passwordError}
          hint={t('users.resetHint', { min: PASSWORD_MIN_LENGTH })}
          onChange={setPassword}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={update.isPending || !password}>
            {t('users.resetPassword')}
          </button>
        </div>
      </form>
      <div className="actions">
        {self ? null : (
          <button
            type="button"
            className="button button-secondary"
            disabled={update.isPending}
            onClick={toggleDisabled}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        )}
        <button type="button" className="button button-plain" onClick={onClose}>
          {t('users.close')}
        </button>
        {done && !update.isPending ? (
          <span className="verdict verdict-pass small" role="status">
            ✓ {done}
          </span>
        ) : null}
      </div>
      {update.isError ? <ErrorMessage error={update.error} /> : null}
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

/** Every account: role, scope, state and last sign-in; one is edited at a time below the list. */
export function UsersPanel() {
  const t = useT();
  const [lang] = useLang();
  const me = useMe();
  const query = useQuery(usersQueryOptions());
  const [editing, setEditing] = useState<number | null>(null);

  const columns = useMemo<Column<User>[]>(
    () => [
      {
        id: 'username',
        header: t('users.username'),
        cell: (user) => (
          <>
            {user.username}
            {user.id === me?.user.id ? <span className="muted small"> {t('users.self')}</span> : null}
          </>
        ),
      },
      { id: 'role', header: t('users.role'), cell: (user) => pickLabel(ROLE_LABELS[user.role], lang) },
      {
        id: 'scope',
        header: t('users.scope'),
        cell: (user) =>
          [
            user.districtCodes?.join(t('common.listSeparator')),
            user.townships?.length
              ? user.townships.map((township) => township.name || township.code).join(t('common.listSeparator'))
              : t('users.allTownships'),
          ]
            .filter(Boolean)
            .join(' · '),
      },
      {
        id: 'status',
        header: t('users.status'),
        cell: (user) =>
          user.disabled ? (
            <span className="verdict verdict-fail">{t('users.disabled')}</span>
          ) : isLocked(user, Date.now()) ? (
            <span className="verdict verdict-warn">
              {t('users.locked', { time: formatDateTime(user.lockedUntil) })}
            </span>
          ) : (
            <span className="verdict verdict-pass">{t('users.active')}</span>
          ),
      },
      {
        id: 'lastLoginAt',
        header: t('users.lastLogin'),
        cell: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')),
      },
      {
        id: 'actions',
        header: t('users.actions'),
        cell: (user) => (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('users.editNamed', { username: user.username })}
            aria-expanded={editing === user.id}
            onClick={() => setEditing(editing === user.id ? null : user.id)}
          >
            {t('users.edit')}
          </button>
        ),
      },
    ],
    [t, lang, me?.user.id, editing],
  );

  const editedUser = query.data?.find((user) => user.id === editing);

  let body: React.ReactNode;
  if (query.isPending) body = <Skeleton lines={4} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else
    body = (
      <DataTable
        caption={t('users.title')}
        columns={columns}
        rows={query.data}
        rowKey={(user) => String(user.id)}
        rowClassName={(user) => (user.disabled ? 'row-muted' : undefined)}
        maxHeight={480}
      />
    );

  return (
    <>
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title" className="card-title">
          {t('users.title')}
        </h2>
        <p className="muted small">{t('users.description')}</p>
        {body}
      </section>
      {editedUser ? (
        <UserEditor
          key={editedUser.id}
          user={editedUser}
          self={editedUser.id === me?.user.id}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <CreateUserForm />
    </>
  );
}
