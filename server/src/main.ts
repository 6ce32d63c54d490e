import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { loadDemoCountyIfEmpty } from './demo/load-demo-county.ts';
import { createLogger } from './logger.ts';

const startedAt = performance.now();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);

const database = await openDatabase(config).catch((error: unknown) => {
  logger.fatal({ err: error }, 'cannot open the database');
  process.exit(1);
});
logger.info(
  { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
  'database ready',
);

if (config.demoData) {
  const loaded = await loadDemoCountyIfEmpty(database.db);
  if (loaded) logger.info(loaded, 'empty database: loaded the demo county');
}

const app = createApp({ db: database.db, config, logger });
const server: Server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, startupMs: Math.round(performance.now() - startedAt) },
    `均衡 Junheng listening on http://localhost:${port}`,
  );
});
server.on('error', (error) => {
  logger.fatal({ err: error }, 'cannot listen');
  void database.close().finally(() => process.exit(1));
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Stop accepting, let in-flight requests finish, then close the database so PGlite flushes cleanly.
  const forceExit = setTimeout(() => {
    logger.error('shutdown timed out; closing the database and exiting');
    void database.close().finally(() => process.exit(1));
  }, 10_000);
  forceExit.unref();
  server.close();
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.once('close', () => resolve()));
  await database.close();
  logger.info('database closed; bye');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
