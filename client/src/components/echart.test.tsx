// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartOption, EChartHandle } from './echart-option.ts';

const chart = {
  setOption: vi.fn(),
  resize: vi.fn(),
  dispose: vi.fn(),
  isDisposed: vi.fn(() => false),
  on: vi.fn(),
  off: vi.fn(),
  getDataURL: vi.fn(() => 'data:image/png;base64,AAAA'),
  getZr: vi.fn(() => zr),
  containPixel: vi.fn((_finder: unknown, point: number[]) => (point[0] ?? 0) > 50),
  convertFromPixel: vi.fn((_finder: unknown, point: number[]) => [0, (point[1] ?? 0) / 20]),
};
const zr = { on: vi.fn(), off: vi.fn() };
const init = vi.fn(() => chart);
const use = vi.fn();

vi.mock('echarts/core', () => ({ init, use }));

const { default: EChart } = await import('./echart.tsx');

const option: ChartOption = {
  xAxis: { type: 'category', data: ['甲', '乙'] },
  yAxis: {},
  series: [{ type: 'bar', data: [1, 2] }],
};

beforeEach(() => {
  for (const fn of Object.values(chart)) fn.mockClear();
  zr.on.mockClear();
  zr.off.mockClear();
  init.mockClear();
  window.__JUNHENG_TEST__ = undefined;
});
afterEach(() => cleanup());

describe('EChart', () => {
  it('should register the modules once, init, set the option without merging and dispose on unmount', () => {
    const { unmount } = render(<EChart option={option} ariaLabel="图" />);
    expect(use).toHaveBeenCalledTimes(1);
    expect(init).toHaveBeenCalledWith(
      expect.any(HTMLDivElement),
      null,
      expect.objectContaining({ renderer: 'canvas' }),
    );
    expect(chart.setOption).toHaveBeenCalledWith(option, expect.objectContaining({ notMerge: true }));
    unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
  });

  it('should switch animation off, on a copy, under the browser-test flag', () => {
    window.__JUNHENG_TEST__ = true;
    render(<EChart option={option} ariaLabel="图" />);
    const [given] = chart.setOption.mock.calls.at(-1) ?? [];
    expect(given).toEqual({ ...option, animation: false });
    expect(option).not.toHaveProperty('animation');
  });

  it('should bind click handlers and call the latest one', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<EChart option={option} ariaLabel="图" onEvents={{ click: first }} />);
    rerender(<EChart option={option} ariaLabel="图" onEvents={{ click: second }} />);
    expect(chart.on).toHaveBeenCalledTimes(1);
    const listener = chart.on.mock.calls[0]?.[1] as (event: unknown) => void;
    listener({ name: '甲' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ name: '甲' });
  });

  it('should expose a PNG data URL through its ref', () => {
    const ref = createRef<EChartHandle>();
    render(<EChart option={option} ariaLabel="图" ref={ref} />);
    expect(ref.current?.getDataURL()).toBe('data:image/png;base64,AAAA');
    expect(chart.getDataURL).toHaveBeenCalledWith({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  });

  it('should report a click inside the grid as the category row under the pointer', () => {
    const onCategoryClick = vi.fn();
    const { unmount } = render(<EChart option={option} ariaLabel="图" onCategoryClick={onCategoryClick} />);
    expect(zr.on).toHaveBeenCalledWith('click', expect.any(Function));
    const listener = zr.on.mock.calls[0]?.[1] as (event: { offsetX: number; offsetY: number }) => void;
    listener({ offsetX: 100, offsetY: 61 });
    expect(onCategoryClick).toHaveBeenCalledWith(3);
    listener({ offsetX: 10, offsetY: 61 });
    expect(onCategoryClick).toHaveBeenCalledTimes(1);
    unmount();
    expect(zr.off).toHaveBeenCalledWith('click', listener);
  });

  it('should redraw for the paper when print media starts, print a picture of itself, and restore the screen after', () => {
    const listeners = new Set<() => void>();
    const printMedia = {
      matches: false,
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    };
    const original = window.matchMedia;
    window.matchMedia = ((query: string) =>
      query === 'print'
        ? printMedia
        : {
            matches: false,
            addEventListener: () => {},
            removeEventListener: () => {},
          }) as unknown as typeof window.matchMedia;
    try {
      const { container, unmount } = render(<EChart option={option} ariaLabel="图" />);
      chart.resize.mockClear();
      printMedia.matches = true;
      for (const listener of listeners) listener();
      expect(chart.resize).toHaveBeenCalledTimes(1);
      const picture = container.querySelector<HTMLImageElement>('img.echart-print-image');
      expect(picture?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
      expect(chart.getDataURL).toHaveBeenCalledWith(expect.objectContaining({ pixelRatio: 2 }));

      printMedia.matches = false;
      window.dispatchEvent(new Event('afterprint'));
      expect(chart.resize).toHaveBeenCalledTimes(2);
      expect(container.querySelector('img.echart-print-image')).toBeNull();
      unmount();
      expect(listeners.size).toBe(0);
    } finally {
      window.matchMedia = original;
    }
  });
});
