import type { IndicatorKey, Note } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorMessage } from '../../components/error-boundary.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { indicatorName } from '../../lib/indicators.ts';
import { useCan, useMe } from '../../session/hooks/use-me.ts';
import { notesQueryOptions, useCreateNote, useDeleteNote } from '../api/notes.ts';
import '../views.css';

/** Local date and time of a note, e.g. 2026-12-06 15:04. */
export function formatNoteTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Notes (批注) beside a view: on the county-year (and optionally the indicator shown), or on one school across its
 * years. Administrators and analysts add notes; the author or an administrator deletes one. Every reader sees the
 * notes on what they may see (school notes stay within their township scope).
 */
export function NotesPanel({
  district,
  year,
  school,
  indicator,
}: {
  district: string;
  /** The county-year (county view); omitted on a school profile, which lists the school's notes of every year. */
  year?: number;
  school?: { code: string; year: number };
  /** The indicator the view is on: a note can be attached to it. */
  indicator?: IndicatorKey | null;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const me = useMe();
  const canWrite = useCan('writeNotes');
  const query = useQuery(
    notesQueryOptions(
      school ? { district, school: school.code } : { district, ...(year === undefined ? {} : { year }) },
    ),
  );
  const create = useCreateNote(district);
  const remove = useDeleteNote(district);
  const [body, setBody] = useState('');
  const [onIndicator, setOnIndicator] = useState(false);
  const noteYear = school?.year ?? year;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (noteYear === undefined) return;
    create.mutate(
      {
        year: noteYear,
        body,
        ...(school ? { schoolCode: school.code } : {}),
        ...(!school && onIndicator && indicator ? { indicator } : {}),
      },
      { onSuccess: () => setBody('') },
    );
  };
  const targetLabel = (note: Note) => {
    if (note.target === 'school') return t('notes.onSchool', { year: note.year, name: note.schoolName ?? '' });
    if (note.target === 'indicator' && note.indicator) {
      return t('notes.onIndicator', { year: note.year, indicator: indicatorName(note.indicator, lang) });
    }
    return t('notes.onCounty', { year: note.year });
  };
  const notes = query.data?.notes ?? [];

  return (
    <section className="card notes-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('notes.title')}
      </h2>
      {query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : query.isPending ? null : notes.length === 0 ? (
        <EmptyState title={t('notes.empty')} />
      ) : (
        <ul className="notes-list">
          {notes.map((note) => (
            <li key={note.id} className="note-item">
              <p>
                <span className="note-item-target">{targetLabel(note)}</span>
                {note.body}
              </p>
              <p className="note-item-meta muted small">
                <span>{t('notes.byline', { author: note.author, time: formatNoteTime(note.createdAt) })}</span>
                {me && (me.user.role === 'admin' || me.user.id === note.authorId) ? (
                  <button
                    type="button"
                    className="button button-plain button-small"
                    onClick={() => remove.mutate(note.id)}
                    aria-label={t('notes.deleteOf', { text: note.body.slice(0, 20) })}
                  >
                    {t('notes.delete')}
                  </button>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && noteYear !== undefined ? (
        <form className="note-form" onSubmit={submit}>
          <label htmlFor={`${id}-body`} className="filter-label">
            {school ? t('notes.addSchool', { year: noteYear }) : t('notes.add', { year: noteYear })}
          </label>
          <textarea
            id={`${id}-body`}
            value={body}
            maxLength={500}
            required
            onChange={(event) => setBody(event.target.value)}
          />
          <div className="note-form-row">
            {!school && indicator ? (
              <label className="small">
                <input
                  type="checkbox"
                  checked={onIndicator}
                  onChange={(event) => setOnIndicator(event.target.checked)}
                />{' '}
                {t('notes.attachIndicator', { indicator: indicatorName(indicator, lang) })}
              </label>
            ) : null}
            <button type="submit" className="button button-small" disabled={create.isPending || !body.trim()}>
              {t('notes.submit')}
            </button>
            {create.isError ? (
              <span className="error small" role="alert">
                {isApiError(create.error) ? create.error.message : t('notes.failed')}
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
