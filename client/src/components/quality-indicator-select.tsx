import { QUALITY_INDICATOR_KEYS, type QualityIndicatorKey } from '@junheng/shared';
import { useId } from 'react';
import { useLang, useT } from '../i18n/i18n.tsx';
import { indicatorName } from '../lib/indicators.ts';

/**
 * Picks one of the seven 2017 resource indicators (views whose data exist for those only: the urban–rural report,
 * the school profile). The balance view's IndicatorSelect also offers the 2012-only ones.
 */
export function QualityIndicatorSelect({
  value,
  onChange,
  label,
  className,
}: {
  value: QualityIndicatorKey;
  onChange: (key: QualityIndicatorKey) => void;
  label?: string;
  className?: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  return (
    <label className={className ? `filter-field ${className}` : 'filter-field'} htmlFor={id}>
      <span className="filter-label">{label ?? t('filters.indicator')}</span>
      <select
        id={id}
        className="indicator-select"
        value={value}
        onChange={(event) => onChange(event.target.value as QualityIndicatorKey)}
      >
        {QUALITY_INDICATOR_KEYS.map((key) => (
          <option key={key} value={key}>
            {indicatorName(key, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
