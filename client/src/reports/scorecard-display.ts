import type { ScorecardItem, ScorecardStatus, ScorecardTally, ScorecardView } from '@junheng/shared';
import { carrySearch } from '../app/nav-items.ts';
import { writeViewParams } from '../county-view/view-params.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import type { Lang } from '../i18n/translate.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { countyInputId } from '../lib/page-anchors.ts';

export interface ItemLink {
  pathname: string;
  search: string;
  hash: string;
}

/** The element id of an item's school list on the scorecard (its `scorecard` link jumps there). */
export const scorecardSchoolsId = (key: string) => `scorecard-schools-${key}`;

/** The name of the view that explains an item (the label of its link). */
export const SCORECARD_VIEW_MESSAGES: Record<ScorecardView, MessageKey> = {
  balance: 'nav.balance',
  compliance: 'nav.compliance',
  class_size: 'nav.classSize',
  rotation: 'nav.teacherExchange',
  scorecard: 'scorecard.view.schools',
  county_inputs: 'scorecard.view.countyInputs',
};

export const SCORECARD_STATUS_MESSAGES: Record<ScorecardStatus, MessageKey> = {
  pass: 'scorecard.status.pass',
  fail: 'scorecard.status.fail',
  not_entered: 'scorecard.status.notEntered',
};

/**
 * Where an item is explained, keeping the county, year and filters: a computed item's view (at the item's stage; the
 * compliance list sorted failing schools first), the school list on the scorecard itself, or the item's row in the
 * 县级填报 form of the Data view.
 */
export function scorecardItemLink(item: Pick<ScorecardItem, 'key' | 'view' | 'stage'>, search: string): ItemLink {
  const carried = new URLSearchParams(carrySearch(search));
  const withStage = item.stage ? writeViewParams(carried, { stage: item.stage }) : carried;
  const query = (params: URLSearchParams) => {
    const text = params.toString();
    return text ? `?${text}` : '';
  };
  switch (item.view) {
    case 'balance':
      return { pathname: '/balance', search: query(withStage), hash: '' };
    case 'compliance':
      return {
        pathname: '/compliance',
        search: query(writeViewParams(withStage, { sort: 'passes', order: 'asc' })),
        hash: '',
      };
    case 'class_size':
      return { pathname: '/class-size', search: query(withStage), hash: '' };
    case 'rotation':
      return { pathname: '/rotation', search: query(carried), hash: '' };
    case 'scorecard':
      return { pathname: '/scorecard', search: query(carried), hash: `#${scorecardSchoolsId(item.key)}` };
    case 'county_inputs':
      return { pathname: '/data', search: query(carried), hash: `#${countyInputId(item.key)}` };
  }
}

const TALLY_UNITS: Record<ScorecardTally['unit'], { zh: string; en: (n: number) => string }> = {
  indicators: { zh: '项', en: (n) => (n === 1 ? 'indicator' : 'indicators') },
  schools: { zh: '所', en: (n) => (n === 1 ? 'school' : 'schools') },
  teachers: { zh: '人', en: (n) => (n === 1 ? 'teacher' : 'teachers') },
};

/** "468 / 470 人" / "468 of 470 teachers". */
export function formatTally(tally: ScorecardTally, lang: Lang): string {
  const part = formatNumber(tally.part);
  const whole = formatNumber(tally.whole);
  return lang === 'zh'
    ? `${part} / ${whole} ${TALLY_UNITS[tally.unit].zh}`
    : `${part} of ${whole} ${TALLY_UNITS[tally.unit].en(tally.whole)}`;
}

/**
 * A ratio as a percentage with one decimal, more (up to 4) when one would round a shortfall up to the standard:
 * 0.9996 is 99.96%, never "100.0%" beside 未达标.
 */
export function formatRatio(value: number): string {
  let decimals = 1;
  while (decimals < 4 && value < 1 && Number((value * 100).toFixed(decimals)) >= 100) decimals += 1;
  return formatPercent(value, decimals);
}

/**
 * An item's value as the view shows it: 是 / 否 for a yes/no item, a percentage for a ratio, the tally for a computed
 * count (resource CVs: "5 / 7 项"), a number with up to 2 decimals otherwise; null when there is no value.
 */
export function formatScorecardValue(item: Pick<ScorecardItem, 'kind' | 'value' | 'tally'>, lang: Lang): string | null {
  const { value } = item;
  if (value === null) return null;
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if (item.kind === 'ratio') return formatRatio(value);
  if (item.tally) return formatTally(item.tally, lang);
  return formatNumber(value, Number.isInteger(value) ? 0 : 2);
}

/** The items a county does not pass on: every failing item of the four parts, in scorecard order. */
export function failingItems<T extends Pick<ScorecardItem, 'status'>>(items: readonly T[]): T[] {
  return items.filter((item) => item.status === 'fail');
}

/** The items not decided yet (not entered, or not computable): never counted as passing. */
export function notEnteredItems<T extends Pick<ScorecardItem, 'status'>>(items: readonly T[]): T[] {
  return items.filter((item) => item.status === 'not_entered');
}
