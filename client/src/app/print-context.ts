import { createContext, useContext, useEffect } from 'react';
import type { CountyQuery } from '../county-view/county-query.ts';
import type { Lang, Translate } from '../i18n/translate.ts';

export interface PrintContextParts {
  district: { name: string; code: string } | null;
  year: string | null;
  /** The stage of a view of one stage, in the page's language; null on views of both stages or of none. */
  stage: string | null;
  /**
   * The school filters of a county view, each already in the page's language (empty lists = not filtered); null on
   * views without school filters (data, method).
   */
  filters: { townships: string[]; locales: string[]; groups: string[]; privateExcluded: boolean } | null;
  /** The townships of a restricted user, or null. */
  scope: string[] | null;
  /**
   * When the page is printed; null on screen, where the line is hidden: the first date formatting of a page costs
   * ≈ 35 ms (ICU loads its patterns), which every first screen paid for a line nobody sees.
   */
  printedAt: Date | null;
}

/**
 * The line at the top of a printed page: county, data year, stage, filters (or "all schools of the county"), access
 * scope and print time (when printing), with the punctuation of the page's language (Chinese colons and 、 in Chinese, ": " and ", "
 * in English).
 */
export function printContextLine(parts: PrintContextParts, t: Translate, lang: Lang): string {
  const list = (items: readonly string[]) => items.join(t('common.listSeparator'));
  const labelled = (label: string, value: string) => t('common.labelValue', { label, value });
  let filters: string | null = null;
  if (parts.filters) {
    const { townships, locales, groups, privateExcluded } = parts.filters;
    const chosen = [
      list(townships),
      list(locales),
      list(groups),
      privateExcluded ? t('filters.privateExcluded') : '',
    ].filter(Boolean);
    filters = chosen.length ? chosen.join(t('header.filterSeparator')) : t('context.wholeCounty');
  }
  const printedAt =
    parts.printedAt?.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }) ?? null;
  return [
    parts.district
      ? labelled(t('header.county'), t('common.withNote', { text: parts.district.name, note: parts.district.code }))
      : null,
    parts.year ? labelled(t('header.dataYear'), parts.year) : null,
    parts.stage ? labelled(t('filters.stage'), parts.stage) : null,
    filters ? labelled(t('header.filters'), filters) : null,
    parts.scope ? t('scope.print', { townships: list(parts.scope) }) : null,
    printedAt ? labelled(t('header.printedAt'), printedAt) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/** What the view on screen shows, for the print header: its county query, and whether it shows one stage. */
export interface PrintedView {
  county: CountyQuery;
  showStage: boolean;
}

/** Set by the layout; county views report themselves through `usePrintedView`. */
export const PrintedViewContext = createContext<(view: PrintedView | null) => void>(() => {});

/** A county view tells the print header its year, stage and filters while it is on screen. */
export function usePrintedView(view: PrintedView | null): void {
  const report = useContext(PrintedViewContext);
  useEffect(() => {
    report(view);
    return () => report(null);
  }, [report, view]);
}
