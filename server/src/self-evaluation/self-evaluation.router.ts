import type { Database } from '@junheng/db';
import { DOCX_MEDIA_TYPE, routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { beginExport } from '../auth/export-audit.ts';
import { accessOf } from '../auth/principal.ts';
import { encodeContentDisposition } from '../http/content-disposition.ts';
import { parseInput } from '../http/validate.ts';
import { buildSelfEvaluationReport } from './self-evaluation.report.ts';

/** GET /api/v1/districts/:code/self-evaluation: the 自评报告 as .docx, over the user's scope, audited as an export. */
export function createSelfEvaluationRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getSelfEvaluation.path, async (req, res) => {
    const { code } = parseInput(routes.getSelfEvaluation.params, req.params, 'params');
    const query = parseInput(routes.getSelfEvaluation.query, req.query, 'query');
    // Built before the audit entry: an unknown district or year answers 404 and is no export.
    const report = await buildSelfEvaluationReport(db, code, query, accessOf(res), new Date());
    const tracker = await beginExport(res, 'docx');
    tracker.rows = report.paragraphs;
    res.setHeader('Content-Type', DOCX_MEDIA_TYPE);
    res.setHeader('Content-Disposition', encodeContentDisposition(report.fileName));
    res.setHeader('Cache-Control', 'no-store');
    tracker.written = true;
    res.send(report.docx);
  });

  return router;
}
