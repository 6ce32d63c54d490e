import { describe, expect, it } from 'vitest';
import { rankRows } from './rank.ts';

describe(rankRows.name, () => {
  it('should rank highest first with shared ranks for ties', () => {
    const sut = rankRows([3, 5, 5, 1], (v) => v);
    expect(sut.map((r) => [r.item, r.rank])).toEqual([
      [5, 1],
      [5, 1],
      [3, 3],
      [1, 4],
    ]);
  });

  it('should put items without a value last', () => {
    const sut = rankRows([null, 2, null, 7], (v) => v);
    expect(sut.map((r) => [r.item, r.rank])).toEqual([
      [7, 1],
      [2, 2],
      [null, 3],
      [null, 4],
    ]);
  });

  it('should return nothing for nothing', () => {
    expect(rankRows([], () => 1)).toEqual([]);
  });
});
