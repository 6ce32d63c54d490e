import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { clientIp } from '../auth/auth.middleware.ts';
import { actorOf, audit } from '../auth/auth.service.ts';
import { requirePermission } from '../auth/principal.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { putCountyInputs } from './scorecard.service.ts';

/** PUT of the county-year inputs (the GET is a report, `scorecard.report.ts`). */
export function createCountyInputsRouter(db: Kysely<Database>, onDataChanged: () => void = () => {}): Router {
  const router = Router();

  router.put(routes.putCountyInputs.path, async (req, res) => {
    const { code } = parseInput(routes.putCountyInputs.params, req.params, 'params');
    const principal = requirePermission(res, 'editInputs');
    const query = parseInput(routes.putCountyInputs.query, req.query, 'query');
    // The body is parsed in the service (parseCountyInputsUpdate) so that unknown keys are named one by one.
    const body = await putCountyInputs(db, code, query.year, req.body, principal.access, {
      id: principal.userId,
      name: principal.username,
    });
    onDataChanged();
    await audit(db, actorOf(principal, clientIp(req)), 'inputs_saved', `${code}/${query.year}`, {
      items: body.items.filter((i) => i.value !== null).length,
    });
    sendValidated(res, routes.putCountyInputs.response, body);
  });

  return router;
}
