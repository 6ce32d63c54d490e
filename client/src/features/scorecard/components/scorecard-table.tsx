import { SCORECARD_AREA_LABELS, SCORECARD_AREAS, type ScorecardResponse, STAGE_LABELS } from '@junheng/shared';
import { pickLabel, useLang, useT } from '../../../i18n/i18n.tsx';
import { formatScorecardValue, formatTally } from '../../../reports/scorecard-display.ts';
import { ItemSource } from './item-source.tsx';
import { StatusChip } from './status-chip.tsx';

/** The scorecard as on paper: one table per part (资源配置, 政府保障程度, 教育质量, 社会认可度), the export's rows. */
export function ScorecardTable({ report }: { report: ScorecardResponse }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <div className="scorecard-areas">
      {SCORECARD_AREAS.map((area) => {
        const items = report.items.filter((item) => item.area === area);
        const counts = report.areas.find((a) => a.area === area);
        const areaLabel = pickLabel(SCORECARD_AREA_LABELS[area], lang);
        return (
          <section key={area} className="scorecard-area" aria-labelledby={`scorecard-area-${area}`} data-area={area}>
            <h3 id={`scorecard-area-${area}`} className="section-title">
              {areaLabel}
              {counts ? (
                <span className="muted small scorecard-area-counts">
                  {t('scorecard.areaCounts', {
                    pass: counts.pass,
                    fail: counts.fail,
                    notEntered: counts.notEntered,
                  })}
                </span>
              ) : null}
            </h3>
            <div className="table-scroll">
              <table className="data-table scorecard-table">
                <caption className="visually-hidden">{areaLabel}</caption>
                <colgroup>
                  <col className="col-item" />
                  <col className="col-stage" />
                  <col className="col-value" />
                  <col className="col-requirement" />
                  <col className="col-status" />
                  <col className="col-source" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">{t('scorecard.col.item')}</th>
                    <th scope="col">{t('scorecard.col.stage')}</th>
                    <th scope="col" className="numeric">
                      {t('scorecard.col.value')}
                    </th>
                    <th scope="col">{t('scorecard.col.requirement')}</th>
                    <th scope="col">{t('scorecard.col.status')}</th>
                    <th scope="col">{t('scorecard.col.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => {
                    const value = formatScorecardValue(item, lang);
                    const detail = lang === 'zh' ? item.detailZh : item.detailEn;
                    return (
                      <tr
                        key={item.key}
                        data-item={item.key}
                        className={item.status === 'fail' ? 'scorecard-row-fail' : undefined}
                      >
                        <th scope="row">
                          {lang === 'zh' ? item.zh : item.en}
                          {detail ? <span className="scorecard-detail muted small">{detail}</span> : null}
                          {item.note ? (
                            <span className="scorecard-detail muted small">
                              {t('scorecard.note', { note: item.note })}
                            </span>
                          ) : null}
                        </th>
                        <td>{item.stage ? pickLabel(STAGE_LABELS[item.stage], lang) : t('scorecard.countyWide')}</td>
                        <td className="numeric">
                          {value ?? (
                            <span className="muted">
                              {item.source === 'computed' ? t('scorecard.notComputable') : '—'}
                            </span>
                          )}
                          {value !== null && item.tally && item.kind === 'ratio' ? (
                            <span className="scorecard-detail muted small">{formatTally(item.tally, lang)}</span>
                          ) : null}
                        </td>
                        <td>{lang === 'zh' ? item.requirementZh : item.requirementEn}</td>
                        <td>
                          <StatusChip status={item.status} />
                        </td>
                        <td>
                          <ItemSource item={item} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
