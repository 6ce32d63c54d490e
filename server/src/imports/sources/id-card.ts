/**
 * Resident identity-card numbers (居民身份证号码) must never be stored (issue #13, SPEC: 教师编号 is pseudonymous). A
 * roster column whose header names one, or any cell that looks like one, rejects the file; the number itself is
 * never echoed back, only a masked form.
 */

const ID_HEADER = /身份证|证件号|公民身份号码/;

/** A header naming an identity-card number (身份证号, 身份证件号码, 证件号码 …). */
export function isIdCardHeader(header: string): boolean {
  return ID_HEADER.test(header.normalize('NFKC').replace(/\s+/g, ''));
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const ID18 = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
const ID15 = /^[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of an 18-digit number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * Whether a cell looks like a PRC identity-card number: 18 characters with a plausible birth date and a matching
 * check character, or the 15-digit form of before 1999 (region, YYMMDD birth date, sequence).
 */
export function looksLikeIdCardNumber(raw: string): boolean {
  const text = raw.normalize('NFKC').trim().toUpperCase();
  if (text.length === 18) return ID18.test(text) && idCheckCharacter(text.slice(0, 17)) === text[17];
  if (text.length === 15) return ID15.test(text);
  return false;
}

/** The value as a report may show it: the first four and last two characters, the rest masked. */
export function maskIdCardNumber(raw: string): string {
  const text = raw.normalize('NFKC').trim();
  if (text.length <= 6) return '*'.repeat(text.length);
  return `${text.slice(0, 4)}${'*'.repeat(text.length - 6)}${text.slice(-2)}`;
}
