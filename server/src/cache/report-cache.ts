import { gzipSync } from 'node:zlib';

/** A report with its serialisations, each made once per cache entry. */
export interface CachedReport<T> {
  value: T;
  json: () => string;
  gzip: () => Buffer;
}

/**
 * Remembers computed reports, keyed by what was asked, and forgets all of them when the data version changes.
 * Reports are pure functions of the data, so a hit is exact. This process's own writes invalidate at once; the
 * version read (cached for `versionTtlMs`) catches writes by other processes, such as a CLI import.
 */
export class ReportCache {
  private readonly entries = new Map<string, { value: unknown; json?: string; gzip?: Buffer }>();
  private version: string | undefined;
  private versionRead: { at: number; value: Promise<string>; settled: boolean } | undefined;
  /** The newest version a read has answered, and when that read started. */
  private lastAnswer: { at: number; value: string } | undefined;

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly options: {
      maxEntries?: number;
      versionTtlMs?: number;
      /** With a TTL, how much longer the last answered version stands while a newer read is still on its way. */
      maxStaleMs?: number;
      now?: () => number;
    } = {},
  ) {}

  /** Call after this process changed report inputs. */
  invalidate(): void {
    this.entries.clear();
    this.version = undefined;
    this.versionRead = undefined;
    this.lastAnswer = undefined;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<CachedReport<T>> {
    const version = await this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    let entry = this.entries.get(key);
    if (entry) {
      // Re-insert so the Map's order is least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = { value: await compute() };
      if (this.version === version) {
        this.entries.set(key, entry);
        if (this.entries.size > (this.options.maxEntries ?? 500)) {
          this.entries.delete(this.entries.keys().next().value as string);
        }
      }
    }
    const cached = entry;
    return {
      value: cached.value as T,
      json: () => {
        cached.json ??= JSON.stringify(cached.value);
        return cached.json;
      },
      gzip: () => {
        cached.json ??= JSON.stringify(cached.value);
        cached.gzip ??= gzipSync(cached.json, { level: 6 });
        return cached.gzip;
      },
    };
  }

  get size(): number {
    return this.entries.size;
  }

  private currentVersion(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    const ttl = this.options.versionTtlMs ?? 0;
    if (!this.versionRead || now - this.versionRead.at >= ttl) {
      const read = { at: now, value: this.readVersion(), settled: false };
      this.versionRead = read;
      read.value.then(
        (value) => {
          read.settled = true;
          if (this.versionRead === read) this.lastAnswer = { at: read.at, value };
        },
        () => {
          if (this.versionRead === read) this.versionRead = undefined;
        },
      );
    }
    // A read waits behind whatever holds the database (on PGlite, an import's whole transaction): meanwhile the last
    // answer stands a little longer, so a cached report is not held up by it (issue #10). Never without a TTL, and
    // never after invalidate(): this process's own writes are seen at once.
    const stale = this.lastAnswer;
    if (!this.versionRead.settled && ttl > 0 && stale && now - stale.at < ttl + (this.options.maxStaleMs ?? 5000)) {
      return Promise.resolve(stale.value);
    }
    return this.versionRead.value;
  }
}
