// @vitest-environment jsdom
import { ApiErrorSchema, ImportReportSchema, type Role } from '@junheng/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { setCsrfToken } from '../../lib/api-client.ts';
import { meKeys } from '../../session/api/me.ts';
import { meFixture } from '../../test-utils/fixtures.ts';
import DataPage from './data-page.tsx';

const rejected = ImportReportSchema.parse({
  applied: false,
  dryRun: true,
  batchId: null,
  files: [
    { file: '学校年度统计.csv', kind: 'school_stats', encoding: 'gb18030', rows: 3, sha256: 'a'.repeat(64) },
    { file: 'notes.csv', kind: null, encoding: 'utf-8', rows: 1, sha256: 'b'.repeat(64) },
  ],
  errors: [
    {
      file: '学校年度统计.csv',
      row: 4,
      column: '学校标识码',
      value: '3301069999',
      message: '未知的学校标识码：请先导入学校基本信息',
    },
    {
      file: '学校年度统计.csv',
      row: 3,
      column: '小学县级以上骨干教师数',
      value: '40',
      message: '骨干教师数 40 超过小学专任教师数 30',
    },
    { file: 'notes.csv', row: null, column: null, value: null, message: '无法识别数据类型：表头不匹配任何模板' },
  ],
  warnings: [
    { file: '学校年度统计.csv', row: 2, column: '体育运动场馆面积', value: '52000', message: '比上年大 10 倍以上' },
  ],
  counts: { schools: 0, school_stats: 1, rotations: 0 },
  truncated: false,
});

const applied = ImportReportSchema.parse({
  applied: true,
  dryRun: false,
  batchId: 7,
  files: [{ file: 'schools.xlsx', kind: 'schools', encoding: null, rows: 42, sha256: 'c'.repeat(64) }],
  errors: [],
  warnings: [],
  counts: { schools: 42, school_stats: 0, rotations: 0 },
  truncated: false,
});

const tooLarge = ApiErrorSchema.parse({ error: { code: 'PayloadTooLarge', message: '文件超过 20 MB' } });

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const fetchMock = vi.fn<typeof fetch>();

/** GETs of the page (districts, history, inputs) answer from here; each test queues the answer of its POST. */
const postAnswers: Response[] = [];
function routeFetch(input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> {
  const url = String(input);
  if ((init?.method ?? 'GET') !== 'GET') {
    const answer = postAnswers.shift();
    return answer ? Promise.resolve(answer) : Promise.reject(new Error(`unexpected ${init?.method} ${url}`));
  }
  if (url === '/api/v1/imports') return Promise.resolve(json({ batches: [] }, 200));
  if (url === '/api/v1/districts') return Promise.resolve(json([], 200));
  if (url === '/api/v1/import-mappings') return Promise.resolve(json({ mappings: [] }, 200));
  return Promise.reject(new Error(`unexpected GET ${url}`));
}

/** The POST calls only (the page also loads its history and the county list). */
const postCalls = () => fetchMock.mock.calls.filter(([, init]) => (init?.method ?? 'GET') !== 'GET');

function renderSut(role: Role = 'admin') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(meKeys.all, meFixture(role));
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  render(
    <MemoryRouter initialEntries={['/data']}>
      <I18nProvider initialLang="zh">
        <QueryClientProvider client={queryClient}>
          <DataPage />
        </QueryClientProvider>
      </I18nProvider>
    </MemoryRouter>,
  );
  return { invalidate };
}

function chooseFiles(...names: string[]) {
  const input = screen.getByLabelText(/选择文件…/);
  const files = names.map((name) => new File(['学校标识码,年度\n'], name, { type: 'text/csv' }));
  fireEvent.change(input, { target: { files } });
}

beforeEach(() => {
  // Signed in: the session's CSRF token is known, so writes go straight out.
  setCsrfToken('csrf-test');
  fetchMock.mockReset();
  fetchMock.mockImplementation(routeFetch);
  postAnswers.length = 0;
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  setCsrfToken(null);
  cleanup();
  vi.unstubAllGlobals();
});

describe('DataPage', () => {
  it('should link the three templates in CSV and XLSX', () => {
    renderSut();
    for (const kind of ['schools', 'school_stats', 'rotations']) {
      for (const format of ['csv', 'xlsx']) {
        expect(document.querySelector(`a[href="/api/v1/imports/templates/${kind}.${format}"]`)).not.toBeNull();
      }
    }
    expect(screen.getByText('学校基本信息')).toBeTruthy();
    expect(screen.getByText('学校年度统计')).toBeTruthy();
    expect(screen.getByText('教师交流轮岗')).toBeTruthy();
  });

  it('should show the located errors of a 422 dry-run report and say nothing was written', async () => {
    postAnswers.push(json(rejected, 422));
    const { invalidate } = renderSut();
    chooseFiles('学校年度统计.csv', 'notes.csv');

    fireEvent.click(screen.getByRole('button', { name: '试运行检查' }));

    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('未写入任何数据'));
    const [url, init] = postCalls()[0] ?? [];
    expect(url).toBe('/api/v1/imports?dryRun=true');
    expect(init?.method).toBe('POST');
    const body = init?.body as FormData;
    expect(body.getAll('files').map((file) => (file as File).name)).toEqual(['学校年度统计.csv', 'notes.csv']);

    expect(within(screen.getByRole('region', { name: '检查结果' })).getAllByRole('table')).toHaveLength(2);
    const row = screen.getByText('未知的学校标识码：请先导入学校基本信息').closest('tr');
    expect(row?.className).toBe('issue-error');
    const cells = within(row as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '错误',
      '学校年度统计.csv',
      '4',
      '学校标识码',
      '3301069999',
      '未知的学校标识码：请先导入学校基本信息',
    ]);

    const wholeFile = screen.getByText('无法识别数据类型：表头不匹配任何模板').closest('tr');
    expect(within(wholeFile as HTMLElement).getByText('整个文件')).toBeTruthy();
    expect(screen.getByText('未识别')).toBeTruthy();
    expect(screen.getByText('比上年大 10 倍以上').closest('tr')?.className).toBe('issue-warning');
    expect(screen.getByText('错误 3 个，警告 1 个')).toBeTruthy();
    expect(invalidate).not.toHaveBeenCalled();

    // The file whose headers were not recognised is offered the column-mapping step (issue #13): inspected, its
    // columns listed with a field to choose each.
    postAnswers.push(
      json(
        {
          files: [
            {
              file: 'notes.csv',
              recognised: false,
              format: null,
              kind: null,
              preset: null,
              message: null,
              sheet: null,
              headerRows: [1, 2],
              firstDataRow: 3,
              columns: [
                { index: 0, letter: 'A', path: ['学校代码'], label: '学校代码' },
                { index: 1, letter: 'B', path: ['学生', '小学'], label: '学生 > 小学' },
              ],
              signature: ['学校代码', '学生 > 小学'],
              sampleRows: [{ rowNumber: 3, cells: ['3301060001', '120'] }],
              dataRows: 1,
              suggestion: { kind: 'school_stats', columns: { school_code: '学校代码' } },
            },
          ],
        },
        200,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '设置列对应：notes.csv' }));
    const code = (await screen.findByRole('combobox', { name: '学校代码' })) as HTMLSelectElement;
    expect(code.value).toBe('school_code');
    expect((screen.getByRole('combobox', { name: '学生 › 小学' }) as HTMLSelectElement).value).toBe('');
    expect(postCalls().at(-1)?.[0]).toBe('/api/v1/imports/inspect');
    expect(screen.getByText(/缺少必需字段/)).toBeTruthy();
  });

  it('should download the located issues of the report as XLSX with the name the server gives', async () => {
    postAnswers.push(json(rejected, 422));
    const xlsx = new Response('PK', {
      status: 200,
      headers: {
        'Content-Disposition':
          'attachment; filename="_.xlsx"; filename*=UTF-8\'\'%E5%AF%BC%E5%85%A5%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95.xlsx',
      },
    });
    postAnswers.push(xlsx);
    const createObjectURL = vi.fn(() => 'blob:issues');
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = vi.fn();
      },
    );
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    renderSut();
    chooseFiles('学校年度统计.csv', 'notes.csv');
    fireEvent.click(screen.getByRole('button', { name: '试运行检查' }));
    fireEvent.click(await screen.findByRole('button', { name: '下载问题清单（Excel）' }));

    await vi.waitFor(() => expect(clicked).toEqual([{ href: 'blob:issues', download: '导入问题清单.xlsx' }]));
    const [url, init] = postCalls()[1] ?? [];
    expect(url).toBe('/api/v1/imports/issues?lang=zh');
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('csrf-test');
    expect(JSON.parse(String(init?.body))).toEqual({
      errors: rejected.errors,
      warnings: rejected.warnings,
      truncated: false,
    });
    click.mockRestore();
  });

  it('should import, report success and invalidate every query', async () => {
    postAnswers.push(json(applied, 200));
    const { invalidate } = renderSut();
    chooseFiles('schools.xlsx');

    fireEvent.click(screen.getByRole('button', { name: '导入' }));

    expect(await screen.findByText('导入成功，数据已写入。')).toBeTruthy();
    expect(postCalls()[0]?.[0]).toBe('/api/v1/imports');
    expect(screen.getByText('已写入：学校 42 所，年度统计 0 条，交流轮岗 0 条')).toBeTruthy();
    expect(invalidate).toHaveBeenCalledWith();
  });

  it('should explain a 413 clearly', async () => {
    postAnswers.push(json(tooLarge, 413));
    renderSut();
    chooseFiles('big.csv');

    fireEvent.click(screen.getByRole('button', { name: '导入' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('文件过大');
    expect(alert.textContent).toContain('文件超过 20 MB');
  });

  it('should keep the buttons disabled until a file is chosen', () => {
    renderSut();
    expect(screen.getByRole('button', { name: '试运行检查' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '导入' })).toHaveProperty('disabled', true);
  });
});
