/**
 * Worker thread of one import: reads, parses and validates the uploaded files off the main thread, so that other
 * users' requests stay fast and SIGTERM is heard while a large file validates (issue #10). The main thread answers the
 * one question that needs the database (what it holds of the years and counties in the files) and applies the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../workers/background-priority.ts';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-workers.ts';
import { inspectImportFiles } from './inspect-import.ts';
import { contextRequestOf, type ImportContext, parseImportFiles, validateParsedImport } from './validate-import.ts';

const port = parentPort;
if (!port) throw new Error('import-worker runs as a worker thread');
// Background work: other users' requests on the main thread come first (see background-priority.ts).
lowerThisThreadPriority();
const { files, options, inspect } = workerData as ImportWorkerRequest;
const reply = (message: ImportWorkerReply) => port.postMessage(message);

try {
  if (inspect) {
    // The column-mapping step (issue #13): what each file is, its header tree and samples; nothing to validate.
    reply({ type: 'inspected', inspection: await inspectImportFiles(files, options) });
  } else {
    const parsed = await parseImportFiles(files, options);
    const context = await new Promise<ImportContext>((resolve) => {
      port.once('message', (message: ImportContext) => resolve(message));
      reply({ type: 'parsed', request: contextRequestOf(parsed) });
    });
    reply({ type: 'validated', validated: validateParsedImport(parsed, context) });
  }
} catch (error) {
  reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
