import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '@junheng/db';
import express, { type Express, Router } from 'express';
import helmet from 'helmet';
import type { Kysely } from 'kysely';
import { pinoHttp } from 'pino-http';
import { createAdminRouter } from './auth/admin.router.ts';
import { authenticate } from './auth/auth.middleware.ts';
import { createAuthRouter } from './auth/auth.router.ts';
import { PrincipalCache } from './auth/principal-cache.ts';
import { findDataVersion } from './cache/report-cache.repository.ts';
import { ReportCache } from './cache/report-cache.ts';
import type { Config } from './config.ts';
import { createDistrictsRouter } from './districts/districts.router.ts';
import { createFilingRouter } from './filing/filing.router.ts';
import { errorMiddleware, HttpError, notFoundHandler } from './http/errors.ts';
import { createImportMappingsRouter } from './imports/import-mappings.router.ts';
import { createImportSettingsRouter } from './imports/import-settings.router.ts';
import { createImportsRouter } from './imports/imports.router.ts';
import { createWhatIfRouter } from './improve/what-if.router.ts';
import type { Logger } from './logger.ts';
import type { PlannerStatisticsRefresher } from './maintenance/planner-statistics.ts';
import { createNotesRouter } from './notes/notes.router.ts';
import { createOpenApiRouter } from './openapi/openapi.router.ts';
import { createProvenanceRouter } from './provenance/provenance.router.ts';
import { createRecordsRouter } from './records/records.router.ts';
import { mountReports } from './reports/mount-reports.ts';
import { REPORTS } from './reports/reports.ts';
import { createCountyInputsRouter } from './scorecard/county-inputs.router.ts';
import { createSelfEvaluationRouter } from './self-evaluation/self-evaluation.router.ts';

export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  /** The embedded database's stand-in for autovacuum's ANALYZE, told of each committed change (absent on PostgreSQL). */
  plannerStatistics?: PlannerStatisticsRefresher;
}

/** Builds the Express app without listening, so tests drive it over HTTP on an ephemeral port. */
export function createApp({ db, config, logger, plannerStatistics }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Reports are up to a few hundred KB; hashing each one for an ETag costs more than the cached answer itself.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', config.trustProxy);
  app.locals.validateResponses = config.env !== 'production';

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // PostgreSQL text cannot hold NUL: refuse it at the door as bad input, never as a 500 from the driver.
  app.use((req, _res, next) => {
    if (/%00/i.test(req.originalUrl)) {
      throw new HttpError(400, 'ValidationFailed', '请求中含有空字符 / NUL characters are not allowed');
    }
    next();
  });
  app.use(
    express.json({
      limit: '1mb',
      reviver: (_key, value: unknown) => {
        // A throw here becomes body-parser's 400 "malformed JSON".
        if (typeof value === 'string' && value.includes('\u0000')) throw new Error('NUL in JSON string');
        return value;
      },
    }),
  );
  // API answers are per user: never stored by a shared cache.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'private, no-store');
    next();
  });

  // Everything under /api/v1 but login needs a session or an API token; the routers below see a principal.
  const principals = new PrincipalCache({
    ttlMs: config.auth.principalCacheTtlMs,
    sessionIdleMs: config.auth.sessionIdleMs,
  });
  const onAuthChanged = () => principals.clear();
  app.use('/api/v1', authenticate(db, config.auth, principals));
  app.use(
    createAuthRouter(db, {
      settings: config.auth,
      cookieSecure: config.auth.cookieSecure,
      loginAttemptsPerWindow: config.auth.loginAttemptsPerWindow,
      onAuthChanged,
    }),
  );
  app.use(createAdminRouter(db, onAuthChanged));
  const reportCache = new ReportCache(() => findDataVersion(db), { versionTtlMs: config.reportCacheVersionTtlMs });
  app.use(createDistrictsRouter(db, reportCache));
  const onDataChanged = () => {
    reportCache.invalidate();
    void plannerStatistics?.dataChanged();
  };
  app.use(
    createImportsRouter({
      db,
      maxUploadBytes: config.maxUploadBytes,
      maxConcurrentImports: config.maxConcurrentImports,
      onDataChanged,
    }),
  );
  app.use(createImportSettingsRouter(db));
  app.use(mountReports(Router(), db, reportCache, REPORTS));
  app.use(createImportMappingsRouter(db));
  app.use(createNotesRouter(db));
  app.use(createCountyInputsRouter(db, onDataChanged));
  app.use(createWhatIfRouter(db));
  app.use(createSelfEvaluationRouter(db));
  app.use(createRecordsRouter(db));
  app.use(createFilingRouter(db));
  app.use(createProvenanceRouter(db));
  app.use(createOpenApiRouter());
  app.use('/api', notFoundHandler);

  serveClient(app, config.clientDist);
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger));
  return app;
}

function serveClient(app: Express, clientDist: string): void {
  const indexHtml = path.join(clientDist, 'index.html');
  if (!fs.existsSync(indexHtml)) return;
  app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  // Hashed assets can be cached for ever; index.html never, so a new build is picked up at once.
  app.get('/{*splat}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
