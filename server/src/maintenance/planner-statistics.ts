import type { Database } from '@junheng/db';
import type { Kysely } from 'kysely';
import { analyzeTable, findApplicationTables } from './planner-statistics.repository.ts';

/**
 * PGlite has no autovacuum, so nothing ever gathers planner statistics: without them every table looks empty and
 * a paged export re-sorted a whole county for each page of 500 rows (0.2–0.5 s of the only thread, issue #10).
 * This analyses every table, one statement at a time, giving other requests a turn in between (about 0.6 s in all
 * for a county of 2 470 schools × 10 years). PostgreSQL's autovacuum does this on its own.
 */
export async function refreshPlannerStatistics(
  db: Kysely<Database>,
  shouldGoOn: () => boolean = () => true,
): Promise<string[]> {
  const tables = await findApplicationTables(db);
  for (const table of tables) {
    if (!shouldGoOn()) break;
    await analyzeTable(db, table);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return tables;
}

/**
 * Runs refreshPlannerStatistics after data changes, at most one run at a time: changes during a run start one
 * more run after it, however many came. Errors (such as the database closing at shutdown) go to `onError`.
 */
export class PlannerStatisticsRefresher {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Call after a committed change; returns the run that will include it (tests await it). */
  dataChanged(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await refreshPlannerStatistics(this.db, () => !this.stopped);
        } catch (error) {
          this.onError(error);
        }
      } while (this.again && !this.stopped);
      this.running = null;
    })();
    return this.running;
  }

  /** Before closing the database: no new ANALYZE starts; resolves when the one running (if any) is done. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.running ?? Promise.resolve();
  }
}
