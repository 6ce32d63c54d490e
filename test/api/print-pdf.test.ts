import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadDemoCountyIfEmpty } from '@junheng/server';
import { BalanceResponseSchema, RankingResponseSchema, STAGES } from '@junheng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase, usingRealPostgres } from '../helpers/db.ts';

const run = promisify(execFile);
const DEMO = '330999';
const YEAR = 2025;

async function hasCommand(command: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

const tools = await Promise.all(['soffice', 'pdftotext', 'pdfinfo'].map(hasCommand));
const available = tools.every(Boolean);
if (!available) {
  // In CI the tools are installed by .ci/run: a missing one is a failure there, not a skip.
  if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) and poppler-utils are required in CI');
  console.warn('print-pdf.test: soffice/pdftotext/pdfinfo not found, skipping the printed-page checks');
}

/** Converts a workbook to PDF with LibreOffice headless (a private profile, one conversion at a time). */
async function convertToPdf(dir: string, name: string, bytes: ArrayBuffer): Promise<string> {
  const input = join(dir, `${name}.xlsx`);
  await writeFile(input, Buffer.from(bytes));
  const profile = join(tmpdir(), `junheng-soffice-${randomBytes(6).toString('hex')}`);
  try {
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return join(dir, `${name}.pdf`);
}

async function pagesOf(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout.split('\f').filter((page) => page.trim().length > 0);
}

async function pageSizeOf(pdf: string): Promise<{ width: number; height: number; pages: number }> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
  const pages = /Pages:\s+(\d+)/.exec(stdout);
  return { width: Number(size?.[1]), height: Number(size?.[2]), pages: Number(pages?.[1]) };
}

/** Text without the spaces pdftotext puts between characters of a spread-out cell. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!available)(
  `printed XLSX via LibreOffice (${usingRealPostgres() ? 'real PostgreSQL' : 'PGlite'})`,
  () => {
    let database: TestDatabase;
    let app: RunningApp;
    let dir: string;
    const schoolNames = new Set<string>();

    beforeAll(async () => {
      database = await createTestDatabase();
      await loadDemoCountyIfEmpty(database.db);
      app = await startTestApp(database.db);
      dir = await mkdtemp(join(tmpdir(), 'junheng-print-'));
      for (const stage of STAGES) {
        const res = await app.fetch(`${app.baseUrl}/api/v1/districts/${DEMO}/balance?year=${YEAR}&stage=${stage}`);
        for (const school of BalanceResponseSchema.parse(await res.json()).schools) schoolNames.add(school.name);
      }
    });
    afterAll(async () => {
      await app.close();
      await database.close();
      // PRINT_PDF_DIR keeps the PDFs to look at (pdftoppm -png -r 60).
      if (process.env.PRINT_PDF_DIR) {
        await mkdir(process.env.PRINT_PDF_DIR, { recursive: true });
        for (const name of ['filing', 'ranking-export']) {
          await copyFile(join(dir, `${name}.pdf`), join(process.env.PRINT_PDF_DIR, `${name}.pdf`)).catch(
            () => undefined,
          );
        }
      }
      await rm(dir, { recursive: true, force: true });
    });

    it('should print the filing tables on A4 landscape with every school and the header on each page', async () => {
      const res = await app.fetch(`${app.baseUrl}/api/v1/districts/${DEMO}/filing-tables?year=${YEAR}`);
      expect(res.status).toBe(200);
      const pdf = await convertToPdf(dir, 'filing', await res.arrayBuffer());
      const size = await pageSizeOf(pdf);
      expect(size.width).toBeCloseTo(841.89, 0);
      expect(size.height).toBeCloseTo(595.28, 0);
      const pages = await pagesOf(pdf);
      expect(pages.length).toBe(size.pages);
      const all = squeeze(pages.join(''));
      for (const name of schoolNames) expect(all, name).toContain(squeeze(name));
      // Every sheet's title prints, the 校际均衡 table with its 差异系数 rows and the mean of the seven CVs.
      for (const title of [
        '县域义务教育学校校际均衡情况表',
        '学校资源配置七项指标达标情况表',
        '班额与校额情况表',
        '教师交流轮岗情况表',
        '七项指标差异系数平均值',
      ]) {
        expect(all).toContain(title);
      }
      // The compliance table runs over several pages, each starting with its title and header rows.
      const compliancePages = pages.filter(
        (page) => squeeze(page).includes('学校资源配置七项指标达标情况表') && !squeeze(page).includes('生成时间'),
      );
      expect(compliancePages.length).toBeGreaterThan(2);
      for (const page of compliancePages) {
        expect(squeeze(page)).toContain('基本值');
        expect(squeeze(page)).toContain('学校名称');
      }
      // Columns are not cut: the last column's header (wrapped: 学校是否 / 达标) is on the same page as the first.
      for (const page of compliancePages) expect(squeeze(page)).toContain('学校是否');
      // The 说明 sheet prints its definitions in full (wrapped, not cut at the column edge).
      expect(all).toContain(squeeze('优质均衡限值：小学 ≤ 0.50，初中 ≤ 0.45'));
    });

    it('should print an ordinary export (a ranking) on A4 landscape with the header on every page and full names', async () => {
      const url = `${app.baseUrl}/api/v1/districts/${DEMO}/rankings?year=${YEAR}&stage=primary&indicator=sports_area_per_student`;
      const res = await app.fetch(`${url}&format=xlsx`);
      expect(res.status).toBe(200);
      const pdf = await convertToPdf(dir, 'ranking-export', await res.arrayBuffer());
      const size = await pageSizeOf(pdf);
      expect(size.width).toBeGreaterThan(size.height);
      const pages = await pagesOf(pdf);
      const ranking = RankingResponseSchema.parse(await (await app.fetch(url)).json());
      // The data sheet runs over at least two pages, each with the header row; the 说明 sheet follows.
      const dataPages = pages.filter((page) => ranking.rows.some((row) => squeeze(page).includes(squeeze(row.name))));
      expect(dataPages.length).toBeGreaterThanOrEqual(2);
      for (const page of dataPages) {
        expect(squeeze(page)).toContain('学校名称');
        // The last column (是否达标) is on the page with the first: fit to one page wide.
        expect(squeeze(page)).toContain('是否达标');
      }
      const all = squeeze(pages.join(''));
      for (const row of ranking.rows) expect(all, row.name).toContain(squeeze(row.name));
      expect(all).toContain(squeeze('优质均衡限值：小学 ≤ 0.50，初中 ≤ 0.45'));
    });
  },
);
