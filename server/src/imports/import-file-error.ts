/** Why a whole file could not be read (as opposed to located row/column problems, which are ImportIssues). */
export type ImportFileErrorCode =
  | 'empty'
  | 'unreadable_encoding'
  | 'not_a_table'
  | 'legacy_xls'
  | 'corrupt_xlsx'
  | 'csv_syntax'
  | 'too_large';

/**
 * A file-level import failure with a message the analyst can act on (Chinese, says what to do).
 * `validateImport` turns it into an ImportIssue with row and column null.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly code: ImportFileErrorCode;
  /** 1-based line/row the problem was found at, when known (CSV syntax errors). */
  readonly row: number | null;

  constructor(code: ImportFileErrorCode, message: string, options?: { row?: number | null; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.row = options?.row ?? null;
  }
}
