/**
 * Remembers computed reports, keyed by what was asked, and forgets all of them when the data version changes.
 * Reports are pure functions of the data, so a hit is exact; the version check makes it safe across processes
 * (an import through the CLI or another server is seen on the next request).
 */
export class ReportCache {
  private readonly entries = new Map<string, { value: unknown; json?: string }>();
  private version: string | undefined;

  constructor(private readonly maxEntries = 500) {}

  async get<T>(version: string, key: string, compute: () => Promise<T>): Promise<{ value: T; json: () => string }> {
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
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      }
    }
    const cached = entry;
    return {
      value: cached.value as T,
      json: () => {
        cached.json ??= JSON.stringify(cached.value);
        return cached.json;
      },
    };
  }

  get size(): number {
    return this.entries.size;
  }
}
