import { type Logger, pino } from 'pino';

/** Structured JSON logs on stdout; one line per event. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'junheng' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
