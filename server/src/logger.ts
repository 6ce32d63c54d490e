import { type Logger, pino } from 'pino';

/**
 * Structured JSON logs on stdout; one line per event.
 *
 * Written synchronously: pino's default asynchronous destination flushes what is left at exit with a loop that retries
 * a failed write every 100 ms forever, so a server whose output reader has gone (`npm start | tee log`, then Ctrl-C,
 * which ends `tee` too) never exited (issue #15). A synchronous write fails at once with EPIPE, and pino then drops
 * the rest of the log. Node writes to a pipe synchronously on Linux anyway, so this costs nothing there.
 */
export function createLogger(level: string): Logger {
  return pino(
    { level, base: { app: 'junheng' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: true }),
  );
}
export type { Logger };
