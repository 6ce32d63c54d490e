import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  niceAxis,
  paddedMax,
  ROW_WINDOW,
  rowWindowStart,
  rowWindowZoom,
  splitRowsForPrint,
  tooltipDataIndex,
  tooltipRow,
  visibleRows,
} from './chart-theme.ts';

describe(escapeHtml.name, () => {
  it('should escape the characters HTML gives meaning to', () => {
    expect(escapeHtml(`<b>"甲" & '乙'</b>`)).toBe('&lt;b&gt;&quot;甲&quot; &amp; &#39;乙&#39;&lt;/b&gt;');
  });

  it('should escape both parts of a tooltip row', () => {
    expect(tooltipRow('<x>', '1 & 2')).toBe('<div>&lt;x&gt;: <b>1 &amp; 2</b></div>');
    expect(tooltipRow('标准', '7.50')).toBe('<div>标准：<b>7.50</b></div>');
  });
});

describe(paddedMax.name, () => {
  it('should leave 15% room and round up to the step', () => {
    expect(paddedMax([0.5, 0.3], 0.1)).toBeCloseTo(0.6);
    expect(paddedMax([null, undefined], 0.1)).toBe(0.1);
  });
});

describe(niceAxis.name, () => {
  it('should pick a round maximum and interval', () => {
    expect(niceAxis([9.71, 7.5], 3)).toEqual({ max: 15, interval: 5 });
    expect(niceAxis([0.5, 0.426], 3)).toEqual({ max: 0.6, interval: 0.2 });
    expect(niceAxis([2956], 4)).toEqual({ max: 4000, interval: 1000 });
    expect(niceAxis([], 4)).toEqual({ max: 1, interval: 0.25 });
  });
});

describe(tooltipDataIndex.name, () => {
  it('should read the index from item and axis tooltips', () => {
    expect(tooltipDataIndex({ dataIndex: 3 })).toBe(3);
    expect(tooltipDataIndex([{ dataIndex: 2 }, { dataIndex: 2 }])).toBe(2);
    expect(tooltipDataIndex([])).toBe(-1);
    expect(tooltipDataIndex(null)).toBe(-1);
  });
});

describe(rowWindowZoom.name, () => {
  it('should show short lists whole and window long ones', () => {
    expect(rowWindowZoom(36)).toBeUndefined();
    expect(visibleRows(36)).toBe(36);
    expect(visibleRows(300)).toBe(ROW_WINDOW);
    expect(rowWindowZoom(300)).toEqual([
      expect.objectContaining({ type: 'inside', startValue: 0, endValue: ROW_WINDOW - 1, moveOnMouseWheel: true }),
      expect.objectContaining({ type: 'slider', startValue: 0, zoomLock: true }),
    ]);
  });

  it('should open the window a few rows above the focused row, within bounds', () => {
    expect(rowWindowStart(300, 100)).toBe(95);
    expect(rowWindowStart(300, 2)).toBe(0);
    expect(rowWindowStart(300, 299)).toBe(300 - ROW_WINDOW);
    expect(rowWindowStart(20, 15)).toBe(0);
  });
});

describe(splitRowsForPrint.name, () => {
  const rows = (count: number) => Array.from({ length: count }, (_, i) => i);

  it('should keep a list that fits one page as one chart', () => {
    expect(splitRowsForPrint(rows(36))).toEqual([rows(36)]);
    expect(splitRowsForPrint([])).toEqual([[]]);
  });

  it('should split a long list into even parts of at most 36 rows, in order, losing none', () => {
    const parts = splitRowsForPrint(rows(75));
    expect(parts.map((part) => part.length)).toEqual([25, 25, 25]);
    expect(parts.flat()).toEqual(rows(75));
    expect(splitRowsForPrint(rows(37)).map((part) => part.length)).toEqual([19, 18]);
    expect(splitRowsForPrint(rows(300)).every((part) => part.length <= 36)).toBe(true);
    expect(splitRowsForPrint(rows(300)).flat()).toEqual(rows(300));
  });
});
