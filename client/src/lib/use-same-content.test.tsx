// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSameContent } from './use-same-content.ts';

describe(useSameContent.name, () => {
  it('should keep the first value while later ones hold the same data, and take one that differs', () => {
    const first = [{ code: '330991', cv: 0.42 }];
    const { result, rerender } = renderHook(({ value }) => useSameContent(value), { initialProps: { value: first } });
    expect(result.current).toBe(first);
    rerender({ value: [{ code: '330991', cv: 0.42 }] });
    expect(result.current).toBe(first);
    const changed = [{ code: '330991', cv: 0.43 }];
    rerender({ value: changed });
    expect(result.current).toBe(changed);
    rerender({ value: [...changed, { code: '330992', cv: 0.5 }] });
    expect(result.current).toHaveLength(2);
  });
});
