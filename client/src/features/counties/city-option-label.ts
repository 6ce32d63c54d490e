import type { CountyComparisonResponse } from '@junheng/shared';
import type { Translate } from '../../i18n/translate.ts';

/**
 * A city in the picker: its name, code and number of counties; by code alone when the data names none of its
 * counties' cities (the code is not repeated as a name).
 */
export function cityOptionLabel(city: CountyComparisonResponse['cities'][number], t: Translate): string {
  return city.name
    ? t('counties.cityOption', { name: city.name, code: city.code, counties: city.counties })
    : t('counties.cityOptionUnnamed', { code: city.code, counties: city.counties });
}
