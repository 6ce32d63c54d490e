import type { DistanceToPassResponse } from '@junheng/shared';
import type { PanelQueryState } from '../../../components/chart-panel.tsx';
import { ErrorMessage } from '../../../components/error-boundary.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import type { MessageKey } from '../../../i18n/dictionary.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { formatInteger } from '../../../lib/format.ts';
import { formatResourceAmount } from '../resource-units.ts';

type Totals = DistanceToPassResponse['totals'];

const TOTAL_ITEMS: readonly {
  field: keyof Totals;
  label: MessageKey;
  unit: 'teachers' | 'square_metres' | 'yuan' | 'rooms';
}[] = [
  { field: 'higherDegreeTeachers', label: 'improve.budget.higherDegreeTeachers', unit: 'teachers' },
  { field: 'backboneTeachers', label: 'improve.budget.backboneTeachers', unit: 'teachers' },
  { field: 'peArtTeachers', label: 'improve.budget.peArtTeachers', unit: 'teachers' },
  { field: 'teachingRoomAreaM2', label: 'improve.budget.teachingRoomArea', unit: 'square_metres' },
  { field: 'sportsAreaM2', label: 'improve.budget.sportsArea', unit: 'square_metres' },
  { field: 'equipmentYuan', label: 'improve.budget.equipment', unit: 'yuan' },
  { field: 'multimediaRooms', label: 'improve.budget.multimediaRooms', unit: 'rooms' },
];

/** The county's 补短板 budget: what it takes, in natural units, to bring every school to every threshold. */
export function BudgetTotals({
  query,
  report,
  stageLabel,
}: {
  query: PanelQueryState;
  report: DistanceToPassResponse | undefined;
  stageLabel: string;
}) {
  const t = useT();
  const [lang] = useLang();
  let body: React.ReactNode;
  if (query.isPending) body = <Skeleton lines={2} />;
  else if (query.isError || !report) body = <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  else {
    const teachers = report.totals.higherDegreeTeachers + report.totals.backboneTeachers + report.totals.peArtTeachers;
    body = (
      <>
        <dl className="budget-grid">
          {TOTAL_ITEMS.map((item) => {
            const value = report.totals[item.field];
            return (
              <div key={item.field} className={value > 0 ? 'budget-item budget-short' : 'budget-item'}>
                <dt>{t(item.label)}</dt>
                <dd>{formatResourceAmount(value, item.unit, lang)}</dd>
              </div>
            );
          })}
        </dl>
        <p className="muted small">
          {t('improve.budget.note', {
            schools: formatInteger(report.unitsShort),
            counted: formatInteger(report.schoolsCounted),
            teachers: formatInteger(teachers),
          })}
        </p>
      </>
    );
  }
  return (
    <section className="card budget-card" aria-labelledby="budget-title" aria-busy={query.isPending}>
      <h2 id="budget-title" className="card-title">
        {t('improve.budget.title', { stage: stageLabel })}
      </h2>
      <div className={query.isPlaceholderData ? 'updating' : undefined}>{body}</div>
    </section>
  );
}
