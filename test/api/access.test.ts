import { loadDemoCountyIfEmpty } from '@junheng/server';
import { ApiErrorSchema, MeResponseSchema, type Role, routes } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSmallCounty, SMALL_DISTRICT, SMALL_SCHOOLS } from '../fixtures/small-county.ts';
import { createTokenUser, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const DEMO = '330999';
const TOWNSHIP = '330999101';
/** Two of the demo city's other counties (澄江区, 云岭县), loaded with the demo. */
const PEER = '330991';
const OTHER_PEER = '330992';
type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'analyst', 'admin'];
const EVERYONE: Role[] = ['viewer', 'analyst', 'admin'];

interface Probe {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: (caller: Caller) => unknown;
  form?: boolean;
  allowed: Role[];
}

/**
 * Every endpoint of the route table × every role, and no session: allowed answers 2xx, a role without the
 * permission 403, no session 401. A route missing here fails the test, so a new endpoint cannot skip the matrix.
 */
// One demo school as it already is: a valid dry run that writes nothing.
const stats =
  '学校标识码,学校名称,区县代码,区县名称,乡镇代码,乡镇名称,城乡分类代码,办学类型,办学性质,是否寄宿制\n' +
  '2133990101,澄川县实验小学,330999,澄川县,330999001,城东街道,111,小学,公办,否\n';
/** A column-mapping preset of rotations (issue #13) for the demo county. */
const mappingBody = (name: string) => ({
  name,
  kind: 'rotations',
  signature: ['年', '编号', '派出', '接收', '骨干'],
  columns: { year: '年', teacher_ref: '编号', from_school_code: '派出', to_school_code: '接收', backbone: '骨干' },
  districtCode: DEMO,
});
const MATRIX: Record<Exclude<keyof typeof routes, 'health' | 'login'>, Probe> = {
  listDistricts: { method: 'GET', path: '/api/v1/districts', allowed: EVERYONE },
  importFiles: { method: 'POST', path: '/api/v1/imports?dryRun=true', form: true, allowed: ['admin'] },
  listImports: { method: 'GET', path: '/api/v1/imports', allowed: ['analyst', 'admin'] },
  exportImportIssues: {
    method: 'POST',
    path: '/api/v1/imports/issues',
    body: () => ({
      errors: [{ file: 'a.csv', row: 2, column: '年度', value: 'x', message: '不是整数' }],
      warnings: [],
    }),
    allowed: ['admin'],
  },
  getBalance: { method: 'GET', path: `/api/v1/districts/${DEMO}/balance?year=2024&stage=primary`, allowed: EVERYONE },
  getBasicBalance: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/basic-balance?year=2024&stage=junior&format=csv`,
    allowed: EVERYONE,
  },
  getRankings: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/rankings?year=2024&stage=primary&indicator=books_per_student&format=xlsx`,
    allowed: EVERYONE,
  },
  getBalanceSummary: { method: 'GET', path: '/api/v1/balance-summary?stage=primary', allowed: EVERYONE },
  getFilingTables: { method: 'GET', path: `/api/v1/districts/${DEMO}/filing-tables?year=2024`, allowed: EVERYONE },
  getCountyComparison: {
    method: 'GET',
    path: '/api/v1/county-comparison?stage=primary&format=xlsx',
    allowed: EVERYONE,
  },
  exportDistrictStats: { method: 'GET', path: `/api/v1/districts/${DEMO}/school-stats?from=2025`, allowed: EVERYONE },
  exportAllStats: { method: 'GET', path: '/api/v1/school-stats?from=2025', allowed: EVERYONE },
  getUrbanRural: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/urban-rural?year=2024&stage=primary`,
    allowed: EVERYONE,
  },
  getDecomposition: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/decomposition?year=2024&stage=primary&indicator=books_per_student`,
    allowed: EVERYONE,
  },
  getEquity: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/equity?year=2024&stage=primary&indicator=books_per_student`,
    allowed: EVERYONE,
  },
  getTeacherExchange: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/teacher-exchange?year=2024`,
    allowed: EVERYONE,
  },
  getClassSize: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/class-size?year=2024&stage=primary&format=csv`,
    allowed: EVERYONE,
  },
  getTrends: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/trends?stage=primary&indicator=books_per_student`,
    allowed: EVERYONE,
  },
  getSchoolProfile: { method: 'GET', path: '/api/v1/schools/SCHOOL_IN_SCOPE', allowed: EVERYONE },
  getSchoolComparison: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/school-comparison?year=2024&stage=primary&schools=SCHOOL_IN_SCOPE`,
    allowed: EVERYONE,
  },
  getComparableSchools: {
    method: 'GET',
    path: '/api/v1/schools/SCHOOL_IN_SCOPE/comparable?year=2024&stage=primary',
    allowed: EVERYONE,
  },
  getSchoolSources: { method: 'GET', path: '/api/v1/schools/SCHOOL_IN_SCOPE/sources?year=2024', allowed: EVERYONE },
  exportDataCheck: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/data-check?year=2024&format=csv`,
    allowed: EVERYONE,
  },
  getComparableCounties: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/comparable?year=2024&stage=primary`,
    allowed: EVERYONE,
  },
  getYearOverYear: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/year-over-year?year=2024&stage=primary&format=xlsx`,
    allowed: EVERYONE,
  },
  getScorecard: { method: 'GET', path: `/api/v1/districts/${DEMO}/scorecard?year=2024`, allowed: EVERYONE },
  getCountyInputs: { method: 'GET', path: `/api/v1/districts/${DEMO}/inputs?year=2024`, allowed: EVERYONE },
  putCountyInputs: {
    method: 'PUT',
    path: `/api/v1/districts/${DEMO}/inputs?year=2024`,
    body: () => ({}),
    allowed: ['admin'],
  },
  getImportSettings: { method: 'GET', path: `/api/v1/districts/${DEMO}/import-settings`, allowed: EVERYONE },
  putImportSettings: {
    method: 'PUT',
    path: `/api/v1/districts/${DEMO}/import-settings`,
    body: () => ({ teachingPoints: 'merge', rotationEligibleYears: 6 }),
    allowed: ['admin'],
  },
  getSelfEvaluation: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/self-evaluation?year=2024`,
    allowed: EVERYONE,
  },
  getDistanceToPass: {
    method: 'GET',
    path: `/api/v1/districts/${DEMO}/distance-to-pass?year=2024&stage=primary`,
    allowed: EVERYONE,
  },
  postWhatIf: {
    method: 'POST',
    path: `/api/v1/districts/${DEMO}/what-if?year=2024`,
    body: () => ({ changes: [] }),
    allowed: EVERYONE,
  },
  listSavedViews: { method: 'GET', path: '/api/v1/saved-views', allowed: EVERYONE },
  createSavedView: {
    method: 'POST',
    path: '/api/v1/saved-views',
    body: (caller) => ({ name: `matrix-${caller}`, path: '/balance', search: '?year=2024' }),
    allowed: EVERYONE,
  },
  deleteSavedView: { method: 'DELETE', path: '/api/v1/saved-views/OWN_VIEW', allowed: EVERYONE },
  listNotes: { method: 'GET', path: `/api/v1/districts/${DEMO}/notes?year=2024`, allowed: EVERYONE },
  createNote: {
    method: 'POST',
    path: `/api/v1/districts/${DEMO}/notes`,
    body: () => ({ year: 2024, body: 'matrix' }),
    allowed: ['admin', 'analyst'],
  },
  deleteNote: { method: 'DELETE', path: `/api/v1/districts/${DEMO}/notes/OWN_NOTE`, allowed: ['admin', 'analyst'] },
  inspectImportFiles: { method: 'POST', path: '/api/v1/imports/inspect', form: true, allowed: ['admin'] },
  listImportMappings: { method: 'GET', path: '/api/v1/import-mappings', allowed: ['analyst', 'admin'] },
  createImportMapping: {
    method: 'POST',
    path: '/api/v1/import-mappings',
    body: (caller) => mappingBody(`matrix-${caller}`),
    allowed: ['admin'],
  },
  updateImportMapping: {
    method: 'PUT',
    path: '/api/v1/import-mappings/OWN_MAPPING',
    body: (caller) => mappingBody(`matrix-changed-${caller}`),
    allowed: ['admin'],
  },
  deleteImportMapping: { method: 'DELETE', path: '/api/v1/import-mappings/OWN_MAPPING', allowed: ['admin'] },
  logout: { method: 'POST', path: '/api/v1/auth/logout', allowed: EVERYONE },
  me: { method: 'GET', path: '/api/v1/auth/me', allowed: EVERYONE },
  listTokens: { method: 'GET', path: '/api/v1/auth/tokens', allowed: EVERYONE },
  createToken: { method: 'POST', path: '/api/v1/auth/tokens', body: () => ({ name: 'matrix' }), allowed: EVERYONE },
  revokeToken: { method: 'DELETE', path: '/api/v1/auth/tokens/OWN_TOKEN', allowed: EVERYONE },
  listUsers: { method: 'GET', path: '/api/v1/admin/users', allowed: ['admin'] },
  createUser: {
    method: 'POST',
    path: '/api/v1/admin/users',
    body: (caller) => ({ username: `made-by-${caller}`, password: 'a-long-password', role: 'analyst' }),
    allowed: ['admin'],
  },
  updateUser: {
    method: 'PUT',
    path: '/api/v1/admin/users/TARGET_USER',
    body: () => ({ role: 'analyst' }),
    allowed: ['admin'],
  },
  getAudit: { method: 'GET', path: '/api/v1/admin/audit?format=csv', allowed: ['admin'] },
};

describe(`access control (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const tokens = {} as Record<Role, string>;
  let schoolInScope = '';
  let targetUserId = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db, { demo: true });
    app = await startTestApp(database.db);
    for (const role of EVERYONE) {
      tokens[role] = (
        await createTokenUser(database.db, role, role === 'viewer' ? { townships: [TOWNSHIP] } : {})
      ).token;
    }
    const target = await createTokenUser(database.db, 'viewer', { townships: [TOWNSHIP] });
    const users = (await (await app.fetch(`${app.baseUrl}/api/v1/admin/users`)).json()) as {
      users: { id: number; username: string }[];
    };
    targetUserId = users.users.find((u) => u.username === target.username)?.id as number;
    const ranking = (await (
      await app.fetch(
        `${app.baseUrl}/api/v1/districts/${DEMO}/rankings?year=2024&stage=primary&indicator=books_per_student&township=${TOWNSHIP}`,
      )
    ).json()) as { rows: { code: string }[] };
    schoolInScope = ranking.rows[0]?.code as string;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = async (caller: Caller, probe: Probe) => {
    const headers = new Headers();
    if (caller !== 'anonymous') headers.set('Authorization', `Bearer ${tokens[caller]}`);
    let path = probe.path.replace('SCHOOL_IN_SCOPE', schoolInScope).replace('TARGET_USER', String(targetUserId));
    if (path.includes('OWN_TOKEN')) {
      // Each caller revokes a token of its own (anonymous: any id, it must not get that far).
      let id = 1;
      if (caller !== 'anonymous') {
        const res = await fetch(`${app.baseUrl}/api/v1/auth/tokens`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokens[caller]}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'to-revoke' }),
        });
        id = ((await res.json()) as { token: { id: number } }).token.id;
      }
      path = path.replace('OWN_TOKEN', String(id));
    }
    // Each caller deletes a saved view / a note of its own (the others: any id, they must not get that far).
    const ownId = async (placeholder: string, url: string, payload: unknown) => {
      if (!path.includes(placeholder)) return;
      let id = 1;
      if (caller === 'admin' || caller === 'analyst' || (caller === 'viewer' && placeholder === 'OWN_VIEW')) {
        const res = await fetch(`${app.baseUrl}${url}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokens[caller]}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        });
        id = ((await res.json()) as { id: number }).id;
      }
      path = path.replace(placeholder, String(id));
    };
    await ownId('OWN_VIEW', '/api/v1/saved-views', { name: `to-delete-${caller}`, path: '/balance', search: '' });
    await ownId('OWN_NOTE', `/api/v1/districts/${DEMO}/notes`, { year: 2024, body: `to delete (${caller})` });
    if (path.includes('OWN_MAPPING')) {
      let id = 1;
      if (caller === 'admin') {
        const res = await fetch(`${app.baseUrl}/api/v1/import-mappings`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokens[caller]}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(mappingBody(`to-change-${probe.method}`)),
        });
        id = ((await res.json()) as { id: number }).id;
      }
      path = path.replace('OWN_MAPPING', String(id));
    }
    let body: BodyInit | undefined;
    if (probe.form) {
      const form = new FormData();
      form.append('files', new Blob([stats]), 'schools.csv');
      body = form;
    } else if (probe.body) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(probe.body(caller));
    }
    const res = await fetch(`${app.baseUrl}${path}`, { method: probe.method, headers, ...(body ? { body } : {}) });
    return { status: res.status, text: await res.text() };
  };

  it('should list every endpoint of the route table in the matrix', () => {
    const covered = new Set([...Object.keys(MATRIX), 'health', 'login']);
    expect(Object.keys(routes).filter((key) => !covered.has(key))).toEqual([]);
  });

  for (const [key, probe] of Object.entries(MATRIX)) {
    it(`${key}: ${probe.method} ${probe.path.split('?')[0]} allowed for ${probe.allowed.join(', ')} only`, async () => {
      for (const caller of CALLERS) {
        const { status, text } = await call(caller, probe);
        const context = `${caller} → ${status} ${text.slice(0, 160)}`;
        if (caller === 'anonymous') {
          expect(status, context).toBe(401);
        } else if (probe.allowed.includes(caller)) {
          expect(status, context).toBeGreaterThanOrEqual(200);
          expect(status, context).toBeLessThan(300);
        } else {
          expect(status, context).toBe(403);
          expect(ApiErrorSchema.parse(JSON.parse(text)).error.code).toBe('Forbidden');
        }
      }
    });
  }

  it('should answer 401 for every unknown path under /api/v1 without a session, and keep health and docs public', async () => {
    expect((await fetch(`${app.baseUrl}/api/v1/nope`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/v1/imports/templates/schools.csv`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/openapi.json`)).status).toBe(200);
    expect(
      (await fetch(`${app.baseUrl}/api/v1/districts`, { headers: { Authorization: 'Bearer jh_forged' } })).status,
    ).toBe(401);
  });

  it('should hide another district from a district-scoped user as if it did not exist', async () => {
    const scoped = await app.as('analyst', { districtCode: DEMO });
    const list = (await (await scoped(`${app.baseUrl}/api/v1/districts`)).json()) as { code: string }[];
    expect(list.map((d) => d.code)).toEqual([DEMO]);
    const other = await scoped(
      `${app.baseUrl}/api/v1/districts/${SMALL_DISTRICT.code}/balance?year=2024&stage=primary`,
    );
    const missing = await scoped(`${app.baseUrl}/api/v1/districts/999999/balance?year=2024&stage=primary`);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(ApiErrorSchema.parse(await other.json()).error.code).toBe('DistrictNotFound');
    const school = await scoped(`${app.baseUrl}/api/v1/schools/${SMALL_SCHOOLS[0]?.schoolCode}`);
    expect(school.status).toBe(404);
    const all = await (await scoped(`${app.baseUrl}/api/v1/school-stats?format=csv&bom=false`)).text();
    expect(all).not.toContain(SMALL_DISTRICT.code);
    expect(all).toContain(DEMO);
  });

  it('should list only the import batches that hold rows a district-scoped user may see', async () => {
    type Batches = { batches: { id: number; source: string }[] };
    const all = (await (await app.fetch(`${app.baseUrl}/api/v1/imports`)).json()) as Batches;
    const scoped = await app.as('analyst', { districtCode: SMALL_DISTRICT.code });
    const mine = (await (await scoped(`${app.baseUrl}/api/v1/imports`)).json()) as Batches;
    expect(all.batches.map((b) => b.source).sort()).toEqual(['cli', 'demo']);
    expect(mine.batches.map((b) => b.source)).toEqual(['cli']);
  });

  it('should reject a district-scoped administrator’s import of another district, row by row, and write nothing', async () => {
    const scopedAdmin = await app.as('admin', { districtCode: DEMO });
    const form = new FormData();
    const header = '学校标识码,学校名称,区县代码,区县名称,乡镇代码,乡镇名称,城乡分类代码,办学类型,办学性质,是否寄宿制';
    const row = `2111990199,新学校,${SMALL_DISTRICT.code},${SMALL_DISTRICT.name},${SMALL_SCHOOLS[0]?.townshipCode},某镇,121,小学,公办,否`;
    form.append('files', new Blob([`${header}\n${row}\n`]), 'schools.csv');
    const res = await scopedAdmin(`${app.baseUrl}/api/v1/imports`, { method: 'POST', body: form });
    const body = (await res.json()) as { applied: boolean; errors: { row: number; column: string; message: string }[] };
    expect(res.status).toBe(422);
    expect(body.applied).toBe(false);
    expect(body.errors).toContainEqual(
      expect.objectContaining({ row: 2, column: '区县代码', message: expect.stringContaining('不属于您可管理的区县') }),
    );
  });

  it('should confine a district-scoped administrator to its district: users, tokens, audit entries and imports', async () => {
    const scopedAdmin = await createTokenUser(database.db, 'admin', { districtCode: DEMO });
    const local = await createTokenUser(database.db, 'analyst', { districtCode: DEMO });
    const foreign = await createTokenUser(database.db, 'analyst', { districtCode: SMALL_DISTRICT.code });
    const as = (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${scopedAdmin.token}`);
      if (init.json !== undefined) headers.set('Content-Type', 'application/json');
      return fetch(`${app.baseUrl}/api/v1${path}`, {
        ...init,
        headers,
        ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      });
    };
    const everyone = (await (await app.fetch(`${app.baseUrl}/api/v1/admin/users`)).json()) as {
      users: { id: number; username: string; districtCodes: string[] | null }[];
    };
    const idOf = (name: string) => everyone.users.find((u) => u.username === name)?.id as number;
    const selfId = idOf(scopedAdmin.username);
    const unrestrictedAdmin = everyone.users.find((u) => u.districtCodes === null && u.username.startsWith('admin-'));
    const foreignTokens = (await (await app.fetch(`${app.baseUrl}/api/v1/auth/tokens?all=true`)).json()) as {
      tokens: { id: number; username: string }[];
    };
    const foreignTokenId = foreignTokens.tokens.find((t) => t.username === foreign.username)?.id;

    // [request, expected status]: the rows the access matrix adds for a district-scoped administrator.
    const rows: [string, () => Promise<Response>, number][] = [
      [
        'create an unrestricted admin',
        () =>
          as('/admin/users', {
            method: 'POST',
            json: { username: 'root2', password: 'a-long-password', role: 'admin' },
          }),
        403,
      ],
      [
        'create a user of another district',
        () =>
          as('/admin/users', {
            method: 'POST',
            json: {
              username: 'x-other',
              password: 'a-long-password',
              role: 'analyst',
              districtCodes: [SMALL_DISTRICT.code],
            },
          }),
        403,
      ],
      [
        'create a user of its own district',
        () =>
          as('/admin/users', {
            method: 'POST',
            json: { username: 'x-local', password: 'a-long-password', role: 'admin', districtCodes: [DEMO] },
          }),
        201,
      ],
      [
        'clear its own district',
        () => as(`/admin/users/${selfId}`, { method: 'PUT', json: { districtCodes: null } }),
        403,
      ],
      [
        'widen a local user to all districts',
        () => as(`/admin/users/${idOf(local.username)}`, { method: 'PUT', json: { districtCodes: null } }),
        403,
      ],
      [
        'change a user of another district',
        () => as(`/admin/users/${idOf(foreign.username)}`, { method: 'PUT', json: { disabled: true } }),
        404,
      ],
      [
        'change the unrestricted admin',
        () => as(`/admin/users/${unrestrictedAdmin?.id}`, { method: 'PUT', json: { disabled: true } }),
        404,
      ],
      [
        'mint a token for a user of another district',
        () => as('/auth/tokens', { method: 'POST', json: { username: foreign.username } }),
        404,
      ],
      [
        'mint a token for the unrestricted admin',
        () => as('/auth/tokens', { method: 'POST', json: { username: unrestrictedAdmin?.username } }),
        404,
      ],
      [
        'mint a token for a local user',
        () => as('/auth/tokens', { method: 'POST', json: { username: local.username } }),
        201,
      ],
      ['revoke a token of another district', () => as(`/auth/tokens/${foreignTokenId}`, { method: 'DELETE' }), 404],
      [
        'save the import settings of its own district',
        () =>
          as(`/districts/${DEMO}/import-settings`, {
            method: 'PUT',
            json: { teachingPoints: 'keep', rotationEligibleYears: 5 },
          }),
        200,
      ],
      [
        'save the import settings of another district',
        () =>
          as(`/districts/${SMALL_DISTRICT.code}/import-settings`, {
            method: 'PUT',
            json: { teachingPoints: 'keep', rotationEligibleYears: 5 },
          }),
        404,
      ],
      [
        'read the import settings of another district',
        () => as(`/districts/${SMALL_DISTRICT.code}/import-settings`),
        404,
      ],
    ];
    const outcomes = [];
    for (const [what, send, expected] of rows) outcomes.push([what, (await send()).status, expected]);
    expect(outcomes.filter(([, status, expected]) => status !== expected)).toEqual([]);

    // Lists: only users, tokens and audit entries of its district.
    const users = (await (await as('/admin/users')).json()) as {
      users: { username: string; districtCodes: string[] | null }[];
    };
    expect(users.users.map((u) => u.districtCodes)).toEqual(users.users.map(() => [DEMO]));
    expect(users.users.map((u) => u.username)).toEqual(
      expect.arrayContaining([scopedAdmin.username, local.username, 'x-local']),
    );
    const tokens = (await (await as('/auth/tokens?all=true')).json()) as { tokens: { username: string }[] };
    const localNames = new Set(users.users.map((u) => u.username));
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.filter((t) => !localNames.has(t.username))).toEqual([]);
    const audit = (await (await as('/admin/audit?limit=1000')).json()) as { entries: { username: string | null }[] };
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries.filter((e) => !localNames.has(e.username ?? ''))).toEqual([]);
    const all = (await (await app.fetch(`${app.baseUrl}/api/v1/admin/audit?limit=1000`)).json()) as {
      entries: unknown[];
    };
    expect(all.entries.length).toBeGreaterThan(audit.entries.length);

    // An import may not move a school of another district into its own: a located error, nothing written.
    const school = SMALL_SCHOOLS[0]?.schoolCode as string;
    const header = '学校标识码,学校名称,区县代码,区县名称,乡镇代码,乡镇名称,城乡分类代码,办学类型,办学性质,是否寄宿制';
    const form = new FormData();
    form.append(
      'files',
      new Blob([`${header}\n${school},搬来的学校,${DEMO},澄川县,330999001,城东街道,111,小学,公办,否\n`]),
      'schools.csv',
    );
    const res = await as('/imports', { method: 'POST', body: form });
    const body = (await res.json()) as { applied: boolean; errors: { row: number; column: string; message: string }[] };
    expect(res.status).toBe(422);
    expect(body.applied).toBe(false);
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: '学校标识码',
        message: expect.stringContaining(`现属区县 ${SMALL_DISTRICT.code}`),
      }),
    );
    const stored = await database.db
      .selectFrom('school')
      .select('district_code')
      .where('code', '=', school)
      .executeTakeFirst();
    expect(stored?.district_code).toBe(SMALL_DISTRICT.code);
  });
});

describe(`multi-county scope: a user limited to a set of counties (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const schoolOf = async (district: string) =>
    (
      await database.db
        .selectFrom('school')
        .select('code')
        .where('district_code', '=', district)
        .orderBy('code')
        .executeTakeFirstOrThrow()
    ).code;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadSmallCounty(database.db, { demo: true });
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should show the counties of the set and answer 404 for every other, in every kind of read', async () => {
    const city = await app.as('analyst', { districtCodes: [DEMO, PEER] });
    const get = (path: string) => city(`${app.baseUrl}/api/v1${path}`);
    const list = (await (await get('/districts')).json()) as { code: string }[];
    expect(list.map((d) => d.code).sort()).toEqual([PEER, DEMO]);

    // [what, path, expected status]: the access-matrix rows of a multi-county user.
    const rows: [string, string, number][] = [
      ['balance of a county in the set', `/districts/${DEMO}/balance?year=2024&stage=primary`, 200],
      ['balance of the other county in the set', `/districts/${PEER}/balance?year=2024&stage=primary`, 200],
      [
        'balance of a county of the same city outside the set',
        `/districts/${OTHER_PEER}/balance?year=2024&stage=primary`,
        404,
      ],
      ['balance of a county of another city', `/districts/${SMALL_DISTRICT.code}/balance?year=2024&stage=primary`, 404],
      ['trends outside the set', `/districts/${OTHER_PEER}/trends?stage=primary&indicator=books_per_student`, 404],
      ['school stats export outside the set', `/districts/${OTHER_PEER}/school-stats`, 404],
      ['a school in the set', `/schools/${await schoolOf(PEER)}`, 200],
      ['a school outside the set', `/schools/${await schoolOf(OTHER_PEER)}`, 404],
      ['a school of another city', `/schools/${SMALL_SCHOOLS[0]?.schoolCode}`, 404],
    ];
    const outcomes = [];
    for (const [what, path, expected] of rows) outcomes.push([what, (await get(path)).status, expected]);
    expect(outcomes.filter(([, status, expected]) => status !== expected)).toEqual([]);

    // Lists are filtered in the query: the summary, the comparison and the bulk export name only the set.
    const summary = (await (await get('/balance-summary?stage=primary')).json()) as {
      rows: { districtCode: string }[];
    };
    expect([...new Set(summary.rows.map((r) => r.districtCode))].sort()).toEqual([PEER, DEMO]);
    const comparison = (await (await get('/county-comparison?stage=primary')).json()) as {
      rows: { districtCode: string }[];
      cities: { code: string; counties: number }[];
    };
    expect(comparison.rows.map((r) => r.districtCode)).toEqual([PEER, DEMO]);
    expect(comparison.cities).toEqual([expect.objectContaining({ code: '3309', counties: 2 })]);
    const all = await (await get('/school-stats?format=csv&bom=false')).text();
    const otherSchool = await schoolOf(OTHER_PEER);
    expect(all).toContain(await schoolOf(PEER));
    expect(all).not.toContain(otherSchool);
    expect(all).not.toContain(SMALL_DISTRICT.code);
  });

  it('should confine an administrator of a set of counties: it manages only users within the set and grants no wider scope', async () => {
    const cityAdmin = await createTokenUser(database.db, 'admin', { districtCodes: [DEMO, PEER] });
    const narrower = await createTokenUser(database.db, 'analyst', { districtCodes: [PEER] });
    const straddling = await createTokenUser(database.db, 'analyst', { districtCodes: [PEER, OTHER_PEER] });
    const as = (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${cityAdmin.token}`);
      if (init.json !== undefined) headers.set('Content-Type', 'application/json');
      return fetch(`${app.baseUrl}/api/v1${path}`, {
        ...init,
        headers,
        ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      });
    };
    const everyone = (await (await app.fetch(`${app.baseUrl}/api/v1/admin/users`)).json()) as {
      users: { id: number; username: string }[];
    };
    const idOf = (name: string) => everyone.users.find((u) => u.username === name)?.id as number;
    const user = (name: string, districtCodes: string[] | null) => ({
      username: name,
      password: 'a-long-password',
      role: 'analyst',
      ...(districtCodes ? { districtCodes } : {}),
    });
    const rows: [string, () => Promise<Response>, number][] = [
      [
        'create a user of the whole set',
        () => as('/admin/users', { method: 'POST', json: user('c-set', [PEER, DEMO]) }),
        201,
      ],
      [
        'create a user of one county of the set',
        () => as('/admin/users', { method: 'POST', json: user('c-one', [PEER]) }),
        201,
      ],
      ['create an unrestricted user', () => as('/admin/users', { method: 'POST', json: user('c-all', null) }), 403],
      [
        'create a user reaching a county outside the set',
        () => as('/admin/users', { method: 'POST', json: user('c-wide', [PEER, OTHER_PEER]) }),
        403,
      ],
      [
        'widen a user of one county to a county outside the set',
        () =>
          as(`/admin/users/${idOf(narrower.username)}`, { method: 'PUT', json: { districtCodes: [PEER, OTHER_PEER] } }),
        403,
      ],
      [
        'narrow a user of one county to the other county of the set',
        () => as(`/admin/users/${idOf(narrower.username)}`, { method: 'PUT', json: { districtCodes: [DEMO] } }),
        200,
      ],
      [
        'widen its own scope to every county',
        () => as(`/admin/users/${idOf(cityAdmin.username)}`, { method: 'PUT', json: { districtCodes: null } }),
        403,
      ],
      [
        'change a user that straddles the set',
        () => as(`/admin/users/${idOf(straddling.username)}`, { method: 'PUT', json: { disabled: true } }),
        404,
      ],
      [
        'mint a token for a user that straddles the set',
        () => as('/auth/tokens', { method: 'POST', json: { username: straddling.username } }),
        404,
      ],
      ['an empty set of counties', () => as('/admin/users', { method: 'POST', json: user('c-none', []) }), 400],
    ];
    const outcomes = [];
    for (const [what, send, expected] of rows) outcomes.push([what, (await send()).status, expected]);
    expect(outcomes.filter(([, status, expected]) => status !== expected)).toEqual([]);

    const listed = (await (await as('/admin/users')).json()) as {
      users: { username: string; districtCodes: string[] | null }[];
    };
    const allowed = new Set([DEMO, PEER]);
    expect(listed.users.filter((u) => !u.districtCodes?.every((code) => allowed.has(code)))).toEqual([]);
    expect(listed.users.map((u) => u.username)).toEqual(
      expect.arrayContaining([cityAdmin.username, narrower.username, 'c-set', 'c-one']),
    );
    expect(listed.users.map((u) => u.username)).not.toContain(straddling.username);
    const created = listed.users.find((u) => u.username === 'c-set');
    expect(created?.districtCodes).toEqual([PEER, DEMO].sort());

    // Imports: a county of the set is writable, a county outside it is a located error.
    const header = '学校标识码,学校名称,区县代码,区县名称,乡镇代码,乡镇名称,城乡分类代码,办学类型,办学性质,是否寄宿制';
    const upload = async (row: string) => {
      const form = new FormData();
      form.append('files', new Blob([`${header}\n${row}\n`]), 'schools.csv');
      const res = await as('/imports?dryRun=true', { method: 'POST', body: form });
      return { status: res.status, body: (await res.json()) as { errors: { column: string; message: string }[] } };
    };
    const inSet = await upload(`2133190001,新学校,${PEER},澄江区,${PEER}001,江东街道,111,小学,公办,否`);
    expect(inSet.status, JSON.stringify(inSet.body.errors)).toBe(200);
    const outside = await upload(`2133190002,新学校,${OTHER_PEER},云岭县,${OTHER_PEER}001,云城街道,111,小学,公办,否`);
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toContainEqual(
      expect.objectContaining({ column: '区县代码', message: expect.stringContaining('不属于您可管理的区县') }),
    );
  });
});

describe(`sessions, CSRF, lockout and the audit log (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  const password = 'correct-horse-battery';

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db, { LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '0.02' });
    await createTokenUser(database.db, 'analyst', { username: 'ana', password });
    await createTokenUser(database.db, 'analyst', { username: 'locky', password });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const login = (username: string, pw: string, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ username, password: pw }),
    });

  it('should set an HttpOnly SameSite cookie, answer me with a CSRF token, and require that token on writes', async () => {
    const res = await login('ANA', password);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^jh_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const me = MeResponseSchema.parse(await res.json());
    expect(me.user).toMatchObject({ username: 'ana', role: 'analyst', townships: null });
    const cookie = setCookie.split(';')[0] as string;

    const whatIf = (headers: Record<string, string>) =>
      fetch(`${app.baseUrl}/api/v1/districts/${DEMO}/what-if?year=2024`, {
        method: 'POST',
        headers: { cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ changes: [] }),
      });
    const missing = await whatIf({});
    expect(missing.status).toBe(403);
    expect(ApiErrorSchema.parse(await missing.json()).error.code).toBe('CsrfFailed');
    expect((await whatIf({ 'X-CSRF-Token': 'wrong' })).status).toBe(403);
    expect((await whatIf({ 'X-CSRF-Token': me.csrfToken as string })).status).toBe(200);
    // Reads need no token.
    expect((await fetch(`${app.baseUrl}/api/v1/districts`, { headers: { cookie } })).status).toBe(200);

    const logout = await fetch(`${app.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'X-CSRF-Token': me.csrfToken as string },
    });
    expect(logout.status).toBe(200);
    const after = await fetch(`${app.baseUrl}/api/v1/districts`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(ApiErrorSchema.parse(await after.json()).error.details).toEqual({ reason: 'session_expired' });
  });

  it('should limit login attempts per address, whatever the user names', async () => {
    const limited = await startTestApp(database.db, { LOGIN_ATTEMPTS_PER_15_MIN: '3' });
    try {
      const attempt = (username: string) =>
        fetch(`${limited.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username, password: 'guess' }),
        });
      const statuses = [];
      for (const name of ['a1', 'a2', 'a3', 'a4', 'ana']) statuses.push((await attempt(name)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('should end a session at its absolute expiry even while it is in use', async () => {
    const short = await startTestApp(database.db, { SESSION_TTL_HOURS: '0.0004' });
    try {
      const res = await fetch(`${short.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'ana', password }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
      expect((await fetch(`${short.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await fetch(`${short.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('should refuse a cross-site login and a login that is not JSON', async () => {
    expect((await login('ana', password, { Origin: 'https://evil.example' })).status).toBe(403);
    const form = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `username=ana&password=${password}`,
    });
    expect(form.status).toBe(415);
  });

  it('should end an idle session and a disabled user’s sessions and tokens at once', async () => {
    const res = await login('ana', password);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await fetch(`${app.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
    // SESSION_IDLE_MINUTES is 1.2 s here.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetch(`${app.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);

    const victim = await createTokenUser(database.db, 'viewer', { townships: [TOWNSHIP] });
    const asVictim = { headers: { Authorization: `Bearer ${victim.token}` } };
    expect((await fetch(`${app.baseUrl}/api/v1/auth/me`, asVictim)).status).toBe(200);
    const users = (await (await app.fetch(`${app.baseUrl}/api/v1/admin/users`)).json()) as {
      users: { id: number; username: string }[];
    };
    const id = users.users.find((u) => u.username === victim.username)?.id;
    const disabled = await app.fetch(`${app.baseUrl}/api/v1/admin/users/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/v1/auth/me`, asVictim)).status).toBe(401);
    const refused = await login(victim.username, victim.password);
    expect(refused.status).toBe(401);
    expect(ApiErrorSchema.parse(await refused.json()).error.details).toEqual({ reason: 'disabled' });
  });

  it('should revoke every API token of a user whose password is reset or who is disabled, for good', async () => {
    const users = async () =>
      (
        (await (await app.fetch(`${app.baseUrl}/api/v1/admin/users`)).json()) as {
          users: { id: number; username: string }[];
        }
      ).users;
    const put = (id: number | undefined, body: unknown) =>
      app.fetch(`${app.baseUrl}/api/v1/admin/users/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const me = (token: string) =>
      fetch(`${app.baseUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } });

    const reset = await createTokenUser(database.db, 'analyst');
    expect((await me(reset.token)).status).toBe(200);
    const resetId = (await users()).find((u) => u.username === reset.username)?.id;
    expect((await put(resetId, { password: 'a-fresh-long-password' })).status).toBe(200);
    expect((await me(reset.token)).status).toBe(401);
    const tokens = (await (await app.fetch(`${app.baseUrl}/api/v1/auth/tokens?all=true`)).json()) as {
      tokens: { username: string; revokedAt: string | null }[];
    };
    expect(tokens.tokens.filter((t) => t.username === reset.username).map((t) => t.revokedAt !== null)).toEqual([true]);

    // Disabling revokes the tokens themselves: enabling the account again does not bring them back.
    const paused = await createTokenUser(database.db, 'analyst');
    const pausedId = (await users()).find((u) => u.username === paused.username)?.id;
    expect((await put(pausedId, { disabled: true })).status).toBe(200);
    expect((await put(pausedId, { disabled: false })).status).toBe(200);
    expect((await me(paused.token)).status).toBe(401);
  });

  it('should revoke an API token', async () => {
    const user = await createTokenUser(database.db, 'analyst');
    const asUser = (init: RequestInit = {}) => ({
      ...init,
      headers: { Authorization: `Bearer ${user.token}`, ...(init.headers as Record<string, string>) },
    });
    const list = (await (await fetch(`${app.baseUrl}/api/v1/auth/tokens`, asUser())).json()) as {
      tokens: { id: number; prefix: string }[];
    };
    expect(list.tokens).toHaveLength(1);
    expect(user.token.startsWith(list.tokens[0]?.prefix as string)).toBe(true);
    // Someone else's token is not found, even by id.
    const other = await (await app.as('analyst'))(`${app.baseUrl}/api/v1/auth/tokens/${list.tokens[0]?.id}`, {
      method: 'DELETE',
    });
    expect(other.status).toBe(404);
    const revoked = await fetch(
      `${app.baseUrl}/api/v1/auth/tokens/${list.tokens[0]?.id}`,
      asUser({ method: 'DELETE' }),
    );
    expect(revoked.status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/v1/auth/me`, asUser())).status).toBe(401);
  });

  it('should lock an account after repeated failures, refuse even the right password while locked, and say so', async () => {
    expect((await login('locky', 'wrong-1')).status).toBe(401);
    expect((await login('locky', 'wrong-2')).status).toBe(401);
    const third = await login('locky', 'wrong-3');
    expect(third.status).toBe(429);
    const error = ApiErrorSchema.parse(await third.json()).error;
    expect(error.code).toBe('TooManyAttempts');
    expect(error.message).toMatch(/锁定.*15 分钟/);
    expect((await login('locky', password)).status).toBe(429);
    // An unknown user name answers exactly like a wrong password.
    const unknown = await login('nobody', password);
    expect(unknown.status).toBe(401);
    expect(ApiErrorSchema.parse(await unknown.json()).error.message).toBe(
      ApiErrorSchema.parse(await (await login('ana', 'nope')).json()).error.message,
    );
  });

  it('should record logins, failures, exports, input changes and user changes in an append-only audit log', async () => {
    await app.fetch(
      `${app.baseUrl}/api/v1/districts/${DEMO}/balance?year=2024&stage=primary&format=csv&township=${TOWNSHIP}`,
    );
    await app.fetch(`${app.baseUrl}/api/v1/districts/${DEMO}/inputs?year=2024`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    const res = await app.fetch(`${app.baseUrl}/api/v1/admin/audit?limit=500`);
    const { entries } = (await res.json()) as {
      entries: { action: string; username: string | null; target: string | null; details: Record<string, unknown> }[];
    };
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'login',
      'login_failed',
      'logout',
      'export',
      'inputs_saved',
      'user_created',
      'user_updated',
    ]) {
      expect(actions, action).toContain(action);
    }
    const exported = entries.find((e) => e.action === 'export');
    expect(exported).toMatchObject({
      target: `/api/v1/districts/${DEMO}/balance`,
      details: { format: 'csv', rows: 7, filters: { year: '2024', stage: 'primary', township: TOWNSHIP } },
    });
    expect(entries.find((e) => e.action === 'login_failed' && e.username === 'nobody')?.details).toEqual({
      reason: 'unknown_user',
    });
    // No password, hash or token ever reaches the log.
    expect(JSON.stringify(entries)).not.toMatch(/correct-horse|scrypt\$|jh_/);
    // Below the app too: the database refuses to change or delete an entry.
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(database.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);

    const csv = await app.fetch(`${app.baseUrl}/api/v1/admin/audit?format=csv&action=export`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('导出');
  });
});
