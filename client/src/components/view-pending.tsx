import { useT } from '../i18n/i18n.tsx';

/** Placeholder for a view still being built: a neutral card, deliberately without sample numbers. */
export function ViewPending({ title }: { title: string }) {
  const t = useT();
  return (
    <section className="page" aria-labelledby="view-pending-title">
      <h1 id="view-pending-title" className="page-title">
        {title}
      </h1>
      <div className="card view-pending">
        <p>{t('pending.body')}</p>
        <p className="muted">{t('pending.note')}</p>
      </div>
    </section>
  );
}
