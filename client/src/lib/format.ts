// Moved to @junheng/shared so that the server's reports format numbers as the screen does (issue #12).
export * from '@junheng/shared/charts/format.ts';

/** `2026-11-24T08:26:11.515Z` → `2026-11-24 16:26` in the analyst's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
