import type { RosterYearSummary } from '@junheng/shared';
import { useT } from '../../../i18n/i18n.tsx';
import { formatInteger, formatPercent } from '../../../lib/format.ts';

/**
 * What the teacher rosters of an import gave (issue #13), per file and year: the figures analysts count by hand, so
 * they can check what was counted before applying it.
 */
export function RosterSummary({ rosters }: { rosters: readonly RosterYearSummary[] }) {
  const t = useT();
  if (rosters.length === 0) return null;
  const thresholds = [...new Set(rosters.flatMap((r) => r.eligibleYears))].sort((a, b) => a - b).join(' / ');
  return (
    <>
      <h3 className="section-title">{t('rosters.title')}</h3>
      <p className="muted small">{t('rosters.hint', { years: thresholds })}</p>
      <div className="table-wrap">
        <table className="table roster-summary">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('rosters.year')}
              </th>
              <th scope="col">{t('rosters.file')}</th>
              {(
                [
                  'rosters.schools',
                  'rosters.teachers',
                  'rosters.eligible',
                  'rosters.backbone',
                  'rosters.rotated',
                  'rosters.backboneRotated',
                  'rosters.share',
                ] as const
              ).map((key) => (
                <th key={key} scope="col" className="num">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rosters.map((r) => (
              <tr key={`${r.file}:${r.year}`}>
                <td className="num">{r.year}</td>
                <td className="cell-file" title={r.file} style={{ wordBreak: 'normal', whiteSpace: 'nowrap' }}>
                  {r.file}
                </td>
                <td className="num">{formatInteger(r.schools)}</td>
                <td className="num">{formatInteger(r.teachers)}</td>
                <td className="num">{formatInteger(r.eligibleTeachers)}</td>
                <td className="num">{formatInteger(r.backboneTeachers)}</td>
                <td className="num">{formatInteger(r.rotatedTeachers)}</td>
                <td className="num">{formatInteger(r.backboneRotated)}</td>
                <td className="num">
                  {formatPercent(r.rotatedTeachers === 0 ? null : r.backboneRotated / r.rotatedTeachers)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t('rosters.statsRows', {
          inImport: formatInteger(rosters.reduce((sum, r) => sum + r.statsInImport, 0)),
          stored: formatInteger(rosters.reduce((sum, r) => sum + r.storedStatsUpdated, 0)),
        })}
      </p>
    </>
  );
}
