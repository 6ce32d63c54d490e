import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';

const SAMPLE = '学校标识码,学校名称,区县名称\n3301100001,示例县实验小学,示例县\n';

function expectEncodingError(bytes: Uint8Array): void {
  let caught: unknown;
  try {
    decodeText(bytes);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportFileError);
  const error = caught as ImportFileError;
  expect(error.code).toBe('unreadable_encoding');
  expect(error.message).toContain('无法识别文件编码（支持 UTF-8、GB18030/GBK）');
}

describe(decodeText.name, () => {
  it('should decode UTF-8 with a BOM and remove the BOM', () => {
    const result = decodeText(Buffer.from(`\uFEFF${SAMPLE}`, 'utf8'));
    expect(result).toEqual({ text: SAMPLE, encoding: 'utf-8', bom: true });
  });

  it('should decode UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8', bom: false });
  });

  it('should decode GBK bytes (Excel on Chinese Windows) as GB18030', () => {
    const bytes = iconv.encode(SAMPLE, 'gbk');
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'gb18030', bom: false });
  });

  it('should decode GB18030 four-byte sequences', () => {
    const text = '学校,€,𠀀,ㄅ\n';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('should decode UTF-16LE and UTF-16BE with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le', bom: true });
    const be = Buffer.from(Buffer.from(SAMPLE, 'utf16le')).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: SAMPLE,
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('should read plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('year,school_code\n2024,1\n'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('should accept a trailing DOS end-of-file character', () => {
    expect(decodeText(Buffer.from('a,b\n1,2\n\u001a')).text).toBe('a,b\n1,2\n');
  });

  it('should throw an ImportFileError for bytes with NULs (binary)', () => {
    expectEncodingError(new Uint8Array([0x61, 0x00, 0x62, 0x00, 0x63, 0x2c, 0x00, 0x01, 0x02]));
  });

  it('should throw an ImportFileError for bytes invalid in both UTF-8 and GB18030', () => {
    expectEncodingError(new Uint8Array([0x61, 0x2c, 0x80, 0xff, 0xfe, 0x0a]));
  });

  it('should throw for UTF-16 without a BOM (shows as NUL bytes)', () => {
    expectEncodingError(Buffer.from('year,school_code\n', 'utf16le'));
  });

  it('should decode any UTF-8 text without control characters unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const text = s.replace(/\p{Cc}/gu, '');
        const result = decodeText(Buffer.from(text, 'utf8'));
        expect(result.text).toBe(text);
        expect(result.encoding).toBe('utf-8');
      }),
    );
  });

  it('should decode GBK-encoded Chinese text back to the same text', () => {
    // (A very short GBK text can happen to be valid UTF-8, e.g. 模模 = C4 A3 C4 A3; real files are longer.)
    const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 8, maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(decodeText(iconv.encode(text, 'gbk')).text).toBe(text);
      }),
    );
  });
});
