import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { accessOf } from '../auth/principal.ts';
import { requireDistrict } from '../county/county.service.ts';
import { findTownships } from '../districts/districts.repository.ts';
import { sendTable } from '../export/send-table.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { buildDataCheckTable, streamDataCheckLines } from './data-check.table.ts';
import { getSchoolSources } from './provenance.service.ts';

/** Where stored values came from (issue #13 point 4): a school-year's sources, and the county's 数据核对表. */
export function createProvenanceRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.getSchoolSources.path, async (req, res) => {
    const { code } = parseInput(routes.getSchoolSources.params, req.params, 'params');
    const query = parseInput(routes.getSchoolSources.query, req.query, 'query');
    sendValidated(res, routes.getSchoolSources.response, await getSchoolSources(db, code, query, accessOf(res)));
  });

  router.get(routes.exportDataCheck.path, async (req, res) => {
    const { code } = parseInput(routes.exportDataCheck.params, req.params, 'params');
    const query = parseInput(routes.exportDataCheck.query, req.query, 'query');
    const access = accessOf(res);
    const district = await requireDistrict(db, code, access);
    const zh = query.lang === 'zh';
    const filters: [string, string][] = [
      [zh ? '区县' : 'District', `${district.name}（${district.code}）`],
      [zh ? '年度' : 'Year', query.year === undefined ? (zh ? '全部' : 'all') : String(query.year)],
    ];
    if (access.townships !== null) {
      const names = new Map((await findTownships(db, access.townships)).map((t) => [t.code, t.name]));
      const area = access.townships.map((c) => names.get(c) ?? c).join('、');
      filters.push([zh ? '访问范围' : 'Access scope', zh ? `仅限 ${area}` : `${area} only`]);
    }
    const lines = streamDataCheckLines(db, {
      access,
      districtCode: district.code,
      ...(query.year === undefined ? {} : { year: query.year }),
    });
    await sendTable(res, query.format, { bom: query.bom }, buildDataCheckTable(lines, query.lang), {
      fileNameParts: [district.name, query.year === undefined ? '' : String(query.year)],
      filters,
      dataYears: query.year === undefined ? (zh ? '全部' : 'all') : String(query.year),
      generatedAt: new Date(),
      definitions: zh
        ? [
            [
              '数据核对表',
              '每校每年每项统计值一行，注明它读自哪个文件、哪个工作表、哪个单元格（Excel 的单元格名称，如 D7）及该列表头或报表的行列代码，以及导入批次与时间，便于把上报的表格追溯到原始文件。',
            ],
            ['无来源记录', '演示数据，或在记录来源之前导入的数据。'],
            ['单位', '金额一律为元：表头写“万元”的文件导入时已换算为元，表头/行列代码一栏保留原表头。'],
          ]
        : [
            [
              'Data check',
              'One line per stored value of each school-year, naming the file, sheet and cell (as Excel names it) it was read from, the column header or form codes, and the import batch and time.',
            ],
            ['No source recorded', 'Demo data, or data imported before sources were recorded.'],
            [
              'Units',
              'Money in yuan: files with 万元 headers were converted on import; the label keeps the original header.',
            ],
          ],
      lang: query.lang,
    });
  });

  return router;
}
