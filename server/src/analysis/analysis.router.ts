import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import { getClassSize } from '../class-size/class-size.service.ts';
import { buildClassSizeSchoolTable, buildClassSizeTrendTable } from '../class-size/class-size.tables.ts';
import { indicatorName, type Lang } from '../export/indicator-labels.ts';
import { measureDefinitions } from '../export/measure-definitions.ts';
import { labelCountyYear, labelYearRange } from '../export/report-labels.ts';
import { sendReport } from '../export/send-report.ts';
import type { ExportTable } from '../export/table.ts';
import { parseInput } from '../http/validate.ts';
import { findExportNotes } from '../notes/notes.service.ts';
import { getSchoolProfile } from '../school-profile/school-profile.service.ts';
import { buildSchoolProfileTable } from '../school-profile/school-profile.tables.ts';
import { getTeacherExchange } from '../teacher-exchange/teacher-exchange.service.ts';
import {
  addRotationConventions,
  buildRotationEffectTable,
  buildRotationFlowTable,
  buildRotationSchoolTable,
  buildRotationYearTable,
} from '../teacher-exchange/teacher-exchange.tables.ts';
import { getTrends } from '../trends/trends.service.ts';
import { buildTrendTable } from '../trends/trends.tables.ts';
import { getDecomposition, getEquity, getUrbanRural } from '../urban-rural/urban-rural.service.ts';
import {
  buildContributionTable,
  buildDecompositionGroupTable,
  buildDecompositionRowTable,
  buildEquityTable,
  buildTownshipComparisonTable,
  buildUrbanRuralGroupTable,
  buildUrbanRuralRatioTable,
} from '../urban-rural/urban-rural.tables.ts';

/** A table builder whose row type is erased once chosen (each endpoint picks one of several tables). */
type AnyTable = (lang: Lang) => ExportTable<unknown>;
const erase = <Row>(build: (lang: Lang) => ExportTable<Row>): AnyTable => build as AnyTable;

const GROUPING_LABELS = {
  locale: { zh: '按城乡分组', en: 'by urban–rural class' },
  township: { zh: '按乡镇分组', en: 'by township' },
  group: { zh: '按学区集团分组', en: 'by school group' },
} as const;

/** Urban–rural, decomposition, equity, teacher exchange, trends and school profiles. */
export function createAnalysisRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getUrbanRural.path, async (req, res) => {
    const { code } = parseInput(routes.getUrbanRural.params, req.params, 'params');
    const query = parseInput(routes.getUrbanRural.query, req.query, 'query');
    const body = await getUrbanRural(db, code, query, accessOf(res));
    const tables: Record<typeof query.table, AnyTable> = {
      groups: erase((lang) => buildUrbanRuralGroupTable(body, lang)),
      ratios: erase((lang) => buildUrbanRuralRatioTable(body, lang)),
      decomposition: erase((lang) =>
        buildDecompositionRowTable(body.decomposition, lang, { zh: '城乡差异分解', en: 'Decomposition' }),
      ),
      townships: erase(() => buildTownshipComparisonTable(body)),
    };
    await sendReport(res, query, {
      schema: routes.getUrbanRural.response,
      body,
      labels: (lang) => labelCountyYear(body, query.stage, lang),
      table: tables[query.table],
      definitions: (lang) => measureDefinitions(lang, ['urbanRural', 'decomposition']),
    });
  });

  router.get(routes.getDecomposition.path, async (req, res) => {
    const { code } = parseInput(routes.getDecomposition.params, req.params, 'params');
    const query = parseInput(routes.getDecomposition.query, req.query, 'query');
    const body = await getDecomposition(db, code, query, accessOf(res));
    await sendReport(res, query, {
      schema: routes.getDecomposition.response,
      body,
      labels: (lang) =>
        labelCountyYear(body, query.stage, lang, [
          [lang === 'zh' ? '指标' : 'Indicator', indicatorName(query.indicator, lang)],
          [lang === 'zh' ? '分组' : 'Grouping', GROUPING_LABELS[query.by][lang]],
        ]),
      table:
        query.table === 'groups'
          ? erase((lang) => buildDecompositionGroupTable(body, lang))
          : erase((lang) => buildContributionTable(body, lang)),
      definitions: (lang) => measureDefinitions(lang, ['decomposition']),
    });
  });

  router.get(routes.getEquity.path, async (req, res) => {
    const { code } = parseInput(routes.getEquity.params, req.params, 'params');
    const query = parseInput(routes.getEquity.query, req.query, 'query');
    const body = await getEquity(db, code, query, accessOf(res));
    await sendReport(res, query, {
      schema: routes.getEquity.response,
      body,
      labels: (lang) =>
        labelCountyYear(body, query.stage, lang, [
          [lang === 'zh' ? '泰尔指数分组' : 'Theil grouping', GROUPING_LABELS[query.by][lang]],
        ]),
      table: (lang) => buildEquityTable(body, lang),
      definitions: (lang) => measureDefinitions(lang, ['equity']),
    });
  });

  router.get(routes.getTeacherExchange.path, async (req, res) => {
    const { code } = parseInput(routes.getTeacherExchange.params, req.params, 'params');
    const query = parseInput(routes.getTeacherExchange.query, req.query, 'query');
    const body = await getTeacherExchange(db, code, query, accessOf(res));
    const tables: Record<typeof query.table, AnyTable> = {
      schools: erase((lang) => buildRotationSchoolTable(body, lang)),
      flows: erase((lang) => buildRotationFlowTable(body, lang)),
      effect: erase((lang) => buildRotationEffectTable(body, lang)),
      years: erase((lang) => buildRotationYearTable(body, lang)),
    };
    await sendReport(res, query, {
      schema: routes.getTeacherExchange.response,
      body,
      labels: (lang) =>
        addRotationConventions(
          query.table === 'years'
            ? labelYearRange(body, { from: body.years[0] ?? body.year, to: body.years.at(-1) ?? body.year }, null, lang)
            : labelCountyYear(body, null, lang),
          body,
          lang,
        ),
      table: tables[query.table],
      definitions: (lang) => measureDefinitions(lang, ['rotation']),
    });
  });

  router.get(routes.getClassSize.path, async (req, res) => {
    const { code } = parseInput(routes.getClassSize.params, req.params, 'params');
    const query = parseInput(routes.getClassSize.query, req.query, 'query');
    const body = await getClassSize(db, code, query, accessOf(res));
    const first = body.trend[0]?.year ?? body.year;
    const last = body.trend.at(-1)?.year ?? body.year;
    await sendReport(res, query, {
      schema: routes.getClassSize.response,
      body,
      labels: (lang) =>
        query.table === 'trend'
          ? labelYearRange(body, { from: first, to: last }, query.stage, lang)
          : labelCountyYear(body, query.stage, lang),
      table:
        query.table === 'trend'
          ? erase((lang) => buildClassSizeTrendTable(body, lang))
          : erase((lang) => buildClassSizeSchoolTable(body, lang)),
      definitions: (lang) => measureDefinitions(lang, ['classSize']),
    });
  });

  router.get(routes.getTrends.path, async (req, res) => {
    const { code } = parseInput(routes.getTrends.params, req.params, 'params');
    const query = parseInput(routes.getTrends.query, req.query, 'query');
    const body = await getTrends(db, code, query, accessOf(res));
    await sendReport(res, query, {
      schema: routes.getTrends.response,
      body,
      labels: (lang) =>
        labelYearRange(body, body, query.stage, lang, [
          [lang === 'zh' ? '指标' : 'Indicator', indicatorName(query.indicator, lang)],
        ]),
      table: (lang) => buildTrendTable(body, lang),
      definitions: (lang) => measureDefinitions(lang, ['urbanRural']),
    });
  });

  router.get(routes.getSchoolProfile.path, async (req, res) => {
    const { code } = parseInput(routes.getSchoolProfile.params, req.params, 'params');
    const query = parseInput(routes.getSchoolProfile.query, req.query, 'query');
    const body = await getSchoolProfile(db, code, query, accessOf(res));
    const first = body.years[0];
    const last = body.years.at(-1);
    const range = first === undefined || last === undefined ? '' : first === last ? `${first}` : `${first}–${last}`;
    await sendReport(res, query, {
      schema: routes.getSchoolProfile.response,
      body,
      labels: (lang) => ({
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
      }),
      table: (lang) => buildSchoolProfileTable(body, lang),
      definitions: (lang) => measureDefinitions(lang, ['ranking']),
      notes: (lang) =>
        findExportNotes(
          db,
          { districtCode: body.district.code, access: accessOf(res), schoolCode: body.school.code },
          lang,
        ),
    });
  });

  return router;
}
