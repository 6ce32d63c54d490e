import { loadDemoCountyIfEmpty } from '@junheng/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

describe(`health, districts and the demo county (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('should answer health once the database answers', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('should list the demo county with its seven years, beside the other counties of its city', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/v1/districts`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { code: string; schools: number; townships: number }[];
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
    expect(body).toEqual([
      expect.objectContaining({ code: '330991', name: '澄江区', years }),
      expect.objectContaining({ code: '330992', name: '云岭县', years }),
      expect.objectContaining({ code: '330993', name: '宁溪县', years }),
      expect.objectContaining({ code: '330994', name: '梅山县', years }),
      expect.objectContaining({ code: '330999', name: '澄川县', years }),
    ]);
    const demo = body.find((d) => d.code === '330999');
    expect(demo?.schools).toBe(100);
    expect(demo?.townships).toBe(12);
    // The peers are smaller: 澄川县 stays the county shown first.
    expect(Math.max(...body.filter((d) => d !== demo).map((d) => d.schools))).toBeLessThan(100);
  });

  it('should not load the demo twice', async () => {
    expect(await loadDemoCountyIfEmpty(database.db)).toBeUndefined();
  });

  it('should answer unknown API paths with the JSON error shape', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NotFound', message: expect.stringContaining('/api/v1/nope') } });
  });

  it('should send security headers', async () => {
    const res = await app.fetch(`${app.baseUrl}/api/health`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
