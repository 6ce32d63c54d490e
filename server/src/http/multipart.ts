import busboy from 'busboy';
import type { Request } from 'express';
import { ChunkCollector } from './chunk-collector.ts';
import { HttpError } from './errors.ts';

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** 415 unless the request is multipart/form-data: checked before an upload takes an import slot. */
export function requireMultipart(req: Request): void {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    throw new HttpError(
      415,
      'UnsupportedMediaType',
      '请以 multipart/form-data 上传文件 / Send files as multipart/form-data',
    );
  }
}

/**
 * Reads and drops the body of a request the server answers without it (an upload refused before it is read), so that
 * a client still sending gets the answer rather than a reset connection. Past `maxBytes` the connection is cut.
 */
export function discardRequestBody(req: Request, maxBytes: number): void {
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) req.socket.destroy();
  });
  req.resume();
}

/**
 * Reads the file parts of a multipart/form-data request into memory, refusing with 413 as soon as one file passes the
 * size limit (the rest of the upload is not buffered).
 */
export function readMultipartFiles(
  req: Request,
  limits: { fieldName: string; maxFileBytes: number; maxFiles: number; maxTotalBytes?: number },
): Promise<UploadedFile[]> {
  return readMultipartForm(req, limits).then((form) => form.files);
}

/** Like readMultipartFiles, with the text fields of the form too (the last value of each name). */
export function readMultipartForm(
  req: Request,
  limits: { fieldName: string; maxFileBytes: number; maxFiles: number; maxTotalBytes?: number },
): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  try {
    requireMultipart(req);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, parts: limits.maxFiles + 20 },
      });
    } catch {
      reject(new HttpError(400, 'ValidationFailed', '无效的 multipart 请求 / Malformed multipart request'));
      return;
    }
    const files: UploadedFile[] = [];
    const fields: Record<string, string> = {};
    let failed = false;
    let totalBytes = 0;
    const fail = (error: HttpError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== limits.fieldName) {
        stream.resume();
        return;
      }
      // PostgreSQL text cannot hold a NUL, and no real file name has a control character: bad input, not a 500.
      if (hasControlCharacter(info.filename ?? '')) {
        stream.resume();
        fail(
          new HttpError(
            400,
            'ValidationFailed',
            '文件名含有控制字符（如 NUL）/ The file name holds a control character (such as NUL)',
            { in: 'body', fields: [{ field: 'files', message: 'control character in filename' }] },
          ),
        );
        return;
      }
      // What is left of the request bounds this file: its buffer can be set aside once it is known to be large.
      const left = Number(req.headers['content-length']) - totalBytes;
      const collector = new ChunkCollector({
        sizeHint: Number.isFinite(left) && left > 0 ? Math.min(left, limits.maxFileBytes) : 0,
      });
      stream.on('data', (chunk: Buffer) => {
        collector.add(chunk);
        totalBytes += chunk.length;
        if (limits.maxTotalBytes !== undefined && totalBytes > limits.maxTotalBytes) {
          const mb = Math.round(limits.maxTotalBytes / 1024 / 1024);
          stream.resume();
          fail(
            new HttpError(
              413,
              'PayloadTooLarge',
              `一次上传的文件合计超过 ${mb} MB 上限：请分几次导入 / The files together exceed the ${mb} MB limit`,
            ),
          );
        }
      });
      stream.on('limit', () => {
        const mb = Math.round(limits.maxFileBytes / 1024 / 1024);
        fail(
          new HttpError(
            413,
            'PayloadTooLarge',
            `文件 ${info.filename} 超过 ${mb} MB 上限 / File exceeds the ${mb} MB limit`,
          ),
        );
      });
      stream.on('end', () => files.push({ name: info.filename || 'upload', bytes: collector.bytes() }));
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        fail(new HttpError(413, 'PayloadTooLarge', `表单字段 ${name} 过长 / Form field ${name} too long`));
        return;
      }
      fields[name] = value;
    });
    parser.on('filesLimit', () =>
      fail(
        new HttpError(
          413,
          'PayloadTooLarge',
          `一次最多上传 ${limits.maxFiles} 个文件 / At most ${limits.maxFiles} files`,
        ),
      ),
    );
    parser.on('error', () => fail(new HttpError(400, 'ValidationFailed', '上传中断或格式错误 / Broken upload')));
    parser.on('close', () => {
      if (!failed) resolve({ files, fields });
    });
    req.pipe(parser);
  });
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
