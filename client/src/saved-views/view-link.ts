import type { SavedView } from '@junheng/shared';

/** The part of a location a saved view keeps: the page and its query string (filters, year, stage, indicator). */
export function viewTarget(location: { pathname: string; search: string }): { path: string; search: string } {
  const params = new URLSearchParams(location.search);
  // The language is the reader's own choice, not part of the view.
  params.delete('lang');
  // Commas stay readable (township=a,b), as the app writes them.
  return { path: location.pathname || '/', search: params.toString().replace(/%2C/gi, ',') };
}

/** The in-app link of a saved view: `/balance?district=…&year=…`. */
export function savedViewHref(view: Pick<SavedView, 'path' | 'search'>): string {
  return view.search ? `${view.path}?${view.search}` : view.path;
}

/** A full link to paste elsewhere: the page's origin with the view's path and query. */
export function absoluteViewLink(origin: string, location: { pathname: string; search: string }): string {
  return `${origin}${savedViewHref(viewTarget(location))}`;
}

/** Copies text with the Clipboard API, or (plain http on an intranet has none) through a hidden text area. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the text-area copy.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}
