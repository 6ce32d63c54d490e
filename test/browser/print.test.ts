import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  browserAvailable,
  launchBrowser,
  openPage,
  SCREENSHOT_DIR,
  screenshot,
  sessionFor,
} from './helpers.ts';

/** Printing (issue #12 point 4): what `page.pdf()` puts on A4 paper, read back with poppler's pdftotext and pdfimages. */

interface PrintedPdf {
  file: string;
  pages: string[];
  /** Pixel sizes of the pictures in the PDF (the charts: echart.tsx prints each as a picture of itself). */
  images: { width: number; height: number }[];
}

/** A4 with the page margins of the print stylesheet, as the browser's print dialog would lay it out. */
async function printToPdf(page: Page, name: string): Promise<PrintedPdf> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    // Alpha masks (`smask`) are listed too: count the pictures only.
    .filter((columns) => columns[2] === 'image')
    .map((columns) => ({ width: Number(columns[3]), height: Number(columns[4]) }));
  return { file, pages: text.split('\f').filter((pageText) => pageText.trim()), images };
}

/** The page size and count pdfinfo reports. */
function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), size: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '' };
}

/** Text with the spaces pdftotext puts into a line (layout mode) taken out, so names are found whole. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, '');

/**
 * Records, while print media is on, the page's width and every chart's box, so a test can tell they fit the paper;
 * and counts the pictures the charts put on paper for themselves (echart.tsx), as they are added.
 */
async function recordPrintLayout(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { __printLayout: unknown; __printPictures: number };
    state.__printPictures = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLImageElement && node.classList.contains('echart-print-image')) {
            state.__printPictures += 1;
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
    const media = window.matchMedia('print');
    media.addEventListener('change', () => {
      if (!media.matches) return;
      state.__printLayout = {
        pageWidth: document.documentElement.clientWidth,
        charts: [...document.querySelectorAll<HTMLElement>('.echart')].map((chart) => {
          const box = chart.getBoundingClientRect();
          return { left: box.left, right: box.right, width: box.width };
        }),
      };
    });
  });
}

interface PrintLayout {
  pageWidth: number;
  charts: { left: number; right: number; width: number }[];
  /** Pictures the charts drew of themselves for the paper. */
  pictures: number;
}

async function printLayout(page: Page): Promise<PrintLayout> {
  return page.evaluate(() => {
    const state = window as unknown as { __printLayout: Omit<PrintLayout, 'pictures'>; __printPictures: number };
    return { ...state.__printLayout, pictures: state.__printPictures };
  });
}

/** What the printout must never show: navigation and the view's controls. */
const CONTROL_TEXTS = [
  /打印(?!时间)/,
  /复制链接/,
  /保存视图/,
  /已保存的视图/,
  /以表格查看/,
  /下载(?!的文件)/,
  /Excel用CSV/,
  /XLSX/,
  /跳到正文/,
  /退出/,
];
const NAV_TEXTS = [/教师交流轮岗/, /大班额与大校额/, /补短板/, /方法说明/, /学校排名/];

function expectNoControls(text: string, allowed: RegExp[] = []): void {
  for (const control of [...CONTROL_TEXTS, ...NAV_TEXTS]) {
    if (allowed.some((item) => item.source === control.source)) continue;
    expect(squeeze(text), String(control)).not.toMatch(control);
  }
}

/** The print time as the header writes it (zh-CN, medium date, short time), for each minute the print may fall in. */
function printTimes(from: Date, to: Date): string[] {
  const times: string[] = [];
  for (let t = Math.floor(from.getTime() / 60_000) * 60_000; t <= to.getTime(); t += 60_000) {
    times.push(new Date(t).toLocaleString('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }));
  }
  return times;
}

async function waitForCanvases(page: Page, count: number): Promise<void> {
  await page.waitForFunction((min) => document.querySelectorAll('section.chart-panel canvas').length >= min, count, {
    timeout: 20_000,
  });
}

interface BalanceReport {
  district: { name: string; code: string };
  schools: { code: string; name: string }[];
  excluded: { code: string; name: string }[];
}

describe.skipIf(!browserAvailable())('printing (A4 PDF of a view)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should print every school of the compliance view, with the header and without navigation or buttons', async () => {
    const report = await (await sessionFor()).json<BalanceReport>(
      '/api/v1/districts/330999/balance?year=2025&stage=primary',
    );
    // Far more schools than the heatmap and the table show on screen without scrolling (30 rows; 640 px).
    expect(report.schools.length).toBeGreaterThan(60);

    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/compliance?year=2025&stage=primary`);
    await page.getByRole('heading', { level: 1, name: '资源配置达标' }).waitFor();
    await waitForCanvases(page, 1);
    await page.getByRole('button', { name: '打印' }).waitFor();
    await recordPrintLayout(page);
    const before = new Date();
    const pdf = await printToPdf(page, 'print-compliance');
    const after = new Date();

    expect(pdfInfo(pdf.file).size).toMatch(/\(A4\)/);
    const text = pdf.pages.join('\n');
    const flat = squeeze(text);
    for (const school of [...report.schools, ...report.excluded]) expect(flat, school.name).toContain(school.name);
    // One table row per counted school: each name at the start of a line of the table (the heatmap is a picture).
    const rowStarts = text.split('\n').map((line) => squeeze(line));
    for (const school of report.schools) {
      expect(
        rowStarts.some((line) => line.startsWith(school.name)),
        school.name,
      ).toBe(true);
    }

    // The header: county, year, stage, filters and the time of printing; on the first page.
    const first = squeeze(pdf.pages[0] ?? '');
    expect(first).toContain('区县：澄川县（330999）');
    expect(first).toContain('数据年度：2025');
    expect(first).toContain('学段：小学');
    expect(first).toContain('筛选：全县全部学校');
    expect(printTimes(before, after).some((time) => first.includes(`打印时间：${squeeze(time)}`))).toBe(true);
    expectNoControls(text);

    // The table's header row is repeated on every page the table runs over.
    const tablePages = pdf.pages.filter((pageText) =>
      report.schools.some((school) => squeeze(pageText).includes(school.name)),
    );
    expect(tablePages.length).toBeGreaterThan(1);
    const headed = pdf.pages.filter((pageText) =>
      pageText.split('\n').some((line) => squeeze(line).startsWith('学校乡镇（街')),
    );
    expect(headed.length).toBeGreaterThanOrEqual(2);

    // The heatmap printed every school, in page-sized parts (36 rows at most), each drawn at the paper's width.
    const layout = await printLayout(page);
    const heatmaps = Math.ceil(report.schools.length / 36);
    expect(pdf.images.length).toBe(heatmaps);
    expect(layout.charts).toHaveLength(heatmaps);
    for (const chart of layout.charts) expect(chart.right).toBeLessThanOrEqual(layout.pageWidth);
    expect(layout.pictures).toBe(heatmaps);
    // Each picture drawn at the chart's width on paper (at twice the pixels), not the screen's 1 100 px squeezed.
    for (const image of pdf.images) expect(image.width).toBe(Math.round(layout.charts[0]?.width ?? 0) * 2);
    // No shrinking to fit: A4 less 2 × 12 mm margins is 704 CSS px.
    expect(layout.pageWidth).toBeGreaterThanOrEqual(700);
    expect(layout.pageWidth).toBeLessThanOrEqual(708);

    // Back on screen: one windowed heatmap again, and no print picture left over.
    await page.waitForFunction(() => document.querySelectorAll('section.chart-panel canvas').length > 0);
    expect(await page.locator('section.chart-panel .echart').count()).toBe(1);
    expect(await page.locator('img.echart-print-image').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('should print the whole ranking, chart and table, on one scale', async () => {
    const ranking = await (await sessionFor()).json<{ rows: { name: string }[] }>(
      '/api/v1/districts/330999/rankings?year=2025&stage=primary&indicator=higher_degree_teachers_per100',
    );
    expect(ranking.rows.length).toBeGreaterThan(36);

    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/rankings?year=2025&stage=primary`);
    await page.getByRole('heading', { level: 1, name: '学校排名' }).waitFor();
    await waitForCanvases(page, 1);
    await recordPrintLayout(page);
    const pdf = await printToPdf(page, 'print-rankings');

    const text = pdf.pages.join('\n');
    const flat = squeeze(text);
    for (const row of ranking.rows) expect(flat, row.name).toContain(row.name);
    // Every row of the table (a rank, then the school), though it scrolls at 620 px on screen.
    for (let rank = 1; rank <= ranking.rows.length; rank += 1) {
      const row = ranking.rows[rank - 1];
      if (!row) continue;
      expect(
        text.split('\n').some((line) => squeeze(line).includes(row.name) && /^\s*\d+\s/.test(line)),
        row.name,
      ).toBe(true);
    }
    expectNoControls(text, [/学校排名/]);
    // The chart, windowed to 30 rows on screen, prints all of them in parts of at most 36.
    const parts = Math.ceil(ranking.rows.length / 36);
    expect(pdf.images).toHaveLength(parts);
    const layout = await printLayout(page);
    expect(layout.charts).toHaveLength(parts);
    for (const chart of layout.charts) expect(chart.right).toBeLessThanOrEqual(layout.pageWidth);
    expect(problems).toEqual([]);
    await close();
  });

  for (const view of [
    // 总览's failing-items card names the views that explain each item (见“大班额与大校额”, 教师交流轮岗): content, not nav.
    {
      path: '/?year=2025',
      heading: '总览',
      name: 'print-overview',
      charts: 2,
      named: [/大班额与大校额/, /教师交流轮岗/],
    },
    // The trend and the flows; its table links its downloads, which paper leaves out.
    { path: '/rotation?year=2025', heading: '教师交流轮岗', name: 'print-rotation', charts: 2, named: [] },
    // Five panels; the small multiples take the paper's layout before the pages are counted, or the last two panels
    // (decomposition, ratio trend) fell off the last page.
    { path: '/urban-rural?year=2025', heading: '城乡差距', name: 'print-urban-rural', charts: 5, named: [] },
  ]) {
    it(`should redraw the charts of ${view.path} at the paper's width and restore them afterwards`, async () => {
      const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
      await page.goto(`${baseUrl()}${view.path}`);
      await page.getByRole('heading', { level: 1, name: view.heading }).waitFor();
      await waitForCanvases(page, view.charts);
      // Every panel has its data (the year-by-year ratio loads last).
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 30_000 });
      const screenWidths = await page
        .locator('.echart')
        .evaluateAll((charts) => charts.map((chart) => chart.getBoundingClientRect().width));
      const panelTitles = await page.locator('.chart-panel .card-title').allTextContents();
      expect(panelTitles.length).toBeGreaterThanOrEqual(view.charts);
      await recordPrintLayout(page);
      const pdf = await printToPdf(page, view.name);

      const layout = await printLayout(page);
      expect(layout.charts.length).toBeGreaterThanOrEqual(view.charts);
      for (const chart of layout.charts) {
        expect(chart.left).toBeGreaterThanOrEqual(0);
        expect(chart.right).toBeLessThanOrEqual(layout.pageWidth);
      }
      expect(layout.pictures).toBe(layout.charts.length);
      // Drawn for the paper (a picture at twice the box's width), not the screen's canvas squeezed.
      expect(pdf.images.length).toBe(layout.charts.length);
      const widths = layout.charts.map((chart) => Math.round(chart.width) * 2).sort();
      expect(pdf.images.map((image) => image.width).sort()).toEqual(widths);
      expectNoControls(pdf.pages.join('\n'), [new RegExp(view.heading), ...view.named]);
      // Every panel on screen reaches the paper, titles included.
      const flat = (text: string) => text.replace(/\s+/g, '');
      const printed = flat(pdf.pages.join(''));
      for (const title of panelTitles) expect(printed).toContain(flat(title));
      // A chart on screen is wider than on paper at 1440 px, and gets its screen width back after printing.
      expect(Math.max(...screenWidths)).toBeGreaterThan(Math.max(...layout.charts.map((chart) => chart.width)));
      const restored = await page
        .locator('.echart canvas')
        .evaluateAll((canvases) => canvases.map((canvas) => canvas.getBoundingClientRect().width));
      expect(Math.max(...restored)).toBeCloseTo(Math.max(...screenWidths), 0);
      expect(problems).toEqual([]);
      await close();
    });
  }

  for (const width of [1440, 1024]) {
    it(`should offer 打印 in the view tools at ${width} px`, async () => {
      const { page, problems, close } = await openPage(browser, { viewport: { width, height: 800 } });
      await page.goto(`${baseUrl()}/compliance?year=2025`);
      const button = page.locator('.page-heading').getByRole('button', { name: '打印' });
      await button.waitFor();
      await waitForCanvases(page, 1);
      const box = await button.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
      await screenshot(page, `print-button-${width}`);
      // The data and method pages have one too; English says Print.
      await page.goto(`${baseUrl()}/method?lang=en`);
      await page.locator('.page-heading').getByRole('button', { name: 'Print' }).waitFor();
      expect(problems).toEqual([]);
      await close();
    });
  }
});
