import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorMessage } from '../components/error-boundary.tsx';
import { useT } from '../i18n/i18n.tsx';

/** Last-resort boundary of the router: an error outside any panel boundary (or a failed lazy chunk). */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="route-error">
      <div className="card">
        {notFound ? (
          <>
            <h1 className="page-title">{t('common.notFoundTitle')}</h1>
            <p>{t('common.notFoundBody')}</p>
          </>
        ) : (
          <ErrorMessage error={error} />
        )}
        <p className="actions">
          <Link className="button" to="/">
            {t('common.backHome')}
          </Link>
          <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </button>
        </p>
      </div>
    </main>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <section className="page">
      <h1 className="page-title">{t('common.notFoundTitle')}</h1>
      <div className="card">
        <p>{t('common.notFoundBody')}</p>
        <p>
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      </div>
    </section>
  );
}
