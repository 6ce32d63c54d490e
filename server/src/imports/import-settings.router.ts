import type { Database } from '@junheng/db';
import { type CountyImportSettingsResponse, routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { clientIp } from '../auth/auth.middleware.ts';
import { actorOf, audit } from '../auth/auth.service.ts';
import { accessOf, requirePermission } from '../auth/principal.ts';
import { requireDistrict } from '../county/county.service.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { DEFAULT_COUNTY_IMPORT_SETTINGS } from './validate-import.ts';

/**
 * GET/PUT /api/v1/districts/:code/import-settings (issue #13): a county's 教学点 handling (merge into the parent school
 * or keep) and rotation eligibility years. Everyone who may see the county reads them; only an administrator within
 * their scope saves them (audited). A county outside the user's scope is a 404, as everywhere.
 */
export function createImportSettingsRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getImportSettings.path, async (req, res) => {
    const { code } = parseInput(routes.getImportSettings.params, req.params, 'params');
    const district = await requireDistrict(db, code, accessOf(res));
    sendValidated(res, routes.getImportSettings.response, await readSettings(db, district.code));
  });

  router.put(routes.putImportSettings.path, async (req, res) => {
    const { code } = parseInput(routes.putImportSettings.params, req.params, 'params');
    const principal = requirePermission(res, 'importData');
    const district = await requireDistrict(db, code, principal.access);
    const body = parseInput(routes.putImportSettings.body, req.body, 'body');
    const before = await readSettings(db, district.code);
    await db
      .insertInto('county_import_setting')
      .values({
        district_code: district.code,
        teaching_points: body.teachingPoints,
        rotation_eligible_years: body.rotationEligibleYears,
        updated_at: new Date(),
        updated_by_name: principal.username,
      })
      .onConflict((oc) =>
        oc.column('district_code').doUpdateSet({
          teaching_points: body.teachingPoints,
          rotation_eligible_years: body.rotationEligibleYears,
          updated_at: new Date(),
          updated_by_name: principal.username,
        }),
      )
      .execute();
    await audit(db, actorOf(principal, clientIp(req)), 'import_settings_saved', district.code, {
      before: { teachingPoints: before.teachingPoints, rotationEligibleYears: before.rotationEligibleYears },
      after: body,
    });
    sendValidated(res, routes.putImportSettings.response, await readSettings(db, district.code));
  });

  return router;
}

async function readSettings(db: Kysely<Database>, districtCode: string): Promise<CountyImportSettingsResponse> {
  const row = await db
    .selectFrom('county_import_setting')
    .selectAll()
    .where('district_code', '=', districtCode)
    .executeTakeFirst();
  if (!row) {
    return {
      districtCode,
      ...DEFAULT_COUNTY_IMPORT_SETTINGS,
      saved: false,
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    districtCode,
    teachingPoints: row.teaching_points,
    rotationEligibleYears: row.rotation_eligible_years,
    saved: true,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by_name,
  };
}
