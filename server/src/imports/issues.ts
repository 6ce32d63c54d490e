import type { ImportIssue, ImportIssueCount } from '@junheng/shared';

/**
 * Issues listed in a report at most, per severity: a wholly wrong file still gives a readable report of bounded size
 * (issue #10: a 25 000-row file of duplicates once answered a report that grew with the square of the rows).
 */
export const MAX_LISTED_ISSUES = 200;

/** Longest text kept in an issue's fields: a 24 MB header cell is not echoed back. */
const MAX_FIELD_CHARS = { file: 200, column: 100, value: 200, message: 600 } as const;

/** A text shortened to `max` characters (the last one an ellipsis). */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function shortenIssue(issue: ImportIssue): ImportIssue {
  const { file, column, value, message } = MAX_FIELD_CHARS;
  return {
    file: shorten(issue.file, file),
    row: issue.row,
    column: issue.column === null ? null : shorten(issue.column, column),
    value: issue.value === null ? null : shorten(issue.value, value),
    message: shorten(issue.message, message),
    ...(issue.sheet == null ? {} : { sheet: shorten(issue.sheet, column) }),
    ...(issue.cell == null ? {} : { cell: issue.cell }),
  };
}

/**
 * Collects located issues, listing at most `limit` of each severity while still counting all of them, in total
 * (`errorCount > 0` is what decides whether an import may be applied) and per kind (severity and column).
 */
export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  readonly #counts = new Map<string, ImportIssueCount>();

  constructor(readonly limit: number = MAX_LISTED_ISSUES) {}

  error(issue: ImportIssue): void {
    this.add('error', issue);
  }

  warning(issue: ImportIssue): void {
    this.add('warning', issue);
  }

  add(severity: 'error' | 'warning', issue: ImportIssue): void {
    const short = shortenIssue(issue);
    this.#count(severity, short.column, 1);
    if (severity === 'error') {
      this.errorCount++;
      if (this.errors.length < this.limit) this.errors.push(short);
    } else {
      this.warningCount++;
      if (this.warnings.length < this.limit) this.warnings.push(short);
    }
  }

  /** Takes over the lists and counts of an earlier stage (e.g. parsing before validation). */
  absorb(earlier: { errors: ImportIssue[]; warnings: ImportIssue[]; issueCounts: readonly ImportIssueCount[] }): void {
    for (const e of earlier.errors) if (this.errors.length < this.limit) this.errors.push(shortenIssue(e));
    for (const w of earlier.warnings) if (this.warnings.length < this.limit) this.warnings.push(shortenIssue(w));
    for (const c of earlier.issueCounts) {
      this.#count(c.severity, c.column, c.count);
      if (c.severity === 'error') this.errorCount += c.count;
      else this.warningCount += c.count;
    }
  }

  /** How many issues of each severity and column, errors first, most frequent first. */
  get counts(): ImportIssueCount[] {
    return [...this.#counts.values()].sort(
      (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count,
    );
  }

  /** More errors exist than are listed. */
  get truncated(): boolean {
    return this.errorCount > this.errors.length;
  }

  #count(severity: 'error' | 'warning', column: string | null, n: number): void {
    const key = `${severity}\u0000${column ?? ''}`;
    const entry = this.#counts.get(key);
    if (entry) entry.count += n;
    else this.#counts.set(key, { severity, column, count: n });
  }
}

/** A value quoted for a message: 'abc' (long values shortened). */
export function quote(value: string): string {
  return `'${shorten(value, 60)}'`;
}
