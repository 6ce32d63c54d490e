import type { ResourceUnit, WhatIfResource } from '@junheng/shared';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { type Lang, translate } from '../../i18n/translate.ts';
import { formatInteger, formatMoney, formatNumber } from '../../lib/format.ts';

export const RESOURCE_UNIT_KEYS: Record<ResourceUnit, MessageKey> = {
  teachers: 'improve.unit.teachers',
  square_metres: 'improve.unit.squareMetres',
  yuan: 'improve.unit.yuan',
  rooms: 'improve.unit.rooms',
  computers: 'improve.unit.computers',
  books: 'improve.unit.books',
};

/** "{count} 人" / "1 teacher", "3 teachers": an amount with its unit, singular or plural as English needs. */
const RESOURCE_AMOUNT_KEYS: Record<Exclude<ResourceUnit, 'yuan'>, MessageKey> = {
  teachers: 'improve.amount.teachers',
  square_metres: 'improve.amount.squareMetres',
  rooms: 'improve.amount.rooms',
  computers: 'improve.amount.computers',
  books: 'improve.amount.books',
};

/** An amount of resource in its unit: money with 万/亿 (formatMoney), areas with one decimal, counts whole. */
export function formatResourceAmount(amount: number, unit: ResourceUnit, lang: Lang): string {
  if (unit === 'yuan') return formatMoney(amount, lang);
  const text =
    unit === 'square_metres' ? formatNumber(amount, Number.isInteger(amount) ? 0 : 1) : formatInteger(amount);
  return translate(lang, RESOURCE_AMOUNT_KEYS[unit], { count: text });
}

export const WHAT_IF_RESOURCE_KEYS: Record<WhatIfResource, MessageKey> = {
  teachingRoomArea: 'improve.resource.teachingRoomArea',
  sportsArea: 'improve.resource.sportsArea',
  equipmentValue: 'improve.resource.equipmentValue',
  multimediaRooms: 'improve.resource.multimediaRooms',
  computers: 'improve.resource.computers',
  books: 'improve.resource.books',
  musicRooms: 'improve.resource.musicRooms',
  artRooms: 'improve.resource.artRooms',
};

/** The unit an added resource is entered in. */
export function whatIfResourceUnit(resource: WhatIfResource): ResourceUnit {
  switch (resource) {
    case 'teachingRoomArea':
    case 'sportsArea':
      return 'square_metres';
    case 'equipmentValue':
      return 'yuan';
    case 'computers':
      return 'computers';
    case 'books':
      return 'books';
    default:
      return 'rooms';
  }
}
