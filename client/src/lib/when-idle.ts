type IdleWindow = typeof globalThis & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Runs `callback` when the browser is next idle (at most `timeout` ms later), after waiting `delay` ms first; where
 * requestIdleCallback is missing, after the delay alone. Answers the cancel function (for an effect's cleanup).
 */
export function whenIdle(callback: () => void, options: { delay?: number; timeout: number }): () => void {
  const w = globalThis as IdleWindow;
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (w.requestIdleCallback) idle = w.requestIdleCallback(callback, { timeout: options.timeout });
    else callback();
  }, options.delay ?? 0);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) w.cancelIdleCallback?.(idle);
  };
}
