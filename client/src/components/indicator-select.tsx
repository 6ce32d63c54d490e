import { type IndicatorKey, QUALITY_INDICATOR_KEYS, type QualityIndicatorKey } from '@junheng/shared';
import { Fragment, useId } from 'react';
import { useLang, useT } from '../i18n/i18n.tsx';
import { indicatorName, isQualityIndicator, RANKABLE_INDICATORS } from '../lib/indicators.ts';

interface IndicatorSelectProps<K extends IndicatorKey> {
  value: K;
  onChange: (key: K) => void;
  label?: string;
  className?: string;
}

/** The indicator picker of the filter bar: the keys offered, in option groups when they are labelled. */
function IndicatorPicker<K extends IndicatorKey>({
  value,
  onChange,
  label,
  className,
  groups,
}: IndicatorSelectProps<K> & { groups: readonly { label?: string; keys: readonly K[] }[] }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const options = (keys: readonly K[]) =>
    keys.map((key) => (
      <option key={key} value={key}>
        {indicatorName(key, lang)}
      </option>
    ));
  return (
    <label className={className ? `filter-field ${className}` : 'filter-field'} htmlFor={id}>
      <span className="filter-label">{label ?? t('filters.indicator')}</span>
      <select
        id={id}
        className="indicator-select"
        value={value}
        onChange={(event) => onChange(event.target.value as K)}
      >
        {groups.map((group) =>
          group.label ? (
            <optgroup key={group.label} label={group.label}>
              {options(group.keys)}
            </optgroup>
          ) : (
            <Fragment key="all">{options(group.keys)}</Fragment>
          ),
        )}
      </select>
    </label>
  );
}

/** Picks an indicator: the seven 2017 ones, then the four only the 2012 method has. */
export function IndicatorSelect(props: IndicatorSelectProps<IndicatorKey>) {
  const t = useT();
  return (
    <IndicatorPicker
      {...props}
      groups={[
        { label: t('filters.indicatorsQuality'), keys: RANKABLE_INDICATORS.filter(isQualityIndicator) },
        { label: t('filters.indicatorsBasic'), keys: RANKABLE_INDICATORS.filter((key) => !isQualityIndicator(key)) },
      ]}
    />
  );
}

/**
 * Picks one of the seven 2017 resource indicators (views whose data exist for those only: the urban–rural report,
 * the school profile).
 */
export function QualityIndicatorSelect(props: IndicatorSelectProps<QualityIndicatorKey>) {
  return <IndicatorPicker {...props} groups={[{ keys: QUALITY_INDICATOR_KEYS }]} />;
}
