import { useT } from '../i18n/i18n.tsx';

/** Grey bars standing in for a panel while its data loads; announced once to screen readers. */
export function Skeleton({ lines = 3, height }: { lines?: number; height?: number | string }) {
  const t = useT();
  return (
    <div className="skeleton" role="status" aria-live="polite" style={height === undefined ? undefined : { height }}>
      <span className="visually-hidden">{t('common.loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-bar" style={{ width: `${90 - ((index * 17) % 40)}%` }} />
      ))}
    </div>
  );
}
