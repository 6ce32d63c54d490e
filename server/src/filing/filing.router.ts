import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { beginExport } from '../auth/export-audit.ts';
import { accessOf } from '../auth/principal.ts';
import { indicatorDefinitions } from '../export/send-report.ts';
import { sendTable } from '../export/send-table.ts';
import { buildFileName } from '../export/table.ts';
import { encodeContentDisposition } from '../http/content-disposition.ts';
import { parseInput } from '../http/validate.ts';
import { getFilingTables } from './filing.service.ts';
import { type FilingTable, toExportTable } from './filing.tables.ts';
import { writeFilingWorkbook } from './filing-xlsx.ts';

export function createFilingRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getFilingTables.path, async (req, res) => {
    const { code } = parseInput(routes.getFilingTables.params, req.params, 'params');
    const query = parseInput(routes.getFilingTables.query, req.query, 'query');
    const zh = query.lang === 'zh';
    const { district, year, tables } = await getFilingTables(db, code, query, accessOf(res));
    const generatedAt = new Date();
    const scopeParts = query.includePrivate ? [] : [zh ? '不含民办' : 'public only'];
    if (query.format === 'csv') {
      const table = tables.find((t) => t.key === query.table) as FilingTable;
      await sendTable(res, 'csv', { bom: query.bom }, toExportTable(table), {
        fileNameParts: [district.name, String(year), ...scopeParts],
        filters: [],
        dataYears: String(year),
        generatedAt,
        definitions: [],
        lang: query.lang,
      });
      return;
    }
    const tracker = await beginExport(res, 'xlsx');
    const fileName = buildFileName(
      [district.name, String(year), ...scopeParts, zh ? '督导评估标准表格' : 'filing tables'],
      'xlsx',
    );
    res.setHeader('Content-Disposition', encodeContentDisposition(fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const about: [string, string][] = [
      [zh ? '县（市、区）' : 'County', `${district.name}（${district.code}）`],
      [zh ? '年度' : 'Year', String(year)],
      [
        zh ? '民办学校' : 'Private schools',
        query.includePrivate ? (zh ? '计入' : 'included') : zh ? '不计入' : 'excluded',
      ],
      [zh ? '工作表' : 'Sheets', tables.map((t) => `${t.sheetName}：${t.title}`).join('\n')],
      [
        zh ? '数字' : 'Numbers',
        zh
          ? '单元格保存完整精度，按界面显示的小数位显示；未达标单元格的底色与“学校达标”页相同（橙：未达标但≥85%，红：低于85%）。'
          : 'Cells keep full precision under the screen’s decimals; shading as on the compliance view (orange: below but ≥ 85%, red: under 85%).',
      ],
      ...indicatorDefinitions(query.lang),
    ];
    tracker.rows = await writeFilingWorkbook(tables, { lang: query.lang, generatedAt, about }, res);
    tracker.written = true;
  });

  return router;
}
