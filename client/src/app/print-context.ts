import type { Lang, Translate } from '../i18n/translate.ts';

export interface PrintContextParts {
  district: { name: string; code: string } | null;
  year: string | null;
  /** Stage, townships, urban–rural classes and groups, each already in the page's language; empty ones left out. */
  filters: { stage: string | null; townships: string[]; locales: string[]; groups: string[] };
  /** The townships of a restricted user, or null. */
  scope: string[] | null;
  printedAt: Date;
}

/**
 * The line at the top of a printed page: county, data year, filters, access scope and print time, with the
 * punctuation of the page's language (Chinese colons and 、 in Chinese, ": " and ", " in English).
 */
export function printContextLine(parts: PrintContextParts, t: Translate, lang: Lang): string {
  const list = (items: readonly string[]) => items.join(t('common.listSeparator'));
  const labelled = (label: string, value: string) => t('common.labelValue', { label, value });
  const { stage, townships, locales, groups } = parts.filters;
  const filters = [stage ?? '', list(townships), list(locales), list(groups)].filter(Boolean);
  const printedAt = parts.printedAt.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return [
    parts.district
      ? labelled(t('header.county'), t('common.withNote', { text: parts.district.name, note: parts.district.code }))
      : null,
    parts.year ? labelled(t('header.dataYear'), parts.year) : null,
    filters.length ? labelled(t('header.filters'), filters.join(t('header.filterSeparator'))) : null,
    parts.scope ? t('scope.print', { townships: list(parts.scope) }) : null,
    labelled(t('header.printedAt'), printedAt),
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}
