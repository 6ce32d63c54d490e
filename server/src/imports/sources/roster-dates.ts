/**
 * Dates as teacher rosters write them (issue #13): 进入本校日期 and the 开始年月 / 结束年月 of a rotation. The
 * teacher-management system exports `2015-09-01`; analysts' sheets also hold `2015/9/1`, `2015.09`, `201509`,
 * `2015年9月`, or an Excel serial date (42248) when a date cell lost its format.
 */

export interface RosterDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31; 1 when the cell gives only a year and month. */
  day: number;
  /** The cell gave only a year and month. */
  monthOnly: boolean;
}

const EARLIEST_YEAR = 1950;
const LATEST_YEAR = 2100;
/** Excel serial dates count days from 1899-12-30 (its 1900 leap-year bug folded in); 18264 = 1950-01-01. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_051; // 2099-12-31

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function make(year: number, month: number, day: number | null): RosterDate | null {
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === null) return { year, month, day: 1, monthOnly: true };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, monthOnly: false };
}

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})?$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T[\d:.]+Z?$/;

/**
 * A roster date cell, or null when the text is not a date we understand (the caller reports it, located). Accepts
 * `2015-09-01`, `2015/9/1`, `2015.9.1`, `2015年9月1日`, `2015-09`, `2015.09`, `2015年9月`, `20150901`, `201509`, an
 * ISO date-time at midnight (an XLSX date cell), and an Excel serial date between 1950 and 2099.
 */
export function parseRosterDate(raw: string): RosterDate | null {
  let text = raw.normalize('NFKC').trim();
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) text = iso[1] as string;
  const separated = SEPARATED.exec(text);
  if (separated) {
    return make(Number(separated[1]), Number(separated[2]), separated[3] === undefined ? null : Number(separated[3]));
  }
  const compact = COMPACT.exec(text);
  if (compact) {
    return make(Number(compact[1]), Number(compact[2]), compact[3] === undefined ? null : Number(compact[3]));
  }
  if (/^\d{5}(?:\.0+)?$/.test(text)) {
    const serial = Math.trunc(Number(text));
    if (serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
    const date = new Date(EXCEL_EPOCH_UTC + serial * 86_400_000);
    return make(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return null;
}

export function formatRosterDate(date: RosterDate): string {
  const mm = String(date.month).padStart(2, '0');
  return date.monthOnly ? `${date.year}-${mm}` : `${date.year}-${mm}-${String(date.day).padStart(2, '0')}`;
}
