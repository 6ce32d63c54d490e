import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportFileError, type ImportFileErrorCode } from './import-file-error.ts';
import { cellText, detectDelimiter, detectFormat, readTable } from './read-table.ts';
import { utf8, xlsxBytes } from './test-support.ts';

async function readError(bytes: Uint8Array, name = 'data.csv'): Promise<ImportFileError> {
  try {
    await readTable(name, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('readTable did not throw');
}

async function expectFileError(bytes: Uint8Array, code: ImportFileErrorCode, text: string): Promise<void> {
  const error = await readError(bytes);
  expect(error.code).toBe(code);
  expect(error.message).toContain(text);
}

describe(readTable.name, () => {
  it('should read a UTF-8 CSV with BOM into headers and rows numbered as in Excel', async () => {
    const table = await readTable('a.csv', utf8('年度,学校标识码\r\n2024,001\r\n\r\n2023,002\r\n', true));
    expect(table).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      sheetName: null,
      headerRowNumber: 1,
      headers: ['年度', '学校标识码'],
      rows: [
        { rowNumber: 2, cells: ['2024', '001'] },
        { rowNumber: 4, cells: ['2023', '002'] },
      ],
    });
  });

  it('should keep row numbers true to the file across quoted line breaks and blank lines', async () => {
    const table = await readTable('a.csv', utf8('\n\na,b\n"x\ny",1\n,\n3,4\n'));
    expect(table.headerRowNumber).toBe(3);
    expect(table.rows).toEqual([
      { rowNumber: 4, cells: ['x\ny', '1'] },
      { rowNumber: 6, cells: ['3', '4'] },
    ]);
  });

  it('should read a GBK CSV with Chinese headers', async () => {
    const table = await readTable('gbk.csv', iconv.encode('学校标识码,学校名称\r\n3301,实验小学\r\n', 'gbk'));
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(['学校标识码', '学校名称']);
    expect(table.rows[0]?.cells).toEqual(['3301', '实验小学']);
  });

  it('should ignore trailing empty columns and keep quoted commas', async () => {
    const table = await readTable('a.csv', utf8('a,b,,\n"1,234",2,,\n'));
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.rows[0]?.cells).toEqual(['1,234', '2']);
  });

  it('should accept tab and semicolon delimiters when the header has no comma', async () => {
    expect((await readTable('a.txt', utf8('a\tb\n1\t2\n'))).rows[0]?.cells).toEqual(['1', '2']);
    expect((await readTable('a.csv', utf8('a;b\n1;2\n'))).rows[0]?.cells).toEqual(['1', '2']);
  });

  it('should give zero rows for a header-only file', async () => {
    const table = await readTable('a.csv', utf8('a,b\n'));
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.rows).toEqual([]);
  });

  it('should reject an empty file with 文件为空', async () => {
    await expectFileError(new Uint8Array(), 'empty', '文件为空');
    await expectFileError(utf8('\uFEFF\r\n , \r\n', false), 'empty', '文件为空');
  });

  it('should reject PDF and PNG files as not CSV or XLSX', async () => {
    await expectFileError(utf8('%PDF-1.7\n%âãÏÓ\n'), 'not_a_table', '不是 CSV 或 XLSX 文件');
    await expectFileError(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'not_a_table',
      '不是 CSV 或 XLSX 文件',
    );
  });

  it('should reject random binary bytes with an encoding error that also says it may not be CSV/XLSX', async () => {
    const bytes = new Uint8Array(256).map((_, i) => (i * 37 + 11) % 256);
    const error = await readError(bytes);
    expect(error.code).toBe('unreadable_encoding');
    expect(error.message).toContain('无法识别文件编码');
    expect(error.message).toContain('不是 CSV 或 XLSX 文件');
  });

  it('should ask for .xlsx when given a legacy .xls file', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expectFileError(bytes, 'legacy_xls', '.xlsx');
  });

  it('should report an unclosed quote with its line', async () => {
    const error = await readError(utf8('a,b\n1,2\n"3,4\n5,6\n'));
    expect(error.code).toBe('csv_syntax');
    expect(error.message).toContain('引号未闭合');
    expect(error.row).toBeGreaterThanOrEqual(3);
  });

  it('should read the first worksheet of an XLSX with typed cells converted to text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    workbook.addWorksheet('说明').getCell('A1').value = 'ignored';
    sheet.addRow(['学校标识码', '名称', '数', '公式', '日期', '是否', '链接']);
    sheet.addRow([
      330999,
      { richText: [{ text: '实验' }, { text: '小学', font: { bold: true } }] },
      0.1 + 0.2,
      { formula: 'C2*2', result: 42 },
      new Date(Date.UTC(2024, 8, 1)),
      true,
      { text: '官网', hyperlink: 'https://example.org' },
    ]);
    sheet.addRow([]);
    sheet.addRow([12345678901234, '  x  ']);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

    const table = await readTable('book.xlsx', bytes);
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeNull();
    expect(table.sheetName).toBe('数据');
    expect(table.headers).toEqual(['学校标识码', '名称', '数', '公式', '日期', '是否', '链接']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['330999', '实验小学', '0.30000000000000004', '42', '2024-09-01', 'true', '官网'] },
      { rowNumber: 4, cells: ['12345678901234', '  x  '] },
    ]);
  });

  it('should pass over an empty or hidden sheet in front of the data', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    workbook.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'secret';
    workbook.addWorksheet('学校').addRows([['学校标识码'], ['1']]);
    const table = await readTable('b.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(table.sheetName).toBe('学校');
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['1'] }]);
  });

  it('should detect XLSX by magic bytes whatever the file name', async () => {
    const bytes = await xlsxBytes([['a'], ['1']]);
    expect((await readTable('misnamed.csv', bytes)).format).toBe('xlsx');
  });

  it('should reject a ZIP without any worksheet (not an Excel workbook)', async () => {
    const bytes = new Uint8Array((await new ExcelJS.Workbook().xlsx.writeBuffer()) as ArrayBuffer);
    await expectFileError(bytes, 'not_a_table', '不是 CSV 或 XLSX 文件');
  });

  it('should reject a truncated XLSX as damaged or incomplete', async () => {
    const bytes = await xlsxBytes([
      ['年度', '学校标识码'],
      [2024, '3301'],
    ]);
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expectFileError(half, 'corrupt_xlsx', '无法读取 XLSX 文件');
    expect((await readError(half)).message).toContain('文件已损坏或不完整');
  });
});

describe(detectFormat.name, () => {
  it('should classify by magic bytes', () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toBe('xlsx');
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(detectFormat(utf8('%PDF-1.4'))).toBe('other');
    expect(detectFormat(utf8('BMI,MZ\n'))).toBe('csv');
  });
});

describe(detectDelimiter.name, () => {
  it('should prefer comma, then tab, then semicolon in the header line', () => {
    expect(detectDelimiter('a,b;c\td\n')).toBe(',');
    expect(detectDelimiter('\n\na\tb;c\n1,2')).toBe('\t');
    expect(detectDelimiter('a;b\n1,2')).toBe(';');
    expect(detectDelimiter('a\n')).toBe(',');
  });
});

describe(cellText.name, () => {
  it('should convert ExcelJS values to the text the analyst sees', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(1234567.125)).toBe('1234567.125');
    expect(cellText({ formula: 'A1', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(cellText({ sharedFormula: 'A1', result: 7 })).toBe('7');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText(new Date(Date.UTC(2024, 0, 2, 8, 30)))).toBe('2024-01-02T08:30:00.000Z');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
  });
});
