import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { clientIp } from '../auth/auth.middleware.ts';
import { actorOf, audit } from '../auth/auth.service.ts';
import { accessOf, requirePermission } from '../auth/principal.ts';
import { labelCountyYear } from '../export/report-labels.ts';
import { sendReport } from '../export/send-report.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { getDistanceToPass, runWhatIf } from '../improve/improve.service.ts';
import { buildPlanTable, buildShortfallTable } from '../improve/improve.tables.ts';
import { getCountyInputs, getScorecard, putCountyInputs } from '../scorecard/scorecard.service.ts';
import { buildCountyInputsTable, buildScorecardTable } from '../scorecard/scorecard.tables.ts';

/** Scorecard and county-year inputs, distance to pass, what-if. */
export function createPlanningRouter(db: Kysely<Database>, onDataChanged: () => void = () => {}): Router {
  const router = Router();

  router.get(routes.getScorecard.path, async (req, res) => {
    const { code } = parseInput(routes.getScorecard.params, req.params, 'params');
    const query = parseInput(routes.getScorecard.query, req.query, 'query');
    const body = await getScorecard(db, code, query, accessOf(res));
    await sendReport(res, query, {
      schema: routes.getScorecard.response,
      body,
      labels: (lang) => labelCountyYear(body, null, lang),
      table: (lang) => buildScorecardTable(body, lang),
    });
  });

  router.get(routes.getCountyInputs.path, async (req, res) => {
    const { code } = parseInput(routes.getCountyInputs.params, req.params, 'params');
    const query = parseInput(routes.getCountyInputs.query, req.query, 'query');
    const body = await getCountyInputs(db, code, query.year, accessOf(res));
    await sendReport(res, query, {
      schema: routes.getCountyInputs.response,
      body,
      labels: (lang) => labelCountyYear(body, null, lang),
      table: (lang) => buildCountyInputsTable(body, lang),
    });
  });

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

  router.get(routes.getDistanceToPass.path, async (req, res) => {
    const { code } = parseInput(routes.getDistanceToPass.params, req.params, 'params');
    const query = parseInput(routes.getDistanceToPass.query, req.query, 'query');
    const body = await getDistanceToPass(db, code, query, accessOf(res));
    const report = {
      schema: routes.getDistanceToPass.response,
      body,
      labels: (lang: 'zh' | 'en') => labelCountyYear(body, query.stage, lang),
    };
    if (query.table === 'plans') {
      await sendReport(res, query, { ...report, table: (lang) => buildPlanTable(body, lang) });
    } else {
      await sendReport(res, query, { ...report, table: (lang) => buildShortfallTable(body, lang) });
    }
  });

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
