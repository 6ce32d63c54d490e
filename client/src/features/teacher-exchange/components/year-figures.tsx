import type { TeacherExchangeResponse } from '@junheng/shared';
import { useT } from '../../../i18n/i18n.tsx';
import { formatInteger, formatPercent } from '../../../lib/format.ts';
import { useMe } from '../../../session/hooks/use-me.ts';
import { restrictedTownshipNames } from '../../../session/scope.ts';

function kpiClass(passes: boolean | null): string {
  if (passes === null) return 'kpi';
  return passes ? 'kpi kpi-pass' : 'kpi kpi-fail';
}

function Verdict({ passes }: { passes: boolean | null }) {
  const t = useT();
  if (passes === null) return <span className="verdict verdict-none">{t('verdict.notComputable')}</span>;
  return passes ? (
    <span className="verdict verdict-pass">✓ {t('verdict.pass')}</span>
  ) : (
    <span className="verdict verdict-fail">✗ {t('verdict.fail')}</span>
  );
}

/** The selected year's figures: eligible, rotated, ratio against 10 %, backbone share against 20 %, flow to villages. */
export function YearFigures({ report, dimmed }: { report: TeacherExchangeResponse; dimmed: boolean }) {
  const t = useT();
  // For a user limited to some townships, "from outside" also covers the county's other townships.
  const restricted = restrictedTownshipNames(useMe()) !== null;
  return (
    <section className={dimmed ? 'card updating' : 'card'} aria-labelledby="rotation-year-title">
      <h2 id="rotation-year-title" className="card-title">
        {t('teacherExchange.yearTitle', { year: report.year })}
      </h2>
      <dl className="kpi-grid rot-kpis">
        <div className="kpi">
          <dt>{t('chart.rot.eligible')}</dt>
          <dd>{formatInteger(report.eligible)}</dd>
        </div>
        <div className="kpi">
          <dt>{t('chart.rot.rotated')}</dt>
          <dd>{formatInteger(report.rotated)}</dd>
        </div>
        <div className={kpiClass(report.ratioPasses)}>
          <dt>{t('teacherExchange.ratioAgainst', { limit: formatPercent(report.ratioLimit, 0) })}</dt>
          <dd>
            {formatPercent(report.ratio)} <Verdict passes={report.ratioPasses} />
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('chart.rot.backboneRotated')}</dt>
          <dd>{formatInteger(report.backboneRotated)}</dd>
        </div>
        <div className={kpiClass(report.backbonePasses)}>
          <dt>{t('teacherExchange.backboneAgainst', { limit: formatPercent(report.backboneShareLimit, 0) })}</dt>
          <dd>
            {formatPercent(report.backboneShare)} <Verdict passes={report.backbonePasses} />
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('teacherExchange.ruralNet')}</dt>
          <dd>
            {formatInteger(report.rural.netTeachers)}
            <span className="kpi-of">
              {' '}
              {t('teacherExchange.ruralNetBackbone', { backbone: formatInteger(report.rural.netBackbone) })}
            </span>
          </dd>
        </div>
      </dl>
      {report.rotatedInFromOutside > 0 ? (
        <p className="muted small">
          {t(restricted ? 'teacherExchange.fromOutsideArea' : 'teacherExchange.fromOutside', {
            count: formatInteger(report.rotatedInFromOutside),
          })}
        </p>
      ) : null}
      {report.continuingRows > 0 ? (
        <p className="muted small">
          {t(report.multiYear === 'first_year' ? 'teacherExchange.continuing' : 'teacherExchange.continuingCounted', {
            count: formatInteger(report.continuingRows),
          })}
        </p>
      ) : null}
      {report.carriedOver > 0 ? (
        <p className="muted small">{t('teacherExchange.carriedOver', { count: formatInteger(report.carriedOver) })}</p>
      ) : null}
      {report.ignoredRows > 0 ? (
        <p className="muted small">{t('teacherExchange.ignored', { count: formatInteger(report.ignoredRows) })}</p>
      ) : null}
    </section>
  );
}
