// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api-client.ts';
import { ChartPanel, type ChartPanelProps, type PanelQueryState } from './chart-panel.tsx';

vi.mock('./lazy-echart.tsx', () => ({ preloadEChart: vi.fn() }));

const ready: PanelQueryState = {
  isPending: false,
  isError: false,
  error: null,
  isPlaceholderData: false,
  refetch: vi.fn(),
};
const exports = { excelCsv: '/api/x?format=csv', plainCsv: '/api/x?format=csv&bom=false', xlsx: '/api/x?format=xlsx' };

function renderSut(props: Partial<ChartPanelProps> = {}) {
  const getDataURL = vi.fn(() => 'data:image/png;base64,AAAA');
  render(
    <I18nProvider initialLang="zh">
      <ChartPanel
        title="差异系数"
        query={ready}
        exports={exports}
        fileName="澄川县_2025_小学_差异系数"
        chart={(ref) => {
          ref.current = { getDataURL };
          return <div data-testid="chart" />;
        }}
        table={() => (
          <table>
            <caption>表</caption>
            <tbody>
              <tr>
                <td>0.087</td>
              </tr>
            </tbody>
          </table>
        )}
        {...props}
      />
    </I18nProvider>,
  );
  return { getDataURL };
}

afterEach(() => cleanup());

describe('ChartPanel', () => {
  it('should show the chart, and the same data as a table on request', () => {
    renderSut();
    expect(screen.getByRole('heading', { name: '差异系数' })).toBeTruthy();
    expect(screen.getByTestId('chart')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: '以表格查看' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.getByRole('table', { name: '表' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '以图表查看' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('should offer the three data downloads of the same query and the chart as PNG', () => {
    const { getDataURL } = renderSut();
    const menu = screen.getByText('下载').closest('details');
    if (!menu) throw new Error('no download menu');
    const links = within(menu).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([exports.excelCsv, exports.plainCsv, exports.xlsx]);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(within(menu).getByRole('button', { name: /图片（PNG）/ }));
    expect(getDataURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('should not offer the PNG while the table is shown', () => {
    renderSut();
    fireEvent.click(screen.getByRole('button', { name: '以表格查看' }));
    expect(screen.getByRole('button', { name: /图片（PNG）/ }).hasAttribute('disabled')).toBe(true);
  });

  it('should show a skeleton while loading, without tools', () => {
    renderSut({ query: { ...ready, isPending: true } });
    expect(screen.getByRole('status')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '以表格查看' })).toBeNull();
  });

  it('should show the error with a retry that refetches', () => {
    const refetch = vi.fn();
    renderSut({
      query: { ...ready, isError: true, error: new ApiError(500, 'Internal', '服务器错误'), refetch },
    });
    expect(screen.getByRole('alert').textContent).toContain('服务器错误');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('should show the empty state when the filters leave no school', () => {
    renderSut({ isEmpty: true });
    expect(screen.getByText('没有符合筛选条件的学校')).toBeTruthy();
    expect(screen.queryByTestId('chart')).toBeNull();
  });

  it('should catch a chart that throws and offer a retry, keeping the title', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderSut({
      chart: () => {
        throw new Error('boom');
      },
    });
    expect(screen.getByRole('heading', { name: '差异系数' })).toBeTruthy();
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('should mark the panel busy while showing the previous filters’ data', () => {
    renderSut({ query: { ...ready, isPlaceholderData: true } });
    expect(screen.getByRole('region', { name: '差异系数' }).getAttribute('aria-busy')).toBe('true');
  });
});
