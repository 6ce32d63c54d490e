import { describe, expect, it } from 'vitest';
import { ChunkCollector } from './chunk-collector.ts';

describe(ChunkCollector.name, () => {
  it('should give back every chunk in order, joined into blocks as they arrive', () => {
    const sut = new ChunkCollector({ blockBytes: 1000 });
    const chunks = Array.from({ length: 5000 }, (_, i) => Buffer.from(`${i},`));
    for (const chunk of chunks) sut.add(chunk);
    expect(sut.bytes().equals(Buffer.concat(chunks))).toBe(true);
    // 23 890 bytes: 23 blocks of at least 1 000 bytes and a tail of 177 chunks (890 bytes), not 5 000 pieces.
    expect(sut.pieces).toBe(23 + 177);
  });

  it('should give an empty buffer for no chunks and a large chunk as it came', () => {
    expect(new ChunkCollector().bytes()).toHaveLength(0);
    const sut = new ChunkCollector({ blockBytes: 10 });
    const large = Buffer.alloc(100, 7);
    sut.add(Buffer.from('ab'));
    sut.add(large);
    expect(sut.bytes().equals(Buffer.concat([Buffer.from('ab'), large]))).toBe(true);
  });

  it('should copy a large file into one buffer of the hinted size as it comes, with nothing left to join', () => {
    const chunks = Array.from({ length: 5000 }, (_, i) => Buffer.from(`${i},`));
    const total = Buffer.concat(chunks);
    const sut = new ChunkCollector({ blockBytes: 1000, sizeHint: total.length + 100 });
    for (const chunk of chunks) sut.add(chunk);
    expect(sut.pieces).toBe(0);
    const bytes = sut.bytes();
    expect(bytes.equals(total)).toBe(true);
    // Its own memory (not Node's pool), so that it can move to a worker.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(total.length + 100);
  });

  it('should trim a file much smaller than its hint, and carry on past a hint that was too small', () => {
    const small = new ChunkCollector({ blockBytes: 10, sizeHint: 1000 });
    small.add(Buffer.alloc(30, 1));
    expect(small.bytes().equals(Buffer.alloc(30, 1))).toBe(true);
    expect(small.bytes().buffer.byteLength).not.toBe(1000); // not the 1 000-byte buffer set aside for it
    const outgrown = new ChunkCollector({ blockBytes: 10, sizeHint: 25 });
    const chunks = Array.from({ length: 20 }, (_, i) => Buffer.alloc(4, i));
    for (const chunk of chunks) outgrown.add(chunk);
    expect(outgrown.bytes().equals(Buffer.concat(chunks))).toBe(true);
  });
});
