import { routes, STAGE_LABELS } from '@junheng/shared';
import { defineReport } from '../reports/define-report.ts';
import { getCountyComparison } from './county-comparison.service.ts';
import { buildCountyComparisonTable } from './county-comparison.tables.ts';

/** The counties the user may see side by side for a year and stage. */
export const countyComparisonReport = defineReport({
  name: 'county-comparison',
  route: routes.getCountyComparison,
  load: (db, { query, access }) => getCountyComparison(db, query, access),
  tables: buildCountyComparisonTable,
  labels: (body, lang, query) => {
    const zh = lang === 'zh';
    const stage = zh ? STAGE_LABELS[query.stage].zh : STAGE_LABELS[query.stage].en;
    const city = body.cities.find((c) => c.code === body.city);
    return {
      fileNameParts: [
        zh ? '多县对比' : 'county-comparison',
        ...(city ? [city.name ?? city.code] : []),
        String(body.year ?? ''),
        stage,
      ],
      filters: [
        [zh ? '学段' : 'Stage', stage],
        ...(city ? [[zh ? '地市' : 'City', `${city.name ?? ''} ${city.code}`.trim()] as [string, string]] : []),
      ],
      dataYears: String(body.year ?? ''),
    };
  },
  cache: true,
});
