import { routes } from '@junheng/shared';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { findExportNotes } from '../notes/notes.service.ts';
import { defineReport, loadByCode } from '../reports/define-report.ts';
import { getSchoolProfile } from './school-profile.service.ts';
import { buildSchoolProfileTable } from './school-profile.tables.ts';

/** "2019–2025", or one year, or nothing for a school without data. */
function yearRange(years: readonly number[]): string {
  const first = years[0];
  const last = years.at(-1);
  return first === undefined || last === undefined ? '' : first === last ? `${first}` : `${first}–${last}`;
}

/** A school's indicators by year, each beside the county mean and the threshold. */
export const schoolProfileReport = defineReport({
  name: 'school-profile',
  route: routes.getSchoolProfile,
  load: loadByCode(getSchoolProfile),
  tables: buildSchoolProfileTable,
  labels: (body, lang) => {
    const range = yearRange(body.years);
    return {
      fileNameParts: [body.district.name, body.school.name, range.replace('–', '-')],
      filters: [
        [lang === 'zh' ? '区县' : 'District', `${body.district.name} (${body.district.code})`],
        [lang === 'zh' ? '学校' : 'School', `${body.school.name} (${body.school.code})`],
        [lang === 'zh' ? '年度' : 'Years', range],
        [
          lang === 'zh' ? '民办学校' : 'Private schools',
          body.includePrivate ? (lang === 'zh' ? '计入' : 'included') : lang === 'zh' ? '不计入' : 'excluded',
        ],
      ],
      dataYears: range,
    };
  },
  definitions: (lang) => measureDefinitions(lang, ['ranking']),
  notes: (db, body, { access }, lang) =>
    findExportNotes(db, { districtCode: body.district.code, access, schoolCode: body.school.code }, lang),
  cache: true,
});
