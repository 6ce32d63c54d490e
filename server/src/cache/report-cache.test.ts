import { describe, expect, it } from 'vitest';
import { ReportCache } from './report-cache.ts';

function versioned(initial: string) {
  const state = { version: initial, reads: 0 };
  return {
    state,
    read: async () => {
      state.reads += 1;
      return state.version;
    },
  };
}

describe(ReportCache.name, () => {
  it('should compute once per key and version', async () => {
    const source = versioned('v1');
    const sut = new ReportCache(source.read);
    let calls = 0;
    const compute = async () => ({ n: ++calls });
    expect((await sut.get('a', compute)).value).toEqual({ n: 1 });
    expect((await sut.get('a', compute)).value).toEqual({ n: 1 });
    expect((await sut.get('b', compute)).value).toEqual({ n: 2 });
    source.state.version = 'v2';
    expect((await sut.get('a', compute)).value).toEqual({ n: 3 });
    expect(sut.size).toBe(1);
  });

  it('should read the version at most once per TTL, and at once after invalidate()', async () => {
    const source = versioned('v1');
    let now = 0;
    const sut = new ReportCache(source.read, { versionTtlMs: 1000, now: () => now });
    await sut.get('a', async () => 1);
    await sut.get('a', async () => 2);
    expect(source.state.reads).toBe(1);
    now = 1000;
    await sut.get('a', async () => 3);
    expect(source.state.reads).toBe(2);
    sut.invalidate();
    expect((await sut.get('a', async () => 4)).value).toBe(4);
    expect(source.state.reads).toBe(3);
  });

  it('should keep the last answered version while a slow read is on its way, within the stale bound only', async () => {
    let now = 0;
    let version = 'v1';
    let release: () => void = () => {};
    let slow = false;
    const read = () =>
      slow ? new Promise<string>((resolve) => (release = () => resolve(version))) : Promise.resolve(version);
    const sut = new ReportCache(read, { versionTtlMs: 1000, maxStaleMs: 4000, now: () => now });
    expect((await sut.get('a', async () => 'first')).value).toBe('first');
    // The database is busy (a long import): the read hangs, but the cached answer is given at once.
    slow = true;
    version = 'v2';
    now = 1500;
    expect((await sut.get('a', async () => 'recomputed')).value).toBe('first');
    // Past TTL + maxStale the request waits for the read, and sees the new version.
    now = 5100;
    const waiting = sut.get('a', async () => 'second');
    let settled = false;
    void waiting.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    expect((await waiting).value).toBe('second');
  });

  it('should never answer from a stale version without a TTL or after invalidate()', async () => {
    let release: () => void = () => {};
    let slow = false;
    const read = () =>
      slow ? new Promise<string>((resolve) => (release = () => resolve('v2'))) : Promise.resolve('v1');
    for (const options of [{ versionTtlMs: 0 }, { versionTtlMs: 1000 }]) {
      slow = false;
      const sut = new ReportCache(read, options);
      await sut.get('a', async () => 'old');
      slow = true;
      if (options.versionTtlMs > 0) sut.invalidate();
      const answer = sut.get('a', async () => 'new');
      release();
      expect((await answer).value).toBe('new');
    }
  });

  it('should evict the least recently used entry', async () => {
    const sut = new ReportCache(versioned('v').read, { maxEntries: 2 });
    await sut.get('a', async () => 'a');
    await sut.get('b', async () => 'b');
    await sut.get('a', async () => 'stale');
    await sut.get('c', async () => 'c');
    expect((await sut.get('a', async () => 'new')).value).toBe('a');
    expect((await sut.get('b', async () => 'recomputed')).value).toBe('recomputed');
  });

  it('should not cache a failure', async () => {
    const sut = new ReportCache(versioned('v').read);
    await expect(sut.get('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await sut.get('a', async () => 'ok')).value).toBe('ok');
  });

  it('should serialise once', async () => {
    const sut = new ReportCache(versioned('v').read);
    const first = await sut.get('a', async () => ({ x: 1 }));
    expect(first.json()).toBe('{"x":1}');
    expect((await sut.get('a', async () => ({ x: 2 }))).json()).toBe('{"x":1}');
  });
});
