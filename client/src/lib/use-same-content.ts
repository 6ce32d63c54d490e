import { useRef } from 'react';

/**
 * `value`, or the value given before when it holds the same data (compared as JSON): what is computed from it (a
 * chart's option) is not rebuilt, nor the chart drawn again, when an answer arrives that repeats what is on screen,
 * as when a view's first screen is followed by every row.
 */
export function useSameContent<T>(value: T): T {
  const last = useRef<{ value: T; json: string } | null>(null);
  const json = JSON.stringify(value);
  // Idempotent, so safe in a render that React repeats or discards.
  if (last.current === null || last.current.json !== json) last.current = { value, json };
  return last.current.value;
}
