import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportContext, ExportTable } from './table.ts';
import { writeXlsx } from './xlsx.ts';

interface Row {
  name: string;
  value: number;
  cv: number;
  decimals: number;
}

const table = (rows: Iterable<Row> | AsyncIterable<Row>): ExportTable<Row> => ({
  titleZh: '差异系数',
  titleEn: 'cv',
  columns: [
    { key: 'name', zh: '学校', en: 'School', value: (r) => r.name },
    { key: 'value', zh: '生均面积', en: 'Area', unitZh: '平方米', decimals: 1, value: (r) => r.value },
    { key: 'cv', zh: '差异系数', en: 'CV', decimals: 3, decimalsOf: (r) => r.decimals, value: (r) => r.cv },
  ],
  rows,
});

const context: ExportContext = {
  fileNameParts: ['测试县'],
  filters: [['年度', '2025']],
  dataYears: '2025',
  generatedAt: new Date('2026-12-06T08:00:00Z'),
  definitions: [['差异系数', '标准差除以平均数']],
  notes: [['2025 小学', '已核实 — 张三 2026-12-01']],
  lang: 'zh',
};

describe('writeXlsx (ExcelJS in a worker thread)', () => {
  it('should write the data sheet with per-cell formats and the 说明 sheet with notes, and count the rows', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const rows: Row[] = [
      { name: '一小', value: 12.34, cv: 0.4512, decimals: 3 },
      { name: '二小', value: Number.NaN, cv: 0.4999, decimals: 4 },
    ];
    expect(await writeXlsx(table(rows), context, out)).toBe(2);
    expect(out.writableEnded).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as never);
    const [sheet, about] = workbook.worksheets;
    expect(sheet?.name).toBe('差异系数');
    expect(sheet?.getRow(1).values).toEqual([undefined, '学校', '生均面积(平方米)', '差异系数']);
    expect(sheet?.getRow(2).getCell(2).value).toBe(12.34);
    expect(sheet?.getRow(2).getCell(2).numFmt).toBe('0.0');
    // A number that is not finite is an empty cell.
    expect(sheet?.getRow(3).getCell(2).value).toBe(null);
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe('0.000');
    expect(sheet?.getRow(3).getCell(3).numFmt).toBe('0.0000');
    expect(about?.name).toBe('说明');
    const lines = about?.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 3) : r)) ?? [];
    expect(lines).toContainEqual(['行数', '2']);
    expect(lines).toContainEqual(['年度', '2025']);
    expect(lines).toContainEqual(['批注']);
    expect(lines).toContainEqual(['2025 小学', '已核实 — 张三 2026-12-01']);
  });

  it('should make both sheets print-ready: A4 landscape, one page wide, the header row on every page', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const longName = '澄川县城东街道第一实验小学教育集团东校区';
    await writeXlsx(table([{ name: longName, value: 1, cv: 0.1, decimals: 3 }]), context, out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as never);
    const [sheet, about] = workbook.worksheets;
    for (const s of [sheet, about]) {
      expect(s?.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    expect(sheet?.pageSetup.printTitlesRow).toBe('1:1');
    // A full Chinese school name fits its column (two characters wide each).
    expect(sheet?.getColumn(1).width).toBeGreaterThanOrEqual(longName.length * 2);
    expect(about?.getColumn(2).width).toBeGreaterThanOrEqual(90);
    expect(about?.getRow(3).alignment?.wrapText).toBe(true);
  });

  it('should stop reading rows and end its worker when the client goes away', async () => {
    let pulled = 0;
    async function* many(): AsyncGenerator<Row> {
      for (let i = 0; i < 200_000; i += 1) {
        pulled += 1;
        yield { name: `校${i}`, value: i, cv: 0.5, decimals: 3 };
      }
    }
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        // The client disconnects after its first chunk; it never reads again.
        setTimeout(() => out.destroy(), 10);
        callback();
      },
    });
    await expect(writeXlsx(table(many()), context, out)).rejects.toThrow(/closed the connection/);
    expect(pulled).toBeLessThan(200_000);
  });
});
