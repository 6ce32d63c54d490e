import { describe, expect, it } from 'vitest';
import { ChunkCollector } from './chunk-collector.ts';

describe(ChunkCollector.name, () => {
  it('should give back every chunk in order, joined into blocks as they arrive', () => {
    const sut = new ChunkCollector(1000);
    const chunks = Array.from({ length: 5000 }, (_, i) => Buffer.from(`${i},`));
    for (const chunk of chunks) sut.add(chunk);
    expect(sut.bytes().equals(Buffer.concat(chunks))).toBe(true);
    // 23 890 bytes: 23 blocks of at least 1 000 bytes and a tail of 177 chunks (890 bytes), not 5 000 pieces.
    expect(sut.pieces).toBe(23 + 177);
  });

  it('should give an empty buffer for no chunks and a large chunk as it came', () => {
    expect(new ChunkCollector().bytes()).toHaveLength(0);
    const sut = new ChunkCollector(10);
    const large = Buffer.alloc(100, 7);
    sut.add(Buffer.from('ab'));
    sut.add(large);
    expect(sut.bytes().equals(Buffer.concat([Buffer.from('ab'), large]))).toBe(true);
  });
});
