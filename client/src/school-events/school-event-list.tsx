import type { SchoolEvent } from '@junheng/shared';
import { useLang } from '../i18n/i18n.tsx';
import { schoolEventKindLabel, schoolEventText } from './school-event-text.ts';
import './school-events.css';

/** Recorded changes of schools (issue #13), one line each: year, kind and what changed, in the names of that year. */
export function SchoolEventList({
  events,
  title,
  note,
}: {
  events: readonly SchoolEvent[];
  title: string;
  note?: string;
}) {
  const [lang] = useLang();
  if (events.length === 0) return null;
  return (
    <section className="school-events" aria-label={title}>
      <h3 className="school-events-title">{title}</h3>
      <ul className="school-events-list">
        {events.map((event) => (
          <li
            key={`${event.schoolCode}-${event.year}-${event.kind}`}
            className={`school-event school-event-${event.kind}`}
            data-year={event.year}
            data-kind={event.kind}
          >
            <span className="school-event-year">{event.year}</span>
            <span className="school-event-kind">{schoolEventKindLabel(event, lang)}</span>
            <span className="school-event-text">{schoolEventText(event, lang)}</span>
          </li>
        ))}
      </ul>
      {note ? <p className="school-events-note">{note}</p> : null}
    </section>
  );
}
