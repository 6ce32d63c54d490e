import type { AddressInfo } from 'node:net';
import type { Database } from '@junheng/db';
import { type AccessScope, ExportQuerySchema } from '@junheng/shared';
import express, { Router } from 'express';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Principal, setPrincipal } from '../auth/principal.ts';
import { ReportCache } from '../cache/report-cache.ts';
import { errorMiddleware } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import { defineReport, type Report } from './define-report.ts';
import { mountReports, reportCacheKey, selectTable } from './mount-reports.ts';

const route = {
  method: 'GET',
  path: '/api/v1/districts/:code/example',
  params: z.object({ code: z.string().regex(/^\d{6}$/) }),
  query: ExportQuerySchema.extend({
    year: z.coerce.number().int(),
    table: z.enum(['values', 'doubled']).default('values'),
  }),
  response: z.object({ code: z.string(), year: z.number(), values: z.array(z.number()) }),
} as const;

const WHOLE: AccessScope = { districtCodes: null, townships: null };
const TOWNSHIP: AccessScope = { districtCodes: ['330999'], townships: ['330999001'] };

function exampleReport(loads: { count: number; accesses: AccessScope[] }, cache: boolean): Report {
  return defineReport({
    name: 'example',
    route,
    load: async (_db, { params, query, access }) => {
      loads.count += 1;
      loads.accesses.push(access);
      return { code: params.code, year: query.year, values: [1.25, 2.5] };
    },
    tables: {
      values: (body) => ({
        titleZh: '数值',
        titleEn: 'Values',
        columns: [{ key: 'v', zh: '数值', en: 'Value', value: (v: number) => v }],
        rows: body.values,
      }),
      doubled: (body) => ({
        titleZh: '双倍',
        titleEn: 'Doubled',
        columns: [{ key: 'v', zh: '双倍', en: 'Doubled', value: (v: number) => v * 2 }],
        rows: body.values,
      }),
    },
    labels: (body, lang) => ({
      fileNameParts: [body.code, String(body.year)],
      filters: [[lang === 'zh' ? '年度' : 'Year', String(body.year)]],
      dataYears: String(body.year),
    }),
    cache,
  });
}

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** The handler on a real Express app; the header `x-scope` picks the principal's access scope. */
async function start(report: Report, validateResponses: boolean) {
  const app = express();
  app.locals.validateResponses = validateResponses;
  app.use((req, res, next) => {
    const access = req.header('x-scope') === 'township' ? TOWNSHIP : WHOLE;
    setPrincipal(res, { userId: 1, username: 'u', role: 'viewer', access, via: 'token', session: null } as Principal);
    next();
  });
  const cache = new ReportCache(async () => 'v1');
  app.use(mountReports(Router(), {} as Kysely<Database>, cache, [report]));
  app.use(errorMiddleware({ error: () => {}, warn: () => {} } as unknown as Logger));
  const server = app.listen(0);
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/districts`;
  return { cache, base };
}

describe(reportCacheKey.name, () => {
  it('should hold the params, the query without its format and the access scope', () => {
    const query = { format: 'csv', bom: false, lang: 'en', table: 'schools', year: 2025, stage: 'primary' };
    const sut = reportCacheKey('balance', { code: '330999' }, query, WHOLE);
    expect(sut).toBe(`balance:{"code":"330999"}:{"year":2025,"stage":"primary"}:${JSON.stringify(WHOLE)}`);
    expect(reportCacheKey('balance', { code: '330999' }, { ...query, format: 'json', table: 'x' }, WHOLE)).toBe(sut);
    expect(reportCacheKey('balance', { code: '330999' }, query, TOWNSHIP)).not.toBe(sut);
    expect(reportCacheKey('rankings', { code: '330999' }, query, WHOLE)).not.toBe(sut);
    expect(reportCacheKey('balance', { code: '330998' }, query, WHOLE)).not.toBe(sut);
  });
});

describe(selectTable.name, () => {
  it('should take the only table, or the one the query names', () => {
    const only = () => ({ titleZh: '', titleEn: 'only', columns: [], rows: [] });
    const named = { a: () => ({ titleZh: '', titleEn: 'a', columns: [], rows: [] }) };
    const query = { format: 'csv', bom: true, lang: 'zh' } as const;
    expect(selectTable(only, query)).toBe(only);
    expect(selectTable(named, { ...query, table: 'a' })).toBe(named.a);
    expect(() => selectTable(named, { ...query, table: 'b' })).toThrow(/no table b/);
  });
});

describe(mountReports.name, () => {
  it('should compute a cached report once per access scope and answer the formats from that one body', async () => {
    const loads = { count: 0, accesses: [] as AccessScope[] };
    const { cache, base } = await start(exampleReport(loads, true), false);

    const json = await fetch(`${base}/330999/example?year=2025`);
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ code: '330999', year: 2025, values: [1.25, 2.5] });
    const csv = await fetch(`${base}/330999/example?year=2025&format=csv&bom=false&lang=en&table=doubled`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain('2.5\r\n5');
    const xlsx = await fetch(`${base}/330999/example?year=2025&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(loads.count).toBe(1);

    await fetch(`${base}/330999/example?year=2025`, { headers: { 'x-scope': 'township' } });
    expect(loads.count).toBe(2);
    expect(loads.accesses).toEqual([WHOLE, TOWNSHIP]);
    expect(cache.size).toBe(2);
  });

  it('should load an uncached report at every request and validate its JSON', async () => {
    const loads = { count: 0, accesses: [] as AccessScope[] };
    const { cache, base } = await start(exampleReport(loads, false), true);
    await fetch(`${base}/330999/example?year=2025`);
    await fetch(`${base}/330999/example?year=2025`);
    expect(loads.count).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('should answer 400 naming the bad parameter before loading anything', async () => {
    const loads = { count: 0, accesses: [] as AccessScope[] };
    const { base } = await start(exampleReport(loads, true), true);
    const badParams = await fetch(`${base}/33099x/example?year=2025`);
    expect(badParams.status).toBe(400);
    const paramsError = (await badParams.json()) as { error: { details: { in: string } } };
    expect(paramsError.error.details.in).toBe('params');
    const badQuery = await fetch(`${base}/330999/example?year=2025&table=nope`);
    expect(badQuery.status).toBe(400);
    const queryError = (await badQuery.json()) as { error: { details: { fields: { field: string }[] } } };
    expect(queryError.error.details.fields[0]?.field).toBe('table');
    expect(loads.count).toBe(0);
  });
});
