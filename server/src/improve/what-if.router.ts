import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { runWhatIf } from './improve.service.ts';

/** POST what-if: the 资源配置 report after the changes asked, computed on a copy (nothing is written). */
export function createWhatIfRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.post(routes.postWhatIf.path, async (req, res) => {
    const { code } = parseInput(routes.postWhatIf.params, req.params, 'params');
    const { year } = parseInput(routes.postWhatIf.query, req.query, 'query');
    const request = parseInput(routes.postWhatIf.body, req.body, 'body');
    const body = await runWhatIf(db, code, year, request, accessOf(res));
    // As for imports: a rejected change is 422 with the full answer, so the caller sees each change's error.
    sendValidated(res, routes.postWhatIf.response, body, body.valid ? 200 : 422);
  });

  return router;
}
