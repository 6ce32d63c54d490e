import { LOCALE_LABELS, LOCALES, type Locale, STAGE_LABELS, STAGES } from '@junheng/shared';
import { useId, useMemo } from 'react';
import { SegmentedControl, YearSelect } from '../../components/filter-controls.tsx';
import { MultiSelect, type MultiSelectOption } from '../../components/multi-select.tsx';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useMe } from '../../session/hooks/use-me.ts';
import { restrictedTownshipNames } from '../../session/scope.ts';
import type { CountyQuery } from '../county-query.ts';
import type { FilterOptions } from '../filter-options.ts';
import { useFilterOptions } from '../hooks/use-filter-options.ts';
import { countActiveFilters } from '../school-filter.ts';
import { CLEARED_FILTERS, type ViewParams } from '../view-params.ts';

export interface FilterBarProps {
  params: ViewParams;
  update: (patch: Partial<ViewParams>) => void;
  county: CountyQuery | null;
  years: readonly number[];
  /** The overview shows both stages side by side: no stage switch there. */
  showStage?: boolean;
  /** View-specific controls after the filters (the indicator picker of the rankings). */
  children?: React.ReactNode;
}

/**
 * Year, stage, township (several, searchable), locale class, school group and private schools. Every control writes
 * the URL through `update`, which keeps the other parameters; the report queries read it back.
 */
export function FilterBar({ params, update, county, years, showStage = true, children }: FilterBarProps) {
  const t = useT();
  const [lang] = useLang();
  const { options } = useFilterOptions(county);
  // A user limited to some townships has no 全县 to choose: "all" means all of theirs.
  const restricted = restrictedTownshipNames(useMe()) !== null;
  const active = countActiveFilters(params);
  const sortedYears = useMemo(() => [...years].sort((a, b) => b - a), [years]);

  const townshipOptions = useMemo<MultiSelectOption[]>(
    () =>
      options.townships.map((township) => ({
        value: township.code,
        label: township.name,
        hint: t('filters.schoolCount', { count: formatInteger(township.schools) }),
      })),
    [options.townships, t],
  );
  const groupOptions = useMemo<MultiSelectOption[]>(
    () => options.groups.map((group) => ({ value: group, label: group })),
    [options.groups],
  );

  return (
    <section className="filter-bar card" aria-label={t('filters.label')}>
      <div className="filter-row">
        <YearSelect
          label={t('filters.year')}
          years={sortedYears}
          value={county?.year ?? null}
          onChange={(year) => update({ year })}
        />

        {showStage ? (
          <SegmentedControl
            label={t('filters.stage')}
            options={STAGES.map((stage) => ({ value: stage, label: pickLabel(STAGE_LABELS[stage], lang) }))}
            value={params.stage}
            onChange={(stage) => update({ stage })}
          />
        ) : null}

        <MultiSelect
          label={t('filters.township')}
          options={townshipOptions}
          selected={params.township}
          onChange={(township) => update({ township })}
          searchable
          allLabel={restricted ? t('filters.allInScope') : t('filters.allTownships')}
          disabled={!townshipOptions.length}
        />

        <LocaleToggles options={options} selected={params.locale} onChange={(locale) => update({ locale })} />

        {groupOptions.length ? (
          <MultiSelect
            label={t('filters.group')}
            options={groupOptions}
            selected={params.group}
            onChange={(group) => update({ group })}
            searchable={groupOptions.length > 8}
            allLabel={t('filters.allGroups')}
          />
        ) : null}

        <label className="filter-field filter-check">
          <input
            type="checkbox"
            checked={params.includePrivate}
            onChange={(event) => update({ includePrivate: event.target.checked })}
          />
          <span>{t('filters.includePrivate')}</span>
        </label>

        {children}

        {active > 0 ? (
          <button
            type="button"
            className="button button-plain button-small filter-reset"
            onClick={() => update(CLEARED_FILTERS)}
          >
            {t('filters.reset', { count: active })}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function LocaleToggles({
  options,
  selected,
  onChange,
}: {
  options: FilterOptions;
  selected: readonly Locale[];
  onChange: (next: Locale[]) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const available = options.locales.length ? options.locales : LOCALES;
  return (
    <div className="filter-field">
      <span className="filter-label" id={`${id}-locale`}>
        {t('filters.locale')}
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: independent toggle buttons, several may be on */}
      <div className="segmented" role="group" aria-labelledby={`${id}-locale`}>
        {available.map((locale) => {
          const on = selected.includes(locale);
          return (
            <button
              key={locale}
              type="button"
              aria-pressed={on}
              className={on ? 'segment active' : 'segment'}
              onClick={() => onChange(on ? selected.filter((l) => l !== locale) : [...selected, locale])}
            >
              {pickLabel(LOCALE_LABELS[locale], lang)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
