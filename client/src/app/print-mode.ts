import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

type Listener = () => void;

let printing = false;
const listeners = new Set<Listener>();
let detach: (() => void) | null = null;

/**
 * Switches print mode and re-renders its users at once: the browser lays the page out for paper as soon as the
 * `beforeprint` listeners return, so the full-length charts, the unclipped tables and the print time must already
 * be in the DOM by then (a render scheduled for later would miss the printout).
 */
export function setPrinting(next: boolean): void {
  if (printing === next) return;
  printing = next;
  flushSync(() => {
    for (const listener of listeners) listener();
  });
}

function attach(): () => void {
  if (typeof window === 'undefined') return () => {};
  // `beforeprint`/`afterprint` bracket a print. The print media query covers print media switched on without them
  // (emulated media in tests and tools); it ends only the print mode it started.
  let byMedia = false;
  const before = () => {
    byMedia = false;
    setPrinting(true);
  };
  const after = () => setPrinting(false);
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
  const onMedia = (event: MediaQueryListEvent) => {
    if (event.matches && !printing) {
      byMedia = true;
      setPrinting(true);
    } else if (!event.matches && byMedia) {
      byMedia = false;
      setPrinting(false);
    }
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  media?.addEventListener('change', onMedia);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    media?.removeEventListener('change', onMedia);
  };
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  detach ??= attach();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      detach?.();
      detach = null;
    }
  };
}

/**
 * True while the page is being printed (from `beforeprint` to `afterprint`). Long charts that scroll through a window
 * of rows on screen draw every row then, and the print header takes the time of printing.
 */
export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}

/** Opens the browser's print dialog for the current view. */
export function printView(): void {
  window.print();
}
