import { LOCALES, type Locale, type QualityIndicatorKey, type UrbanRuralResponse } from '@junheng/shared';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { formatIndicator, formatInteger } from '../../../lib/format.ts';
import { indicatorShortName } from '../../../lib/indicators.ts';
import { LOCALE_COLORS, localeLabel } from '../../../lib/locale-chart.ts';
import { decompositionHeadline } from '../charts/build-locale-decomposition-option.ts';
import { classMean } from '../charts/build-locale-means-option.ts';

/**
 * The three classes at a glance (schools, students, the chosen indicator's mean) as toggle buttons that filter the
 * view to a class, and the headline "x% of the disparity is the urban–rural gap".
 */
export function ClassSummary({
  report,
  indicator,
  selected,
  onSelect,
  dimmed,
}: {
  report: UrbanRuralResponse;
  indicator: QualityIndicatorKey | null;
  selected: readonly Locale[];
  onSelect: (locale: Locale) => void;
  dimmed: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const byLocale = new Map(report.groups.map((group) => [group.locale, group]));
  const row = indicator ? report.decomposition.find((item) => item.key === indicator) : undefined;
  const headline = indicator ? decompositionHeadline(row, lang) : null;
  return (
    <section className={dimmed ? 'card ur-summary updating' : 'card ur-summary'} aria-labelledby="ur-summary-title">
      <h2 id="ur-summary-title" className="card-title">
        {t('urbanRural.classesTitle')}
      </h2>
      {indicator ? <p className="ur-headline">{headline ?? t('urbanRural.headlineNone')}</p> : null}
      <div className="ur-class-grid">
        {LOCALES.map((locale) => {
          const group = byLocale.get(locale);
          const on = selected.includes(locale);
          const mean = indicator ? classMean(group, indicator) : null;
          return (
            <button
              key={locale}
              type="button"
              className={on ? 'ur-class active' : 'ur-class'}
              style={{ borderTopColor: LOCALE_COLORS[locale] }}
              aria-pressed={on}
              data-locale={locale}
              onClick={() => onSelect(locale)}
            >
              <span className="ur-class-name">{localeLabel(locale, lang)}</span>
              <span className="ur-class-counts">
                {t('urbanRural.classCounts', {
                  schools: formatInteger(group?.schools ?? 0),
                  students: formatInteger(group?.students ?? 0),
                })}
              </span>
              {indicator ? (
                <span className="ur-class-mean">
                  {indicatorShortName(indicator, lang)}
                  {lang === 'en' ? ': ' : '：'}
                  {formatIndicator(indicator, mean, { unit: true, lang })}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <p className="muted small">{t('urbanRural.classHint')}</p>
    </section>
  );
}
