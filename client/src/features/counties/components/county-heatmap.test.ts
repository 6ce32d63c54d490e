import { describe, expect, it } from 'vitest';
import { windowStartAt } from './county-heatmap.tsx';

describe(windowStartAt.name, () => {
  it('should move one county per 26 px of scrolling, from the first county to the last window', () => {
    expect(windowStartAt(0, 2900)).toBe(0);
    expect(windowStartAt(26 * 10 + 5, 2900)).toBe(10);
    expect(windowStartAt(26 * 2870, 2900)).toBe(2870);
    expect(windowStartAt(1e9, 2900)).toBe(2870);
    expect(windowStartAt(-50, 2900)).toBe(0);
  });
});
