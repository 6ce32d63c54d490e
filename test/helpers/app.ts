import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Database } from '@junheng/db';
import { createApiToken, createApp, createLogger, createUser, loadConfig } from '@junheng/server';
import type { Role } from '@junheng/shared';
import type { Kysely } from 'kysely';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface RunningApp {
  baseUrl: string;
  /** fetch as the test administrator (an API token): every /api/v1 path needs a signed-in user. */
  fetch: Fetch;
  /** Signs up a user of the role (and townships) and returns a fetch that acts as them. */
  as(role: Role, options?: ScopeOptions): Promise<Fetch>;
  close(): Promise<void>;
}

const SYSTEM = { userId: null, username: 'test', ip: null };

/** A user's scope: `districtCode` is shorthand for a one-county `districtCodes`. */
export interface ScopeOptions {
  townships?: string[];
  districtCode?: string | null;
  districtCodes?: string[] | null;
}

/** A user with an API token; the token's fetch carries it as `Authorization: Bearer`. */
export async function createTokenUser(
  db: Kysely<Database>,
  role: Role,
  options: ScopeOptions & { username?: string; password?: string } = {},
): Promise<{ username: string; password: string; token: string; authorize: (init?: RequestInit) => RequestInit }> {
  const username = options.username ?? `${role}-${randomBytes(4).toString('hex')}`;
  const password = options.password ?? `pw-${randomBytes(8).toString('hex')}`;
  const user = await createUser(db, SYSTEM, {
    username,
    password,
    role,
    districtCodes: options.districtCodes ?? (options.districtCode ? [options.districtCode] : null),
    townships: options.townships ?? null,
  });
  const { secret } = await createApiToken(db, SYSTEM, user.id, 'tests');
  const authorize = (init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${secret}`);
    return { ...init, headers };
  };
  return { username, password, token: secret, authorize };
}

/** Serves createApp on an ephemeral port, as a user's HTTP client would see it. */
export async function startTestApp(db: Kysely<Database>, env: Record<string, string> = {}): Promise<RunningApp> {
  // Version TTL 0: tests write to the database behind the app's back and expect the next answer to see it.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent',
    CLIENT_DIST: '/nonexistent',
    REPORT_CACHE_VERSION_TTL_MS: '0',
    ...env,
  });
  const app = createApp({ db, config, logger: createLogger('silent') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const admin = await createTokenUser(db, 'admin');
  const fetchAs =
    (authorize: (init?: RequestInit) => RequestInit): Fetch =>
    (url, init) =>
      fetch(url, authorize(init));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    fetch: fetchAs(admin.authorize),
    as: async (role, options) => fetchAs((await createTokenUser(db, role, options)).authorize),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** POSTs files as multipart/form-data parts named `files`, as the test administrator. */
export async function postFiles(
  app: RunningApp,
  files: { name: string; bytes: Uint8Array | string }[],
  query = '',
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.bytes as BlobPart]), f.name);
  const res = await app.fetch(`${app.baseUrl}/api/v1/imports${query}`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}
