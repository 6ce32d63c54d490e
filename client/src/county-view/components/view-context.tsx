import { type DistrictSummary, STAGE_LABELS } from '@junheng/shared';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { useMe } from '../../session/hooks/use-me.ts';
import { restrictedTownshipNames } from '../../session/scope.ts';
import type { CountyQuery } from '../county-query.ts';
import { schoolFilterNames } from '../filter-options.ts';
import { useFilterOptions } from '../hooks/use-filter-options.ts';

/**
 * One line saying what the view shows: county, year, stage and the filters in words (township names, not codes).
 * Printed pages and screenshots carry it, so a number is never separated from its context.
 */
export function ViewContext({
  district,
  county,
  showStage = true,
}: {
  district: Pick<DistrictSummary, 'code' | 'name'>;
  county: CountyQuery;
  showStage?: boolean;
}) {
  const t = useT();
  const [lang] = useLang();
  const { options } = useFilterOptions(county);
  const scope = restrictedTownshipNames(useMe());
  const names = schoolFilterNames(county, options, lang);
  const list = (items: string[]) => items.join(t('common.listSeparator'));
  const labelled = (label: MessageKey, items: string[]) =>
    items.length ? t('common.labelValue', { label: t(label), value: list(items) }) : null;
  const filters = [
    labelled('filters.township', names.townships),
    labelled('filters.locale', names.locales),
    labelled('filters.group', names.groups),
    names.privateExcluded ? t('filters.privateExcluded') : null,
  ].filter((part): part is string => part !== null);

  return (
    <p className="view-context">
      <strong>{district.name}</strong>
      <span className="muted"> {district.code}</span>
      <span className="sep">·</span>
      {t('context.year', { year: county.year })}
      {showStage ? (
        <>
          <span className="sep">·</span>
          {pickLabel(STAGE_LABELS[county.stage], lang)}
        </>
      ) : null}
      <span className="sep">·</span>
      {filters.length ? (
        <span className="view-context-filters">{filters.join(t('common.clauseSeparator'))}</span>
      ) : (
        <span className="muted">
          {scope
            ? t('context.scopeOnly', { townships: scope.join(t('common.listSeparator')) })
            : t('context.wholeCounty')}
        </span>
      )}
    </p>
  );
}
