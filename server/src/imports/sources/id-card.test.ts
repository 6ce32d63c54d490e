import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isIdCardHeader, looksLikeIdCardNumber, maskIdCardNumber } from './id-card.ts';

/** A fictional number with a valid check character (region 330999, born 1985-03-12). */
const first17 = '33099919850312123';
const VALID = `${first17}${idCheckCharacter(first17)}`;

describe('identity-card numbers', () => {
  it('should compute the ISO 7064 check character of the published example', () => {
    // GB 11643-1999 example: 11010519491231002X.
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(looksLikeIdCardNumber('11010519491231002X')).toBe(true);
    expect(looksLikeIdCardNumber('11010519491231002x')).toBe(true);
  });

  it('should recognise 18-digit numbers only with the right check character and a birth date', () => {
    expect(looksLikeIdCardNumber(VALID)).toBe(true);
    const wrong = `${first17}${idCheckCharacter(first17) === '0' ? '1' : '0'}`;
    expect(looksLikeIdCardNumber(wrong)).toBe(false);
    expect(looksLikeIdCardNumber('330999198513121230')).toBe(false); // month 13
  });

  it('should recognise the 15-digit form and leave school codes and teacher numbers alone', () => {
    expect(looksLikeIdCardNumber('330999850312123')).toBe(true);
    expect(looksLikeIdCardNumber('330999851312123')).toBe(false);
    expect(looksLikeIdCardNumber('3433099901')).toBe(false);
    expect(looksLikeIdCardNumber('T3309990001')).toBe(false);
    expect(looksLikeIdCardNumber('G3433099901001')).toBe(false);
  });

  it('should name the headers of identity-card columns', () => {
    for (const header of ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证件号', ' 身份证 ']) {
      expect(isIdCardHeader(header)).toBe(true);
    }
    for (const header of ['教师编号', '工号', '学校标识码']) expect(isIdCardHeader(header)).toBe(false);
  });

  it('should mask all but the first four and last two characters', () => {
    const masked = maskIdCardNumber(VALID);
    expect(masked).toBe(`3309************${VALID.slice(-2)}`);
    expect(masked).not.toContain('19850312');
  });
});
