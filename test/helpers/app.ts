import type { AddressInfo } from 'node:net';
import type { Database } from '@junheng/db';
import { createApp, createLogger, loadConfig } from '@junheng/server';
import type { Kysely } from 'kysely';

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
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
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** POSTs files as multipart/form-data parts named `files`. */
export async function postFiles(
  baseUrl: string,
  files: { name: string; bytes: Uint8Array | string }[],
  query = '',
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.bytes as BlobPart]), f.name);
  const res = await fetch(`${baseUrl}/api/v1/imports${query}`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}
