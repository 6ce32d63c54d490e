import type { IndicatorKey } from '@junheng/shared';
import { useId } from 'react';
import { useLang, useT } from '../i18n/i18n.tsx';
import { indicatorName, isQualityIndicator, RANKABLE_INDICATORS } from '../lib/indicators.ts';

/** Picks an indicator: the seven 2017 ones, then the four only the 2012 method has. */
export function IndicatorSelect({
  value,
  onChange,
  label,
  className,
}: {
  value: IndicatorKey;
  onChange: (key: IndicatorKey) => void;
  label?: string;
  className?: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const quality = RANKABLE_INDICATORS.filter(isQualityIndicator);
  const basicOnly = RANKABLE_INDICATORS.filter((key) => !isQualityIndicator(key));
  return (
    <label className={className ? `filter-field ${className}` : 'filter-field'} htmlFor={id}>
      <span className="filter-label">{label ?? t('filters.indicator')}</span>
      <select
        id={id}
        className="indicator-select"
        value={value}
        onChange={(event) => onChange(event.target.value as IndicatorKey)}
      >
        <optgroup label={t('filters.indicatorsQuality')}>
          {quality.map((key) => (
            <option key={key} value={key}>
              {indicatorName(key, lang)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('filters.indicatorsBasic')}>
          {basicOnly.map((key) => (
            <option key={key} value={key}>
              {indicatorName(key, lang)}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
