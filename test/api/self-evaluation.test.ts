import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoCountyIfEmpty } from '@junheng/server';
import { BalanceResponseSchema, DOCX_MEDIA_TYPE } from '@junheng/shared';
import { formatCvAgainst } from '@junheng/shared/charts/format.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenUser, type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';
import { convertToPdf, findDocumentTools, pdfImages, pdfPages, pdfText } from '../helpers/libreoffice.ts';

const DEMO = '330999';
const tools = findDocumentTools();
/** Where the test leaves the documents it checked (SELF_EVALUATION_OUT=dir keeps them for a look at the pages). */
const keepDir = process.env.SELF_EVALUATION_OUT;

/**
 * A GET retried once when the kept-alive connection was reset: the LibreOffice conversions leave the connection idle
 * past the server's keep-alive timeout, and the next request can race its closing (ECONNRESET). GETs are idempotent.
 */
async function getOnce(fetcher: (url: string) => Promise<Response>, url: string): Promise<Response> {
  try {
    return await fetcher(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetcher(url);
  }
}

/** PDF text without the layout's line breaks and spaces, so a sentence wrapped across lines still matches. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe(`self-evaluation report (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`, () => {
  let database: TestDatabase;
  let app: RunningApp;
  let workDir: string;
  const url = (query: string) => `${app.baseUrl}/api/v1/districts/${DEMO}/self-evaluation?${query}`;
  const balance = async (stage: 'primary' | 'junior') =>
    BalanceResponseSchema.parse(
      await (
        await getOnce(app.fetch, `${app.baseUrl}/api/v1/districts/${DEMO}/balance?year=2025&stage=${stage}`)
      ).json(),
    );
  const download = async (fetcher: typeof app.fetch, query: string, name: string) => {
    const started = performance.now();
    const res = await getOnce(fetcher, url(query));
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    const file = path.join(workDir, name);
    fs.writeFileSync(file, body);
    return { res, body, file, ms };
  };
  const readAsPdf = (file: string) => {
    if (!tools) return null;
    const pdf = convertToPdf(tools.soffice, file, workDir);
    if (keepDir) {
      fs.mkdirSync(keepDir, { recursive: true });
      fs.copyFileSync(file, path.join(keepDir, path.basename(file)));
      fs.copyFileSync(pdf, path.join(keepDir, path.basename(pdf)));
    }
    return { pdf, text: pdfText(pdf), images: pdfImages(pdf), pages: pdfPages(pdf) };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoCountyIfEmpty(database.db);
    app = await startTestApp(database.db);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'self-evaluation-'));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('should write the demo 2025 report as a .docx that opens, with every section, the screen CVs, failing schools and charts', async () => {
    const { res, body, file, ms } = await download(app.fetch, 'year=2025', 'report-zh.docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('澄川县_2025_自评报告.docx');
    expect(body.subarray(0, 2).toString()).toBe('PK');
    console.info(`self-evaluation 2025 (zh): ${Math.round(ms)} ms, ${Math.round(body.length / 1024)} KB`);

    const read = readAsPdf(file);
    if (!read) return;
    const text = squash(read.text);
    for (const title of [
      '一、基本情况',
      '二、资源配置',
      '三、政府保障程度',
      '四、教育质量',
      '五、社会认可度',
      '六、存在的问题',
      '七、整改措施与测算',
      '八、附表',
      '县域义务教育学校校际均衡情况表',
    ]) {
      expect(text, title).toContain(title);
    }
    expect(text).toContain('澄川县义务教育优质均衡发展督导评估自评报告');
    for (const stage of ['primary', 'junior'] as const) {
      const screen = await balance(stage);
      // Every CV as the balance API gives it, with the screen's decimals.
      for (const indicator of screen.indicators) {
        expect(text, indicator.key).toContain(formatCvAgainst(indicator.cv, indicator.cvLimit));
      }
      const over = screen.indicators.find((i) => i.cvPasses === false);
      if (over) expect(text).toContain(`${over.zh}（${formatCvAgainst(over.cv, over.cvLimit)}）`);
      for (const school of screen.verdict.failingSchools) expect(text, school.name).toContain(squash(school.name));
      expect(text).toContain(`${screen.verdict.schoolsPassing}所达到资源配置要求`);
    }
    // The four 政府保障 items the demo fails, and the items nobody entered said to be not entered.
    for (const item of ['班额', '学校规模']) expect(text).toContain(item);
    expect(text).toContain('尚未在县级填报中录入');
    // CV charts of both stages and the township chart, as images.
    expect(read.images.length).toBeGreaterThanOrEqual(3);
    expect(read.pages).toBeGreaterThan(3);
  }, 300_000);

  it('should write the report in English with lang=en, audited as an export', async () => {
    const user = await createTokenUser(database.db, 'analyst');
    const analyst = (u: string, init?: RequestInit) => fetch(u, user.authorize(init));
    const { res, file } = await download(analyst, 'year=2025&lang=en', 'report-en.docx');
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('self-evaluation');
    let entries: { action: string; target: string; details: unknown }[] = [];
    for (let i = 0; i < 50 && entries.length < 2; i += 1) {
      entries = (await database.db
        .selectFrom('audit_log')
        .select(['action', 'target', 'details'])
        .where('username', '=', user.username)
        .where('action', 'in', ['export_started', 'export'])
        .orderBy('id')
        .execute()) as typeof entries;
      if (entries.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(entries.map((e) => e.action)).toEqual(['export_started', 'export']);
    expect(entries[0]?.target).toBe(`/api/v1/districts/${DEMO}/self-evaluation`);
    expect(entries[0]?.details).toMatchObject({ format: 'docx', lang: 'en', filters: { year: '2025' } });
    expect(entries[1]?.details).toMatchObject({ format: 'docx', status: 'completed' });

    const read = readAsPdf(file);
    if (!read) return;
    for (const title of [
      '1. Overview of the county',
      '2. Resource allocation',
      '6. Problems found',
      '8. Appendix tables',
    ]) {
      expect(read.text).toContain(title);
    }
    expect(read.text).not.toMatch(/存在的问题|基本情况/);
    expect(read.images.length).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it('should obey a viewer’s townships and say so', async () => {
    const primary = await balance('primary');
    const township = primary.schools[0]?.townshipCode ?? '';
    const inside = primary.schools.filter((s) => s.townshipCode === township);
    const outside = primary.schools.filter((s) => s.townshipCode !== township);
    const viewer = await app.as('viewer', { townships: [township] });
    const { res, file } = await download(viewer, 'year=2025', 'report-viewer.docx');
    expect(res.status).toBe(200);
    const read = readAsPdf(file);
    if (!read) return;
    const text = squash(read.text);
    expect(text).toContain('本报告按当前用户的访问范围');
    for (const school of inside) expect(text).toContain(squash(school.name));
    for (const school of outside) expect(text).not.toContain(squash(school.name));
  }, 300_000);

  it('should answer 404 for a year without data, and write no export entry', async () => {
    const user = await createTokenUser(database.db, 'analyst');
    const missing = await fetch(url('year=2001'), user.authorize());
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('YearNotFound');
    const entries = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('username', '=', user.username)
      .where('action', 'in', ['export_started', 'export'])
      .execute();
    expect(entries).toEqual([]);
  });

  it('should reject a bad year and an unknown language', async () => {
    expect((await app.fetch(url('year=abc'))).status).toBe(400);
    expect((await app.fetch(url('year=2025&lang=fr'))).status).toBe(400);
  });
});
