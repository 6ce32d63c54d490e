import type { ApiToken, CreateTokenResponse } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorMessage } from '../../components/error-boundary.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { tokensQueryOptions, useCreateTokenMutation, useRevokeTokenMutation } from '../api/tokens.ts';

/** The secret of a token just created: shown once, with a copy button, until the user says it is saved. */
function NewTokenSecret({ created, onDismiss }: { created: CreateTokenResponse; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="banner banner-success token-secret" role="status">
      <p>
        <strong>{t('tokens.secretTitle', { name: created.token.name })}</strong>
      </p>
      <p className="token-secret-row">
        <code className="mono" data-testid="token-secret">
          {created.secret}
        </code>
        <CopyButton text={created.secret} />
      </p>
      <p className="small">{t('tokens.secretNote')}</p>
      <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
        {t('tokens.dismiss')}
      </button>
    </div>
  );
}

/**
 * API tokens for scripts (`Authorization: Bearer …`): the user's own, or with `everyone` (admins) every user's, with
 * create (the secret shown once) and revoke.
 */
export function ApiTokens({ everyone = false }: { everyone?: boolean }) {
  const t = useT();
  const id = useId();
  const query = useQuery(tokensQueryOptions(everyone));
  const create = useCreateTokenMutation();
  const revoke = useRevokeTokenMutation();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);

  const columns = useMemo<Column<ApiToken>[]>(
    () => [
      { id: 'name', header: t('tokens.name'), cell: (token) => token.name },
      ...(everyone ? [{ id: 'user', header: t('tokens.user'), cell: (token: ApiToken) => token.username }] : []),
      { id: 'prefix', header: t('tokens.prefix'), cell: (token) => <code className="mono">{token.prefix}…</code> },
      { id: 'createdAt', header: t('tokens.createdAt'), cell: (token) => formatDateTime(token.createdAt) },
      {
        id: 'lastUsedAt',
        header: t('tokens.lastUsed'),
        cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')),
      },
      {
        id: 'status',
        header: t('tokens.status'),
        cell: (token) =>
          token.revokedAt ? (
            <span className="muted">{t('tokens.revoked', { time: formatDateTime(token.revokedAt) })}</span>
          ) : (
            <span className="verdict verdict-pass">{t('tokens.active')}</span>
          ),
      },
      {
        id: 'actions',
        header: t('users.actions'),
        cell: (token) =>
          token.revokedAt ? null : (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={revoke.isPending}
              aria-label={t('tokens.revokeNamed', { name: token.name })}
              onClick={() => {
                if (window.confirm(t('tokens.revokeConfirm', { name: token.name }))) revoke.mutate(token.id);
              }}
            >
              {t('tokens.revoke')}
            </button>
          ),
      },
    ],
    [t, everyone, revoke],
  );

  let body: React.ReactNode;
  if (query.isPending) body = <Skeleton lines={3} />;
  else if (query.isError) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else if (query.data.length === 0) body = <p className="muted">{t('tokens.empty')}</p>;
  else
    body = (
      <DataTable
        caption={t('tokens.title')}
        columns={columns}
        rows={query.data}
        rowKey={(token) => String(token.id)}
        maxHeight={360}
      />
    );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {everyone ? t('tokens.titleAll') : t('tokens.title')}
      </h2>
      <p className="muted small">{t('tokens.description')}</p>
      {created ? <NewTokenSecret created={created} onDismiss={() => setCreated(null)} /> : null}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(name.trim() || 'script', {
            onSuccess: (result) => {
              setCreated(result);
              setName('');
            },
          });
        }}
      >
        <label className="form-field" htmlFor={`${id}-name`}>
          <span className="filter-label">{t('tokens.nameLabel')}</span>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={80}
            placeholder={t('tokens.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('tokens.creating') : t('tokens.create')}
        </button>
      </form>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      {body}
    </section>
  );
}
