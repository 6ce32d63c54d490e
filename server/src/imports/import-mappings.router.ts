import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { clientIp } from '../auth/auth.middleware.ts';
import { actorOf, audit } from '../auth/auth.service.ts';
import { requirePermission } from '../auth/principal.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import {
  createImportMapping,
  deleteImportMapping,
  listImportMappings,
  updateImportMapping,
} from './import-mappings.service.ts';

/**
 * Column-mapping presets (issue #13 point 3): read by whoever may see the import history, written by whoever may
 * import; every write is in the audit log.
 */
export function createImportMappingsRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.listImportMappings.path, async (_req, res) => {
    const principal = requirePermission(res, 'viewImports');
    sendValidated(res, routes.listImportMappings.response, {
      mappings: await listImportMappings(db, principal.access),
    });
  });

  router.post(routes.createImportMapping.path, async (req, res) => {
    const principal = requirePermission(res, 'importData');
    const body = parseInput(routes.createImportMapping.body, req.body, 'body');
    const mapping = await createImportMapping(db, body, principal);
    await audit(db, actorOf(principal, clientIp(req)), 'import_mapping_created', String(mapping.id), {
      name: mapping.name,
      kind: mapping.kind,
      district: mapping.districtCode,
      columns: mapping.columns,
    });
    sendValidated(res, routes.createImportMapping.response, mapping, 201);
  });

  router.put(routes.updateImportMapping.path, async (req, res) => {
    const principal = requirePermission(res, 'importData');
    const { id } = parseInput(routes.updateImportMapping.params, req.params, 'params');
    const body = parseInput(routes.updateImportMapping.body, req.body, 'body');
    const mapping = await updateImportMapping(db, id, body, principal);
    await audit(db, actorOf(principal, clientIp(req)), 'import_mapping_updated', String(id), {
      name: mapping.name,
      kind: mapping.kind,
      district: mapping.districtCode,
      columns: mapping.columns,
    });
    sendValidated(res, routes.updateImportMapping.response, mapping);
  });

  router.delete(routes.deleteImportMapping.path, async (req, res) => {
    const principal = requirePermission(res, 'importData');
    const { id } = parseInput(routes.deleteImportMapping.params, req.params, 'params');
    const deleted = await deleteImportMapping(db, id, principal);
    await audit(db, actorOf(principal, clientIp(req)), 'import_mapping_deleted', String(id), {
      name: deleted.name,
      district: deleted.districtCode,
    });
    sendValidated(res, routes.deleteImportMapping.response, { deleted: true });
  });

  return router;
}
