import { describe, expect, it } from 'vitest';
import { transferableFileBuffers, validateInWorker } from './import-workers.ts';
import { context, csvOf, stat } from './test-support.ts';

describe(transferableFileBuffers.name, () => {
  it('should move a buffer that holds one file alone, and nothing that other data shares', () => {
    const alone = new Uint8Array(16384);
    const backing = new ArrayBuffer(20_000);
    const shared = [new Uint8Array(backing, 0, 10_000), new Uint8Array(backing, 10_000, 10_000)];
    const roomy = new Uint8Array(new ArrayBuffer(20_000), 0, 12_000); // the multipart reader's buffer, room to spare
    const pooled = Buffer.from('学校标识码'); // a slice of Node's buffer pool
    const twice = new Uint8Array(16384);
    const files = [
      { name: 'alone.csv', bytes: alone },
      { name: 'a.csv', bytes: shared[0] as Uint8Array },
      { name: 'b.csv', bytes: shared[1] as Uint8Array },
      { name: 'small.csv', bytes: pooled },
      { name: 'once.csv', bytes: twice },
      { name: 'again.csv', bytes: twice },
      { name: 'roomy.csv', bytes: roomy },
    ];
    expect(transferableFileBuffers(files)).toEqual([alone.buffer, roomy.buffer]);
  });
});

describe(validateInWorker.name, () => {
  it('should validate the files in a worker that received their memory instead of a copy', async () => {
    const codes = Array.from({ length: 200 }, (_, i) => String(3309990000 + i));
    const bytes = csvOf(
      'school_stats',
      codes.map((schoolCode) => stat({ schoolCode, year: 2025 })),
    );
    // Its own buffer, as the multipart reader makes for an upload above Node's pool size.
    const upload = new Uint8Array(bytes.byteLength);
    upload.set(bytes);
    const validated = await validateInWorker([{ name: 'stats.csv', bytes: upload }], async () => context(codes));
    expect(validated.stats).toHaveLength(200);
    expect(validated.errors).toEqual([]);
    expect(upload.byteLength).toBe(0);
  });
});
