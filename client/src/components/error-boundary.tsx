import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { isApiError } from '../lib/api-client.ts';

interface BoundaryProps {
  onReset: () => void;
  fallback: (props: { error: unknown; reset: () => void }) => ReactNode;
  children: ReactNode;
}

interface BoundaryState {
  error: unknown;
  hasError: boolean;
}

class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Panel failed', error, info.componentStack);
  }

  reset = (): void => {
    this.props.onReset();
    this.setState({ error: undefined, hasError: false });
  };

  override render(): ReactNode {
    if (this.state.hasError) return this.props.fallback({ error: this.state.error, reset: this.reset });
    return this.props.children;
  }
}

/** The message an analyst can act on: the server's own message for API errors, a plain sentence otherwise. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = isApiError(error)
    ? error.code === 'NetworkError'
      ? t('common.networkError')
      : error.message
    : t('common.unexpectedError');
  return (
    <div className="panel-error" role="alert">
      <p className="panel-error-title">{t('common.errorTitle')}</p>
      <p>{message}</p>
      {isApiError(error) ? (
        <p className="muted small">
          {t('common.errorCode')}: {error.code}
          {error.status ? ` (HTTP ${error.status})` : ''}
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * One per dashboard panel, so a failed chart does not blank the page. Retry resets the failed queries below it
 * (QueryErrorResetBoundary) and renders the panel again, which refetches. With a `title`, the fallback keeps the
 * panel's card and heading, so the analyst sees which panel failed.
 */
export function PanelErrorBoundary({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallback={({ error, reset: retry }) =>
            title === undefined ? (
              <ErrorMessage error={error} onRetry={retry} />
            ) : (
              <section className="card chart-panel" aria-label={title}>
                <h2 className="card-title">{title}</h2>
                <ErrorMessage error={error} onRetry={retry} />
              </section>
            )
          }
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
