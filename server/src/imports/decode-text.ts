import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { ImportFileError } from './import-file-error.ts';

/** Encodings a CSV may arrive in (METHOD.md §9): what Excel writes as "CSV UTF-8", "Unicode text" or plain "CSV" on Chinese Windows. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

export const UNREADABLE_ENCODING_MESSAGE =
  '无法识别文件编码（支持 UTF-8、GB18030/GBK）：文件可能不是 CSV 或 XLSX 文件，或以其他编码保存。' +
  '请在 Excel 中另存为「CSV UTF-8（逗号分隔）」或 .xlsx 后重新导入。';

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Node is normally built with full ICU (TextDecoder knows gb18030); fall back to iconv-lite when it is not. */
const gb18030Fatal: TextDecoder | null = (() => {
  try {
    return new TextDecoder('gb18030', { fatal: true });
  } catch {
    return null;
  }
})();

function decodeGb18030(bytes: Uint8Array): string | null {
  if (gb18030Fatal) {
    try {
      return gb18030Fatal.decode(bytes);
    } catch {
      return null;
    }
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  // iconv-lite replaces invalid sequences with U+FFFD instead of throwing.
  return text.includes('\uFFFD') ? null : text;
}

/**
 * C0 control characters other than tab, LF, CR (and a DOS end-of-file Ctrl-Z at the very end) mean the bytes are
 * not text: a binary file, or a text encoding we do not support (UTF-16 without BOM shows as NULs).
 */
function checkText(text: string): string {
  const body = text.endsWith('\u001A') ? text.slice(0, -1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      throw new ImportFileError('unreadable_encoding', UNREADABLE_ENCODING_MESSAGE);
    }
  }
  return body;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * Decode the bytes of a CSV/text file: UTF-8 (with or without BOM), UTF-16LE/BE with BOM, else GB18030 (a superset of
 * GBK). Bytes that are valid UTF-8 are always read as UTF-8. Throws ImportFileError when neither decodes cleanly or
 * the result contains control characters (binary data).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return { text: checkText(utf8Fatal.decode(bytes.subarray(3))), encoding: 'utf-8', bom: true };
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError('unreadable_encoding', UNREADABLE_ENCODING_MESSAGE, { cause: error });
    }
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    } catch (error) {
      throw new ImportFileError('unreadable_encoding', UNREADABLE_ENCODING_MESSAGE, { cause: error });
    }
    return { text: checkText(text), encoding, bom: true };
  }
  let utf8: string | null = null;
  try {
    utf8 = utf8Fatal.decode(bytes);
  } catch {
    utf8 = null;
  }
  if (utf8 !== null) return { text: checkText(utf8), encoding: 'utf-8', bom: false };
  const gb = decodeGb18030(bytes);
  if (gb === null) throw new ImportFileError('unreadable_encoding', UNREADABLE_ENCODING_MESSAGE);
  return { text: checkText(gb), encoding: 'gb18030', bom: false };
}
