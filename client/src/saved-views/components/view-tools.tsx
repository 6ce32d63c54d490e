import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { PrintButton } from '../../components/print-button.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { savedViewsQueryOptions, useCreateSavedView, useDeleteSavedView } from '../api/saved-views.ts';
import { absoluteViewLink, copyText, savedViewHref, viewTarget } from '../view-link.ts';
import '../views.css';

/**
 * The tools of every view: print it, copy a link to exactly this view, save it under a name, open or delete a saved view.
 * Saved views belong to the signed-in user.
 */
export function ViewTools() {
  const t = useT();
  const id = useId();
  const location = useLocation();
  const [status, setStatus] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const create = useCreateSavedView();
  const remove = useDeleteSavedView();
  const saved = useQuery(savedViewsQueryOptions());

  useEffect(() => {
    if (naming) inputRef.current?.focus();
  }, [naming]);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    const ok = await copyText(absoluteViewLink(window.location.origin, location));
    setStatus(ok ? t('views.copied') : t('views.copyFailed'));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, ...viewTarget(location) },
      {
        onSuccess: (view) => {
          setStatus(t('views.saved', { name: view.name }));
          setNaming(false);
          setName('');
        },
      },
    );
  };
  const views = saved.data?.views ?? [];

  return (
    <div className="view-tools">
      <PrintButton />
      <button type="button" className="button button-secondary button-small" onClick={copy}>
        {t('views.copyLink')}
      </button>
      {naming ? (
        <form className="view-save-form" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={`${id}-name`}>
            {t('views.nameLabel')}
          </label>
          <input
            id={`${id}-name`}
            ref={inputRef}
            value={name}
            maxLength={60}
            required
            placeholder={t('views.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setNaming(false);
            }}
          />
          <button type="submit" className="button button-small" disabled={create.isPending}>
            {t('views.save')}
          </button>
          <button type="button" className="button button-plain button-small" onClick={() => setNaming(false)}>
            {t('views.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="button button-secondary button-small" onClick={() => setNaming(true)}>
          {t('views.saveView')}
        </button>
      )}
      <details className="download-menu saved-views-menu">
        <summary className="button button-secondary button-small">
          {t('views.savedViews', { count: views.length })}
        </summary>
        <ul className="download-list">
          {views.length === 0 ? <li className="muted small saved-views-empty">{t('views.none')}</li> : null}
          {views.map((view) => (
            <li key={view.id} className="saved-view-item">
              <Link to={savedViewHref(view)}>{view.name}</Link>
              <button
                type="button"
                className="compare-remove"
                aria-label={t('views.delete', { name: view.name })}
                onClick={() => remove.mutate(view.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </details>
      <span className="view-tools-status small" role="status" aria-live="polite">
        {create.isError ? (isApiError(create.error) ? create.error.message : t('views.saveFailed')) : status}
      </span>
    </div>
  );
}
