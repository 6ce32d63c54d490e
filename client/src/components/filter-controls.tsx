import { useId } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** A labelled row of toggle buttons, one pressed: the stage switch, the Sankey's level, the county comparison's stage. */
export function SegmentedControl<Value extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
}) {
  const id = useId();
  return (
    <div className="filter-field">
      <span className="filter-label" id={`${id}-label`}>
        {label}
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: a segmented control of toggle buttons */}
      <div className="segmented" role="group" aria-labelledby={`${id}-label`}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={value === option.value}
            className={value === option.value ? 'segment active' : 'segment'}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The year picker of the filter bars, newest first as given. */
export function YearSelect({
  label,
  years,
  value,
  onChange,
}: {
  label: string;
  years: readonly number[];
  value: number | null;
  onChange: (year: number) => void;
}) {
  const t = useT();
  return (
    <label className="filter-field">
      <span className="filter-label">{label}</span>
      <select value={value ?? ''} disabled={!years.length} onChange={(event) => onChange(Number(event.target.value))}>
        {years.map((year) => (
          <option key={year} value={year}>
            {t('context.year', { year })}
          </option>
        ))}
      </select>
    </label>
  );
}
