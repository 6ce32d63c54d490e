import type { ImportIssuesExportBodySchema } from '@junheng/shared';
import type { z } from 'zod';
import type { ExportContext, ExportTable } from '../export/table.ts';

type IssuesBody = z.output<typeof ImportIssuesExportBodySchema>;
type IssueLine = IssuesBody['errors'][number] & { level: 'error' | 'warning' };

/**
 * The located issues of an import report as one table for the schools: errors first (they block the import), then
 * warnings, each with file, row as Excel shows it, column, value and the problem, in the report's own order.
 */
export function buildImportIssuesTable(body: IssuesBody, lang: 'zh' | 'en'): ExportTable<IssueLine> {
  const zh = lang === 'zh';
  const rows: IssueLine[] = [
    ...body.errors.map((issue) => ({ ...issue, level: 'error' as const })),
    ...body.warnings.map((issue) => ({ ...issue, level: 'warning' as const })),
  ];
  return {
    titleZh: '导入问题清单',
    titleEn: 'Import issues',
    columns: [
      {
        key: 'level',
        zh: '级别',
        en: 'Level',
        value: (r) => (r.level === 'error' ? (zh ? '错误' : 'Error') : zh ? '警告' : 'Warning'),
      },
      { key: 'file', zh: '文件', en: 'File', width: 30, value: (r) => r.file },
      {
        key: 'row',
        zh: '行',
        en: 'Row',
        decimals: 0,
        value: (r) => r.row ?? (zh ? '整个文件' : 'whole file'),
      },
      { key: 'column', zh: '列', en: 'Column', width: 20, value: (r) => r.column },
      { key: 'value', zh: '值', en: 'Value', width: 20, value: (r) => r.value },
      { key: 'message', zh: '问题', en: 'Problem', width: 90, value: (r) => r.message },
    ],
    rows,
  };
}

/** The 说明 sheet of the issue list: which files, how many issues, what an error and a warning mean. */
export function importIssuesContext(body: IssuesBody, lang: 'zh' | 'en', generatedAt: Date): ExportContext {
  const zh = lang === 'zh';
  const files = [...new Set([...body.errors, ...body.warnings].map((i) => i.file))];
  const filters: [string, string][] = [
    [zh ? '文件' : 'Files', files.join(zh ? '、' : ', ')],
    [zh ? '错误' : 'Errors', String(body.errors.length)],
    [zh ? '警告' : 'Warnings', String(body.warnings.length)],
  ];
  if (body.truncated) {
    filters.push([
      zh ? '注意' : 'Note',
      zh
        ? `错误过多，报告只列出前 ${body.errors.length} 个；改正后请重新检查`
        : `Too many errors: the report lists the first ${body.errors.length}; check again after correcting them`,
    ]);
  }
  return {
    fileNameParts: [],
    filters,
    dataYears: '',
    generatedAt,
    definitions: [
      [
        zh ? '错误' : 'Error',
        zh
          ? '有任何错误时整批数据都不写入：请改正后重新导入'
          : 'Any error keeps the whole batch out of the database: correct it and import again',
      ],
      [
        zh ? '警告' : 'Warning',
        zh ? '数据可以导入，但请核实该值' : 'The data can be imported, but please check the value',
      ],
      [
        zh ? '行' : 'Row',
        zh ? '行号与 Excel 中显示的一致（表头为第 1 行）' : 'Row numbers as Excel shows them (the header is row 1)',
      ],
    ],
    lang,
  };
}
