import { describe, expect, it } from 'vitest';
import { ReportCache } from './report-cache.ts';

describe(ReportCache.name, () => {
  it('should compute once per key and version', async () => {
    const sut = new ReportCache();
    let calls = 0;
    const compute = async () => ({ n: ++calls });
    expect((await sut.get('v1', 'a', compute)).value).toEqual({ n: 1 });
    expect((await sut.get('v1', 'a', compute)).value).toEqual({ n: 1 });
    expect((await sut.get('v1', 'b', compute)).value).toEqual({ n: 2 });
    expect((await sut.get('v2', 'a', compute)).value).toEqual({ n: 3 });
    expect(sut.size).toBe(1);
  });

  it('should evict the least recently used entry', async () => {
    const sut = new ReportCache(2);
    await sut.get('v', 'a', async () => 'a');
    await sut.get('v', 'b', async () => 'b');
    await sut.get('v', 'a', async () => 'stale');
    await sut.get('v', 'c', async () => 'c');
    expect((await sut.get('v', 'a', async () => 'new')).value).toBe('a');
    expect((await sut.get('v', 'b', async () => 'recomputed')).value).toBe('recomputed');
  });

  it('should not cache a failure', async () => {
    const sut = new ReportCache();
    await expect(sut.get('v', 'a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await sut.get('v', 'a', async () => 'ok')).value).toBe('ok');
  });

  it('should serialise once', async () => {
    const sut = new ReportCache();
    const first = await sut.get('v', 'a', async () => ({ x: 1 }));
    expect(first.json()).toBe('{"x":1}');
    expect((await sut.get('v', 'a', async () => ({ x: 2 }))).json()).toBe('{"x":1}');
  });
});
