import { ApiErrorSchema, DistrictListSchema, ImportReportSchema } from '@junheng/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, CSRF_HEADER, setCsrfToken, setUnauthorizedHandler } from './api-client.ts';

const districts = DistrictListSchema.parse([
  { code: '330106', name: '示例区', years: [2023, 2024], schools: 42, townships: 9 },
]);

const rejectedReport = ImportReportSchema.parse({
  applied: false,
  dryRun: false,
  batchId: null,
  files: [{ file: 'stats.csv', kind: 'school_stats', encoding: 'gb18030', rows: 12, sha256: 'ab'.repeat(32) }],
  errors: [{ file: 'stats.csv', row: 5, column: '学校标识码', value: '999', message: '未知的学校标识码' }],
  warnings: [],
  counts: { schools: 0, school_stats: 11, rotations: 0 },
  truncated: false,
});

const notFound = ApiErrorSchema.parse({
  error: { code: 'DistrictNotFound', message: '没有这个区县', details: { code: '1' } },
});

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe(buildUrl.name, () => {
  it('should substitute encoded path parameters and append the query', () => {
    expect(buildUrl('/api/v1/districts/:code/balance', { code: '330106' }, { year: 2024, stage: 'primary' })).toBe(
      '/api/v1/districts/330106/balance?year=2024&stage=primary',
    );
    expect(buildUrl('/api/v1/schools/:code', { code: 'a/b c' })).toBe('/api/v1/schools/a%2Fb%20c');
  });

  it('should join arrays with commas and drop empty values', () => {
    expect(buildUrl('/x', undefined, { township: ['1', '2'], locale: undefined, q: '', n: null, e: [] })).toBe(
      '/x?township=1%2C2',
    );
  });

  it('should throw when a path parameter is missing', () => {
    expect(() => buildUrl('/api/v1/schools/:code')).toThrow(/code/);
  });
});

describe(apiRequest.name, () => {
  // A signed-in session, so state-changing requests go straight out.
  beforeEach(() => setCsrfToken('csrf-0'));
  afterEach(() => setCsrfToken(null));

  it('should parse a success body with the route schema', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(districts));
    const sut = await apiRequest('listDistricts', {});
    expect(sut).toEqual(districts);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/districts');
    expect(init?.method).toBe('GET');
  });

  it('should pass the abort signal to fetch', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(districts));
    const controller = new AbortController();
    await apiRequest('listDistricts', { signal: controller.signal });
    expect(fetchMock.mock.calls[0]?.[1]?.signal).toBe(controller.signal);
  });

  it('should throw a typed ApiError parsed from the error body', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(notFound, 404));
    const error = await apiRequest('listDistricts', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'DistrictNotFound',
      message: '没有这个区县',
      details: { code: '1' },
    });
  });

  it('should still throw an ApiError when the error body is not JSON', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(apiRequest('listDistricts', {})).rejects.toMatchObject({ status: 502, code: 'Internal' });
  });

  it('should report a 413 without a JSON body as PayloadTooLarge', async () => {
    fetchMock.mockResolvedValueOnce(new Response('too big', { status: 413 }));
    await expect(apiRequest('importFiles', { body: new FormData() })).rejects.toMatchObject({
      status: 413,
      code: 'PayloadTooLarge',
    });
  });

  it('should treat an accepted 422 import body as the report', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(rejectedReport, 422));
    const form = new FormData();
    form.append('files', new Blob(['a,b']), 'stats.csv');
    const sut = await apiRequest('importFiles', { body: form, query: { dryRun: true }, acceptStatuses: [422] });
    expect(sut).toEqual(rejectedReport);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/imports?dryRun=true');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(form);
    // The browser must set the multipart boundary itself.
    expect(new Headers(init?.headers).has('Content-Type')).toBe(false);
  });

  it('should treat an unaccepted 422 as an error', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ error: { code: 'ImportRejected', message: 'rejected' } }, 422));
    await expect(apiRequest('importFiles', { body: new FormData() })).rejects.toMatchObject({
      status: 422,
      code: 'ImportRejected',
    });
  });

  it('should fail loudly when the success body drifts from the schema', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fetchMock.mockResolvedValueOnce(jsonResponse([{ code: '330106', name: 1 }]));
    await expect(apiRequest('listDistricts', {})).rejects.toMatchObject({ code: 'InvalidResponse', status: 200 });
  });

  it('should wrap a network failure as NetworkError', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiRequest('listDistricts', {})).rejects.toMatchObject({ status: 0, code: 'NetworkError' });
  });

  it('should treat a body cut off by cancellation as the cancellation, not as a malformed answer', async () => {
    const controller = new AbortController();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    error.mockClear();
    const body = new ReadableStream({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('{"entr'));
        controller.abort();
        stream.error(new DOMException('Aborted', 'AbortError'));
      },
    });
    fetchMock.mockResolvedValueOnce(new Response(body, { status: 200 }));
    await expect(apiRequest('listDistricts', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('should rethrow an abort as is', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    fetchMock.mockRejectedValueOnce(abort);
    await expect(apiRequest('listDistricts', { signal: controller.signal })).rejects.toBe(abort);
  });
});

describe('session handling', () => {
  const unauthorized = ApiErrorSchema.parse({
    error: { code: 'Unauthorized', message: '登录已过期', details: { reason: 'session_expired' } },
  });
  const handler = vi.fn<(error: ApiError) => void>();
  beforeEach(() => {
    handler.mockReset();
    setUnauthorizedHandler(handler);
    setCsrfToken('csrf-1');
  });
  afterEach(() => {
    setUnauthorizedHandler(null);
    setCsrfToken(null);
  });

  it('should send the CSRF token on state-changing requests only', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true }));
    await apiRequest('logout', {});
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get(CSRF_HEADER)).toBe('csrf-1');
    fetchMock.mockResolvedValueOnce(jsonResponse(districts));
    await apiRequest('listDistricts', {});
    expect(new Headers(fetchMock.mock.calls[1]?.[1]?.headers).has(CSRF_HEADER)).toBe(false);
  });

  it('should hand every 401 to the handler once, then throw it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(unauthorized, 401));
    const sut = apiRequest('listDistricts', {});
    await expect(sut).rejects.toMatchObject({ status: 401, code: 'Unauthorized' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[0].details).toEqual({ reason: 'session_expired' });
  });

  it('should fetch the CSRF token first when a state-changing request comes before the session answer', async () => {
    setCsrfToken(null);
    const me = {
      user: {
        id: 1,
        username: 'a',
        role: 'analyst',
        districtCodes: null,
        townships: null,
        disabled: false,
        createdAt: '2026-01-01T00:00:00Z',
        lastLoginAt: null,
        lockedUntil: null,
      },
      csrfToken: 'csrf-late',
      via: 'session',
      sessionExpiresAt: null,
    };
    fetchMock.mockResolvedValueOnce(jsonResponse(me));
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true }));
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true }));
    await Promise.all([apiRequest('logout', {}), apiRequest('logout', {})]);
    const urls = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(urls.filter((u) => u.endsWith('/api/v1/auth/me'))).toHaveLength(1);
    for (const call of fetchMock.mock.calls.slice(1)) {
      expect(new Headers(call[1]?.headers).get(CSRF_HEADER)).toBe('csrf-late');
    }
  });

  it("should leave the login's own 401 (a wrong password) to the login form", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(unauthorized, 401));
    await expect(apiRequest('login', { body: { username: 'a', password: 'b' } })).rejects.toMatchObject({
      status: 401,
    });
    expect(handler).not.toHaveBeenCalled();
  });
});
