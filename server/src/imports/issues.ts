import type { ImportIssue } from '@junheng/shared';

/** Errors listed in a report at most (a wholly wrong file still gives a readable report). */
export const MAX_LISTED_ISSUES = 1000;

/**
 * Collects located issues, listing at most `limit` of each severity while still counting all of them
 * (`errorCount > 0` is what decides whether an import may be applied).
 */
export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(readonly limit: number = MAX_LISTED_ISSUES) {}

  error(issue: ImportIssue): void {
    this.errorCount++;
    if (this.errors.length < this.limit) this.errors.push(issue);
  }

  warning(issue: ImportIssue): void {
    this.warningCount++;
    if (this.warnings.length < this.limit) this.warnings.push(issue);
  }

  add(severity: 'error' | 'warning', issue: ImportIssue): void {
    if (severity === 'error') this.error(issue);
    else this.warning(issue);
  }

  /** More errors exist than are listed. */
  get truncated(): boolean {
    return this.errorCount > this.errors.length;
  }
}

/** A value quoted for a message: 'abc' (long values shortened). */
export function quote(value: string): string {
  const v = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `'${v}'`;
}
