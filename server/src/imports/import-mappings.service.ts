import type { Database } from '@junheng/db';
import type { AccessScope, ImportMapping, ImportMappingInputParsed } from '@junheng/shared';
import { type Kysely, sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import type { ColumnMappingPreset } from './sources/source-reader.ts';

/**
 * Column-mapping presets (issue #13 point 3), scoped like the data: a user sees and uses the presets of the counties
 * in its scope (and those made for every county); it writes only presets of its own counties, and only a user
 * without a county limit makes a preset for every county.
 */

interface MappingRow {
  id: number;
  name: string;
  kind: 'schools' | 'school_stats' | 'rotations';
  signature: string[];
  columns: Record<string, string>;
  first_data_row: number | null;
  district_code: string | null;
  created_by_name: string;
  created_at: Date;
  updated_by_name: string;
  updated_at: Date;
}

const COLUMNS = [
  'id',
  'name',
  'kind',
  'signature',
  'columns',
  'first_data_row',
  'district_code',
  'created_by_name',
  'created_at',
  'updated_by_name',
  'updated_at',
] as const;

/** jsonb arrives parsed from PostgreSQL and PGlite alike; a driver that hands text back is parsed here. */
function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function toMapping(row: MappingRow): ImportMapping {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    signature: json(row.signature),
    columns: json(row.columns),
    firstDataRow: row.first_data_row,
    districtCode: row.district_code?.trim() ?? null,
    createdBy: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedBy: row.updated_by_name,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function visibleQuery(db: Kysely<Database>, access: AccessScope) {
  let query = db.selectFrom('import_mapping').select(COLUMNS);
  const districts = access.districtCodes;
  if (districts !== null) {
    query = query.where((eb) =>
      eb.or([eb('district_code', 'is', null), ...(districts.length ? [eb('district_code', 'in', districts)] : [])]),
    );
  }
  return query;
}

export async function listImportMappings(db: Kysely<Database>, access: AccessScope): Promise<ImportMapping[]> {
  const rows = await visibleQuery(db, access).orderBy('name').orderBy('id').execute();
  return rows.map((r) => toMapping(r as MappingRow));
}

/** The presets an import of this user tries on tables whose headers are not recognised. */
export async function presetsForImport(db: Kysely<Database>, access: AccessScope): Promise<ColumnMappingPreset[]> {
  return (await listImportMappings(db, access)).map(toPreset);
}

export function toPreset(
  mapping: Pick<ImportMapping, 'id' | 'name' | 'kind' | 'signature' | 'columns' | 'firstDataRow'>,
): ColumnMappingPreset {
  return {
    id: mapping.id,
    name: mapping.name,
    kind: mapping.kind,
    signature: mapping.signature,
    columns: mapping.columns,
    firstDataRow: mapping.firstDataRow,
  };
}

const notFound = (id: number) =>
  new HttpError(404, 'NotFound', `没有编号为 ${id} 的列对应预设 / No column mapping ${id}`);

/** A visible preset by id (404 otherwise: another county's preset does not exist for this user). */
export async function findImportMapping(db: Kysely<Database>, access: AccessScope, id: number): Promise<ImportMapping> {
  const row = await visibleQuery(db, access).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  return toMapping(row as MappingRow);
}

const fieldError = (field: string, message: string) =>
  new HttpError(400, 'ValidationFailed', `参数无效 / Invalid body: ${field}`, {
    in: 'body',
    fields: [{ field, message }],
  });

/** The county a preset of this user is for: in its scope; a user limited to one county may leave it out. */
async function scopeDistrict(
  db: Kysely<Database>,
  access: AccessScope,
  requested: string | null,
): Promise<string | null> {
  const allowed = access.districtCodes;
  let district = requested;
  if (district === null && allowed !== null) {
    if (allowed.length !== 1) {
      throw fieldError('districtCode', '请选择预设所属的区县 / Choose the county the mapping is for');
    }
    district = allowed[0] as string;
  }
  if (district === null) return null;
  if (allowed !== null && !allowed.includes(district)) {
    throw fieldError('districtCode', `区县 ${district} 不在您的范围内 / County ${district} is outside your scope`);
  }
  const exists = await db.selectFrom('district').select('code').where('code', '=', district).executeTakeFirst();
  if (!exists) throw fieldError('districtCode', `没有区县 ${district} / No county ${district}`);
  return district;
}

function writable(mapping: ImportMapping, access: AccessScope): boolean {
  if (access.districtCodes === null) return true;
  return mapping.districtCode !== null && access.districtCodes.includes(mapping.districtCode);
}

async function nameTaken(db: Kysely<Database>, name: string, district: string | null, exceptId: number | null) {
  let query = db
    .selectFrom('import_mapping')
    .select('id')
    .where(sql`coalesce(district_code, '')`, '=', district ?? '')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const conflict = (name: string) =>
  new HttpError(409, 'Conflict', `已有同名列对应预设：${name} / A column mapping with that name exists`);

export async function createImportMapping(
  db: Kysely<Database>,
  input: ImportMappingInputParsed,
  principal: Principal,
): Promise<ImportMapping> {
  const district = await scopeDistrict(db, principal.access, input.districtCode);
  if (await nameTaken(db, input.name, district, null)) throw conflict(input.name);
  const row = await db
    .insertInto('import_mapping')
    .values({
      name: input.name,
      kind: input.kind,
      signature: JSON.stringify(input.signature),
      columns: JSON.stringify(input.columns),
      first_data_row: input.firstDataRow,
      district_code: district,
      created_by_id: principal.userId,
      created_by_name: principal.username,
      updated_by_name: principal.username,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toMapping(row as MappingRow);
}

export async function updateImportMapping(
  db: Kysely<Database>,
  id: number,
  input: ImportMappingInputParsed,
  principal: Principal,
): Promise<ImportMapping> {
  const current = await findImportMapping(db, principal.access, id);
  if (!writable(current, principal.access)) {
    throw new HttpError(403, 'Forbidden', '只能修改您范围内区县的预设 / Only presets of your counties can be changed');
  }
  const district = await scopeDistrict(db, principal.access, input.districtCode ?? current.districtCode);
  if (await nameTaken(db, input.name, district, id)) throw conflict(input.name);
  const row = await db
    .updateTable('import_mapping')
    .set({
      name: input.name,
      kind: input.kind,
      signature: JSON.stringify(input.signature),
      columns: JSON.stringify(input.columns),
      first_data_row: input.firstDataRow,
      district_code: district,
      updated_by_name: principal.username,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toMapping(row as MappingRow);
}

export async function deleteImportMapping(
  db: Kysely<Database>,
  id: number,
  principal: Principal,
): Promise<ImportMapping> {
  const current = await findImportMapping(db, principal.access, id);
  if (!writable(current, principal.access)) {
    throw new HttpError(403, 'Forbidden', '只能删除您范围内区县的预设 / Only presets of your counties can be deleted');
  }
  await db.deleteFrom('import_mapping').where('id', '=', id).execute();
  return current;
}
