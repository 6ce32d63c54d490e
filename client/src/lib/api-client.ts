import { ApiErrorSchema, type ErrorCode, type RouteDefinition, type Routes, routes } from '@junheng/shared';
import type { z } from 'zod';
import { env } from '../config/env.ts';

/**
 * The one way the client talks to the API: URLs come from the shared route table, success bodies are parsed with the
 * route's response schema and error bodies with ApiErrorSchema, so a contract drift fails here and not in a chart.
 */

/** Codes the server sends, plus the two the client itself raises. */
export type ApiErrorCode = ErrorCode | 'NetworkError' | 'InvalidResponse';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server was never reached. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type RouteName = keyof Routes;

/** Requests that change state: with the session cookie they must carry the session's CSRF token. */
const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * The signed-in session as the API client needs it: the CSRF token to send on state-changing requests, and what to
 * do when the server says the session is gone (one place, so no view handles 401 itself).
 */
const session: { csrfToken: string | null; onUnauthorized: ((error: ApiError) => void) | null } = {
  csrfToken: null,
  onUnauthorized: null,
};

/** Set from `GET /auth/me` and the login answer; null after logout. */
export function setCsrfToken(token: string | null): void {
  session.csrfToken = token;
}

let csrfLoading: Promise<void> | null = null;

/**
 * A state-changing request made before the session's `me` answer arrived (a page that mounts fast and posts at once)
 * first asks for it, once for all such requests, instead of going out without its CSRF token and failing.
 */
async function ensureCsrfToken(): Promise<void> {
  if (session.csrfToken) return;
  csrfLoading ??= apiRequest('me', {})
    .then((me) => {
      session.csrfToken ??= me.csrfToken;
    })
    .finally(() => {
      csrfLoading = null;
    });
  await csrfLoading;
}

/** Called with every 401 except the login's own (wrong password is the login form's business). */
export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | null): void {
  session.onUnauthorized = handler;
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
/** A query string before it is typed against a route (buildUrl's input); requests take `RouteQuery` instead. */
export type QueryInput = Record<string, QueryValue>;

/** A parsed value as the URL carries it (buildUrl writes booleans and numbers as text, lists comma-joined). */
type UrlValue<T> = T extends readonly (infer Item)[] ? readonly UrlValue<Item>[] : T;

/**
 * The query of a route, typed by its shared zod schema: the parameter names and which are required come from the
 * schema's input, each value's type from its output (what the server will parse it back to). A parameter renamed or
 * removed in `@junheng/shared` therefore breaks the client's build instead of being ignored by the server.
 */
export type RouteQuery<N extends RouteName> = Routes[N] extends { query: infer Q extends z.ZodType }
  ? { [K in keyof z.input<Q>]: K extends keyof z.output<Q> ? UrlValue<z.output<Q>[K]> : never }
  : // Routes whose contract declares no query schema (importFiles reads `dryRun` itself): not typed.
    QueryInput;

/** The path parameters of a route, typed by its shared params schema. */
export type RouteParams<N extends RouteName> = Routes[N] extends { params: infer P extends z.ZodType }
  ? { [K in keyof z.input<P>]: K extends keyof z.output<P> ? UrlValue<z.output<P>[K]> | string : never }
  : never;

/** `Q` with no key the route's query does not name (a non-literal object escapes TypeScript's excess-key check). */
export type ExactQuery<Q, N extends RouteName> = Q & { [K in Exclude<keyof Q, keyof RouteQuery<N>>]: never };

type ParamsOption<N extends RouteName> = [RouteParams<N>] extends [never]
  ? { params?: undefined }
  : { params: RouteParams<N> };

export type RequestOptions<N extends RouteName, Q extends RouteQuery<N> = RouteQuery<N>> = ParamsOption<N> & {
  query?: ExactQuery<Q, N>;
  body?: BodyInit | Record<string, unknown> | unknown[];
  signal?: AbortSignal;
  /**
   * Non-2xx statuses whose body is still the route's response (the import answers 422 with its report).
   * Bodies with these statuses are parsed with `route.response`, not as errors.
   */
  acceptStatuses?: readonly number[];
};

export type RouteResponse<N extends RouteName> = z.output<Routes[N]['response']>;

/**
 * Fills `:param` segments (URI-encoded) and appends the query; `undefined`/`null`/`''` values are dropped and arrays are
 * joined by commas (ARCHITECTURE.md, stable API: `township=a,b`).
 */
export function buildUrl(path: string, params?: Record<string, string | number>, query?: QueryInput): string {
  const filled = path.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
      continue;
    }
    search.set(key, String(value));
  }
  const qs = search.toString();
  return `${env.VITE_API_BASE_URL}${filled}${qs ? `?${qs}` : ''}`;
}

/** The URL of one route of the shared table, with its typed path parameters and query (for links and downloads). */
export function routeUrl<N extends RouteName, Q extends RouteQuery<N> = RouteQuery<N>>(
  name: N,
  options: { params?: RouteParams<N> | undefined; query?: ExactQuery<Q, N> | undefined },
): string {
  return buildUrl(
    routes[name].path,
    options.params as Record<string, string | number> | undefined,
    options.query as QueryInput | undefined,
  );
}

function isBodyInit(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer
  );
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const text = await response.text();
    return text ? { ok: true, value: JSON.parse(text) } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 413) return 'PayloadTooLarge';
  if (status === 415) return 'UnsupportedMediaType';
  if (status >= 400 && status < 500) return 'ValidationFailed';
  return 'Internal';
}

/** Calls one route of the shared table and returns its parsed response; throws ApiError otherwise. */
export async function apiRequest<N extends RouteName, Q extends RouteQuery<N> = RouteQuery<N>>(
  name: N,
  options: RequestOptions<N, Q>,
): Promise<RouteResponse<N>> {
  const route: RouteDefinition = routes[name];
  const url = routeUrl(name, options);
  const headers = new Headers({ Accept: 'application/json' });
  if (STATE_CHANGING_METHODS.has(route.method) && name !== 'login') {
    await ensureCsrfToken();
    if (session.csrfToken) headers.set(CSRF_HEADER, session.csrfToken);
  }
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (isBodyInit(options.body)) {
      // FormData sets its own multipart boundary: never set Content-Type for it.
      body = options.body;
    } else {
      body = JSON.stringify(options.body);
      headers.set('Content-Type', 'application/json');
    }
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    // Cancellation is not a failure: let TanStack Query see the AbortError it expects.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NetworkError', error instanceof Error ? error.message : 'Network request failed');
  }

  const json = await readJson(response);
  // Cancelled while the body was arriving (a newer filter, a closed panel): not a malformed answer.
  if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Aborted', 'AbortError');
  const isSuccess = response.ok || (options.acceptStatuses ?? []).includes(response.status);

  if (!isSuccess) {
    const parsedError = json.ok ? ApiErrorSchema.safeParse(json.value) : undefined;
    const error = parsedError?.success
      ? new ApiError(
          response.status,
          parsedError.data.error.code,
          parsedError.data.error.message,
          parsedError.data.error.details,
        )
      : new ApiError(
          response.status,
          fallbackCode(response.status),
          `${response.status} ${response.statusText || 'HTTP error'}`.trim(),
        );
    if (response.status === 401 && name !== 'login') session.onUnauthorized?.(error);
    throw error;
  }

  const parsed = route.response.safeParse(json.ok ? json.value : undefined);
  if (!parsed.success) {
    console.error(`Response of ${route.method} ${route.path} does not match its schema`, parsed.error.issues);
    throw new ApiError(
      response.status,
      'InvalidResponse',
      `The server answered ${route.method} ${route.path} with an unexpected body`,
      parsed.error.issues,
    );
  }
  return parsed.data as RouteResponse<N>;
}

/**
 * Calls a route that answers a file (an XLSX made from a body the client sends) and returns it with the file name the
 * server gave in Content-Disposition; errors are read and thrown as in `apiRequest`.
 */
export async function apiDownload<N extends RouteName, Q extends RouteQuery<N> = RouteQuery<N>>(
  name: N,
  options: RequestOptions<N, Q>,
): Promise<{ blob: Blob; fileName: string | null }> {
  const route: RouteDefinition = routes[name];
  const headers = new Headers();
  if (STATE_CHANGING_METHODS.has(route.method)) {
    await ensureCsrfToken();
    if (session.csrfToken) headers.set(CSRF_HEADER, session.csrfToken);
  }
  if (options.body !== undefined && !isBodyInit(options.body)) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(routeUrl(name, options), {
      method: route.method,
      headers,
      ...(options.body === undefined
        ? {}
        : { body: isBodyInit(options.body) ? options.body : JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NetworkError', error instanceof Error ? error.message : 'Network request failed');
  }
  if (!response.ok) {
    const json = await readJson(response);
    const parsedError = json.ok ? ApiErrorSchema.safeParse(json.value) : undefined;
    const error = parsedError?.success
      ? new ApiError(response.status, parsedError.data.error.code, parsedError.data.error.message)
      : new ApiError(response.status, fallbackCode(response.status), `${response.status} HTTP error`);
    if (response.status === 401) session.onUnauthorized?.(error);
    throw error;
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

/** `attachment; filename="x.xlsx"; filename*=UTF-8''%E5…` → the UTF-8 name when given, else the plain one. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}
