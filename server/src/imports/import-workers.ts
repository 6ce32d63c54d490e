import type { Worker } from 'node:worker_threads';
import type { ImportInspection } from '@junheng/shared';
import { HttpError } from '../http/errors.ts';
import { startWorker } from '../workers/start-worker.ts';
import type {
  ContextRequest,
  ImportContext,
  ParseOptions,
  UploadedImportFile,
  ValidatedImport,
} from './validate-import.ts';

export interface ImportWorkerRequest {
  files: readonly UploadedImportFile[];
  options: ParseOptions;
  /** Inspect the files for the column-mapping step (issue #13) instead of validating them. */
  inspect?: boolean;
}

export type ImportWorkerReply =
  | { type: 'parsed'; request: ContextRequest }
  | { type: 'validated'; validated: ValidatedImport }
  | { type: 'inspected'; inspection: ImportInspection }
  | { type: 'failed'; message: string };

/**
 * Heap of one import worker: a file that escapes the size checks ends its own worker (answered 413), never the
 * server. Bounded inputs (issue #10) stay far below it.
 */
const WORKER_HEAP_MB = 256;

const running = new Set<Worker>();

/**
 * The files' own memory, moved to the worker instead of copied: `workerData` is cloned on the main thread, and a
 * 24 MB upload held every other request back ≈ 60 ms there. Only a buffer that holds one file alone is moved (small
 * files share Node's buffer pool with other data, which must stay); the main thread does not read the files again.
 */
export function transferableFileBuffers(files: readonly UploadedImportFile[]): ArrayBuffer[] {
  const owners = new Map<ArrayBufferLike, number>();
  for (const { bytes } of files) owners.set(bytes.buffer, (owners.get(bytes.buffer) ?? 0) + 1);
  const buffers: ArrayBuffer[] = [];
  for (const { bytes } of files) {
    const { buffer } = bytes;
    // Larger than a pool slab: memory of its own (the multipart reader's buffer may keep some unused room at its end).
    const own = bytes.byteOffset === 0 && buffer.byteLength > Buffer.poolSize;
    if (own && owners.get(buffer) === 1 && buffer instanceof ArrayBuffer) buffers.push(buffer);
  }
  return buffers;
}

/**
 * Reads, parses and validates the files in a worker thread; `loadContext` is asked (on the main thread) for what the
 * database holds of the years and counties found in the files.
 */
export function validateInWorker(
  files: readonly UploadedImportFile[],
  loadContext: (request: ContextRequest) => Promise<ImportContext>,
  options: ParseOptions = {},
): Promise<ValidatedImport> {
  const worker = startWorker(
    { source: new URL('./import-worker.ts', import.meta.url), bundle: 'import-worker' },
    {
      workerData: { files, options } satisfies ImportWorkerRequest,
      transferList: transferableFileBuffers(files),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    },
  );
  running.add(worker);
  return new Promise<ValidatedImport>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      running.delete(worker);
      void worker.terminate();
      fn();
    };
    worker.on('message', (message: ImportWorkerReply) => {
      if (message.type === 'parsed') {
        loadContext(message.request).then(
          (context) => worker.postMessage(context),
          (error: unknown) => settle(() => reject(error)),
        );
      } else if (message.type === 'validated') {
        settle(() => resolve(message.validated));
      } else if (message.type === 'failed') {
        settle(() => reject(new Error(`import worker failed: ${message.message}`)));
      }
    });
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new HttpError(
                413,
                'PayloadTooLarge',
                '文件过大或过于复杂，无法在限定内存内读取：请拆分成多个较小的文件后再导入 / File too large or complex to read',
              )
            : error,
        ),
      ),
    );
    worker.on('exit', () =>
      settle(() =>
        reject(
          new HttpError(
            503,
            'ServiceUnavailable',
            '服务器正在关闭，导入已取消 / Server shutting down: import cancelled',
          ),
        ),
      ),
    );
  });
}

/**
 * Inspects the files for the column-mapping step (issue #13 point 3) in an import worker thread: same heap limit, same
 * answers when a file is too large or the server shuts down.
 */
export function inspectInWorker(
  files: readonly UploadedImportFile[],
  options: ParseOptions = {},
): Promise<ImportInspection> {
  const worker = startWorker(
    { source: new URL('./import-worker.ts', import.meta.url), bundle: 'import-worker' },
    {
      workerData: { files, options, inspect: true } satisfies ImportWorkerRequest,
      transferList: transferableFileBuffers(files),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    },
  );
  running.add(worker);
  return new Promise<ImportInspection>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      running.delete(worker);
      void worker.terminate();
      fn();
    };
    worker.on('message', (message: ImportWorkerReply) => {
      if (message.type === 'inspected') settle(() => resolve(message.inspection));
      else
        settle(() =>
          reject(new Error(`import worker failed: ${message.type === 'failed' ? message.message : message.type}`)),
        );
    });
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex() : error)),
    );
    worker.on('exit', () =>
      settle(() =>
        reject(
          new HttpError(503, 'ServiceUnavailable', '服务器正在关闭，检查已取消 / Server shutting down: cancelled'),
        ),
      ),
    );
  });
}

function tooComplex(): HttpError {
  return new HttpError(
    413,
    'PayloadTooLarge',
    '文件过大或过于复杂，无法在限定内存内读取：请拆分成多个较小的文件后再导入 / File too large or complex to read',
  );
}

/** Ends every running import worker (their requests are answered 503): the server is shutting down. */
export async function terminateImportWorkers(): Promise<void> {
  await Promise.all([...running].map((w) => w.terminate()));
}

/**
 * At most `max` imports at once (each holds its files and a worker thread); the others are refused at once with 503
 * and Retry-After instead of queueing behind them.
 */
export class ImportSlots {
  #used = 0;

  constructor(readonly max: number) {}

  /** A release function, or null when every slot is taken. */
  tryAcquire(): (() => void) | null {
    if (this.#used >= this.max) return null;
    this.#used++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#used--;
    };
  }
}
