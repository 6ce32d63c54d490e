import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerThisThreadPriority } from './background-priority.ts';

describe.runIf(process.platform === 'linux')(lowerThisThreadPriority.name, () => {
  it('should lower a worker thread alone, not the main thread', async () => {
    const before = os.getPriority();
    const source = new URL('./background-priority.ts', import.meta.url).href;
    // The worker imports the module through tsx, as start-worker.ts does for sources.
    const tsx = import.meta.resolve('tsx/esm/api');
    const worker = new Worker(
      `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))
        .then(({ lowerThisThreadPriority }) => {
          const tid = lowerThisThreadPriority();
          const { parentPort } = require('node:worker_threads');
          parentPort.postMessage({ tid, priority: tid === null ? null : require('node:os').getPriority(tid) });
        })`,
      { eval: true },
    );
    const reply = await new Promise<{ tid: number | null; priority: number | null }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(reply.tid).toBeGreaterThan(0);
    expect(reply.priority).toBe(Math.max(before, os.constants.priority.PRIORITY_BELOW_NORMAL));
    expect(os.getPriority()).toBe(before);
  });

  it('should leave the main thread as it is', () => {
    const before = os.getPriority();
    expect(lowerThisThreadPriority()).toBeNull();
    expect(os.getPriority()).toBe(before);
  });
});
