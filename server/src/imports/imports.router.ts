import type { Database } from '@junheng/db';
import {
  ImportIssuesExportBodySchema,
  ImportIssuesExportQuerySchema,
  ImportQuerySchema,
  routes,
  TemplateParamsSchema,
} from '@junheng/shared';
import { type Request, type Response, Router } from 'express';
import type { Kysely } from 'kysely';
import { clientIp } from '../auth/auth.middleware.ts';
import { actorOf, audit } from '../auth/auth.service.ts';
import { type Principal, requirePermission } from '../auth/principal.ts';
import { sendTable } from '../export/send-table.ts';
import { encodeContentDisposition } from '../http/content-disposition.ts';
import { HttpError } from '../http/errors.ts';
import { discardRequestBody, readMultipartForm, requireMultipart } from '../http/multipart.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { explicitPreset, PREVIEW_ROWS } from './import-mapping-form.ts';
import { presetsForImport } from './import-mappings.service.ts';
import { ImportSlots, inspectInWorker, validateInWorker } from './import-workers.ts';
import { findImportBatches } from './imports.repository.ts';
import { runImport } from './imports.service.ts';
import { buildImportIssuesTable, importIssuesContext } from './issues-export.ts';
import { buildTemplate } from './templates.ts';

/** What a refused import is told to wait: about the time a large file takes to validate. */
const IMPORT_RETRY_AFTER_SECONDS = 10;

/** Files in one upload (a county's school workbooks, one per school) and their total size as a multiple of one file's. */
export const MAX_UPLOAD_FILES = 1000;
export const MAX_UPLOAD_TOTAL_FACTOR = 8;

export function createImportsRouter(deps: {
  db: Kysely<Database>;
  maxUploadBytes: number;
  /** Imports read and validated at once; more are answered 503 with Retry-After. */
  maxConcurrentImports: number;
  onDataChanged: () => void;
}): Router {
  const router = Router();
  const slots = new ImportSlots(deps.maxConcurrentImports);

  router.post(routes.importFiles.path, async (req: Request, res) => {
    const principal = requirePermission(res, 'importData');
    const { dryRun } = parseInput(ImportQuerySchema, req.query, 'query');
    await withSlot(req, res, () => importUpload(req, res, principal, dryRun));
  });

  // The column-mapping step (issue #13 point 3): what each file is; same limits and slots as an import.
  router.post(routes.inspectImportFiles.path, async (req: Request, res) => {
    const principal = requirePermission(res, 'importData');
    await withSlot(req, res, async () => {
      const { files } = await readMultipartForm(req, {
        fieldName: 'files',
        maxFileBytes: deps.maxUploadBytes,
        maxFiles: 10,
      });
      if (files.length === 0) {
        throw new HttpError(
          400,
          'ValidationFailed',
          '请上传至少一个文件（表单字段 files）/ Upload at least one file in field "files"',
        );
      }
      const mappings = await presetsForImport(deps.db, principal.access);
      sendValidated(res, routes.inspectImportFiles.response, await inspectInWorker(files, { mappings }));
    });
  });

  async function withSlot(req: Request, res: Response, work: () => Promise<void>): Promise<void> {
    requireMultipart(req);
    const release = slots.tryAcquire();
    if (!release) {
      res.setHeader('Retry-After', String(IMPORT_RETRY_AFTER_SECONDS));
      // Closing at once reset the connection of a client still sending, which then saw an error instead of the 503.
      discardRequestBody(req, deps.maxUploadBytes * MAX_UPLOAD_TOTAL_FACTOR);
      throw new HttpError(
        503,
        'ServiceUnavailable',
        `正在处理其他导入，请 ${IMPORT_RETRY_AFTER_SECONDS} 秒后重试 / Other imports are running: retry in ${IMPORT_RETRY_AFTER_SECONDS} s`,
      );
    }
    try {
      await work();
    } finally {
      release();
    }
  }

  async function importUpload(req: Request, res: Response, principal: Principal, dryRun: boolean): Promise<void> {
    const { files, fields } = await readMultipartForm(req, {
      fieldName: 'files',
      maxFileBytes: deps.maxUploadBytes,
      // A county's school workbooks are one file per school (issue #13): a few hundred at once, bounded in total.
      maxFiles: MAX_UPLOAD_FILES,
      maxTotalBytes: deps.maxUploadBytes * MAX_UPLOAD_TOTAL_FACTOR,
    });
    if (files.length === 0) {
      throw new HttpError(
        400,
        'ValidationFailed',
        '请上传至少一个文件（表单字段 files）/ Upload at least one file in field "files"',
      );
    }
    // Saved column mappings of the user's counties apply by themselves; one named or given in the form comes first.
    const explicit = await explicitPreset(deps.db, principal.access, fields);
    const saved = await presetsForImport(deps.db, principal.access);
    const report = await runImport(deps.db, files, {
      dryRun,
      source: 'api',
      allowedDistricts: principal.access.districtCodes,
      validate: validateInWorker,
      parseOptions: { mappings: explicit ? [explicit, ...saved] : saved },
      ...(explicit ? { preview: PREVIEW_ROWS } : {}),
    });
    if (report.applied) deps.onDataChanged();
    await audit(
      deps.db,
      actorOf(principal, clientIp(req)),
      'import',
      report.batchId ? `batch ${report.batchId}` : null,
      {
        dryRun,
        applied: report.applied,
        files: report.files.map((f) => f.file),
        counts: report.counts,
        errors: report.errorCount,
        warnings: report.warningCount,
        ...(explicit ? { mapping: explicit.id > 0 ? explicit.id : explicit.name } : {}),
      },
    );
    const status = report.errors.length > 0 ? 422 : 200;
    sendValidated(res, routes.importFiles.response, report, status);
  }

  // The report is not stored (a dry run writes nothing): the client sends its located issues back for the download.
  router.post(routes.exportImportIssues.path, async (req, res) => {
    requirePermission(res, 'importData');
    const { lang } = parseInput(ImportIssuesExportQuerySchema, req.query, 'query');
    const body = parseInput(ImportIssuesExportBodySchema, req.body, 'body');
    await sendTable(
      res,
      'xlsx',
      { bom: false },
      buildImportIssuesTable(body, lang),
      importIssuesContext(body, lang, new Date()),
    );
  });

  router.get(routes.listImports.path, async (_req, res) => {
    const principal = requirePermission(res, 'viewImports');
    sendValidated(res, routes.listImports.response, {
      batches: await findImportBatches(deps.db, principal.access),
    });
  });

  router.get('/api/v1/imports/templates/:file', async (req, res) => {
    const match = /^(\w+)\.(csv|xlsx)$/.exec(String(req.params.file));
    const params = parseInput(TemplateParamsSchema, { kind: match?.[1], format: match?.[2] }, 'params');
    const template = await buildTemplate(params.kind, params.format);
    res.setHeader('Content-Type', template.contentType);
    res.setHeader('Content-Disposition', encodeContentDisposition(template.fileName));
    res.send(template.body);
  });

  return router;
}
