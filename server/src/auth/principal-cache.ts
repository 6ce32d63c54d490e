import type { Principal } from './principal.ts';

/**
 * Who a session or API token belongs to, remembered for a few seconds so that a cached report needs no database
 * query at all: on PGlite every query waits for the one running, and an import's transaction can hold it for
 * seconds (issue #10). Changes made through this process (logout, token revocation, a user disabled, its password,
 * role or scope changed) clear it at once; a change made elsewhere (the CLI on the database, another app server) is
 * seen within `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; at: number; usedAt: number }>();

  constructor(
    private readonly options: {
      ttlMs: number;
      /** A session unused this long is looked up again (the database decides whether it has ended). */
      sessionIdleMs: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  get(key: string): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    const { session } = entry.principal;
    const sessionMayHaveEnded =
      session !== null && (session.expiresAt.getTime() <= now || now - entry.usedAt >= this.options.sessionIdleMs);
    if (now - entry.at >= this.options.ttlMs || sessionMayHaveEnded) {
      this.entries.delete(key);
      return undefined;
    }
    entry.usedAt = now;
    return entry.principal;
  }

  set(key: string, principal: Principal): void {
    if (this.options.ttlMs <= 0) return;
    this.entries.delete(key);
    const now = this.now();
    this.entries.set(key, { principal, at: now, usedAt: now });
    // Oldest first in a Map: past the bound, forget the oldest.
    if (this.entries.size > (this.options.maxEntries ?? 10_000)) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  /** After any change to users, sessions or tokens made through this process. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
