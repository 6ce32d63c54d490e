import type { ScorecardStatus } from '@junheng/shared';
import { useT } from '../../../i18n/i18n.tsx';
import { SCORECARD_STATUS_MESSAGES } from '../../../reports/scorecard-display.ts';

const CLASSES: Record<ScorecardStatus, string> = {
  pass: 'verdict verdict-pass',
  fail: 'verdict verdict-fail',
  not_entered: 'verdict verdict-none',
};
const MARKS: Record<ScorecardStatus, string> = { pass: '✓ ', fail: '✗ ', not_entered: '○ ' };

/** 达标 / 未达标 / 未填报, in words and colour (never colour alone). */
export function StatusChip({ status }: { status: ScorecardStatus }) {
  const t = useT();
  return (
    <span className={CLASSES[status]} data-status={status}>
      {MARKS[status]}
      {t(SCORECARD_STATUS_MESSAGES[status])}
    </span>
  );
}
