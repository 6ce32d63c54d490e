import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate.ts';
import { cityOptionLabel } from './city-option-label.ts';

describe(cityOptionLabel.name, () => {
  it('should give a named city its name, code and number of counties', () => {
    expect(cityOptionLabel({ code: '3309', name: '澄州市', counties: 5 }, translator('zh'))).toBe('澄州市（3309，5）');
    expect(cityOptionLabel({ code: '3309', name: '澄州市', counties: 5 }, translator('en'))).toBe('澄州市 (3309, 5)');
  });

  it('should not repeat the code of a city the data does not name', () => {
    expect(cityOptionLabel({ code: '5000', name: null, counties: 100 }, translator('zh'))).toBe('5000（100 个区县）');
    expect(cityOptionLabel({ code: '5000', name: null, counties: 100 }, translator('en'))).toBe('5000 (100 counties)');
  });
});
