import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * A `<details>` menu stays open by itself: this closes it on a click elsewhere or on Escape. Spread `onToggle` on the
 * element; `close()` closes it (after choosing an item).
 */
export function useDismissableDetails(): {
  ref: RefObject<HTMLDetailsElement | null>;
  onToggle: (event: React.SyntheticEvent<HTMLDetailsElement>) => void;
  close: () => void;
} {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) ref.current?.removeAttribute('open');
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') ref.current?.removeAttribute('open');
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);
  return {
    ref,
    onToggle: (event) => setOpen(event.currentTarget.open),
    close: () => ref.current?.removeAttribute('open'),
  };
}
