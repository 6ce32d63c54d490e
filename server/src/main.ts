import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { ensureInitialAdmin } from './auth/auth.service.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { loadDemoCountyIfEmpty } from './demo/load-demo-county.ts';
import { terminateImportWorkers } from './imports/import-workers.ts';
import { createLogger } from './logger.ts';
import { PlannerStatisticsRefresher } from './maintenance/planner-statistics.ts';

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

const initialAdmin = await ensureInitialAdmin(database.db, config.adminPassword);
if (initialAdmin.created && initialAdmin.generated) {
  // Printed once, straight to the terminal (not the JSON log): only its hash is stored.
  console.log(
    [
      '',
      '════════════════════════════════════════════════════════════',
      `  首次启动：已创建管理员账户 / First start: created the administrator`,
      `  用户名 / user:      ${initialAdmin.username}`,
      `  密码 / password:    ${initialAdmin.password}`,
      '  此密码只显示这一次，请登录后在“系统管理”中修改或妥善保存。',
      '  Shown only this once. Set ADMIN_PASSWORD to choose it yourself.',
      '════════════════════════════════════════════════════════════',
      '',
    ].join('\n'),
  );
} else if (initialAdmin.created) {
  logger.info({ username: initialAdmin.username }, 'first start: created the administrator with ADMIN_PASSWORD');
}

// PGlite has no autovacuum: planner statistics are refreshed after each change, and at start for the tables changed
// while the server was stopped (CLI imports, the demo county).
const plannerStatistics =
  database.kind === 'pglite'
    ? new PlannerStatisticsRefresher(database.db, (err) => logger.warn({ err }, 'ANALYZE failed'))
    : undefined;
const app = createApp({ db: database.db, config, logger, plannerStatistics });
const server: Server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, env: config.env, startupMs: Math.round(performance.now() - startedAt) },
    `均衡 Junheng listening on http://localhost:${port}`,
  );
  void plannerStatistics?.dataChanged();
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
  // Stop accepting, cancel imports still validating (answered 503), let the other in-flight requests finish, then
  // close the database so PGlite flushes cleanly; all within 10 s (issue #10: SIGTERM was ignored during an import).
  const forceExit = setTimeout(() => {
    logger.error('shutdown timed out; closing the database and exiting');
    server.closeAllConnections();
    void database.close().finally(() => process.exit(1));
  }, 7_000);
  forceExit.unref();
  // Listen for 'close' before awaiting anything else: it may come while the workers are being stopped.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await terminateImportWorkers();
  await closed;
  await plannerStatistics?.stop();
  await database.close();
  logger.info('database closed; bye');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
