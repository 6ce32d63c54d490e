import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import type { ImportIssue, ImportReport } from '@junheng/shared';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../database.ts';
import { runImport } from '../imports/imports.service.ts';

const USAGE = `用法 / Usage:
  pnpm cli import <files...> [--dry-run] [--json]   导入 schools / school_stats / rotations 文件（CSV 或 XLSX）
  pnpm cli demo export <dir>                        把演示县数据写成三个导入文件
  pnpm cli migrate                                  只执行数据库迁移

数据库：设置 DATABASE_URL 使用 PostgreSQL；否则使用 DATA_DIR（默认 ./.data）中的内嵌数据库（请先停止服务器）。`;

// pnpm runs root scripts from the workspace root; resolve the user's paths against where they typed the command.
const userCwd = process.env.INIT_CWD ?? process.cwd();

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'import':
      return importFiles(rest, { dryRun: values['dry-run'] ?? false, json: values.json ?? false });
    case 'demo':
      if (rest[0] === 'export' && rest[1]) return exportDemo(rest[1]);
      break;
    case 'migrate':
      return migrate();
  }
  console.error(USAGE);
  return 2;
}

async function importFiles(paths: string[], options: { dryRun: boolean; json: boolean }): Promise<number> {
  if (paths.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const files = paths.map((p) => {
    const absolute = path.resolve(userCwd, p);
    return { name: path.basename(absolute), bytes: fs.readFileSync(absolute) };
  });
  const database = await openDatabase(loadConfig());
  try {
    const report = await runImport(database.db, files, { dryRun: options.dryRun, source: 'cli' });
    console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const f of report.files)
    lines.push(`文件 ${f.file}: ${f.kind ?? '未识别'}，${f.rows} 行，编码 ${f.encoding ?? '-'}`);
  const issue = (kind: string, i: ImportIssue) =>
    `  ${kind} ${i.file}${i.row === null ? '' : ` 第${i.row}行`}${i.column === null ? '' : ` [${i.column}]`}` +
    `${i.value === null ? '' : ` 值 "${i.value}"`}: ${i.message}`;
  for (const e of report.errors) lines.push(issue('错误', e));
  if (report.truncated) lines.push('  …错误过多，只列出前面的部分');
  for (const w of report.warnings) lines.push(issue('警告', w));
  const c = report.counts;
  lines.push(`学校 ${c.schools}，年度统计 ${c.school_stats}，交流轮岗 ${c.rotations}`);
  if (report.applied) lines.push(`✔ 已导入（批次 ${report.batchId}） / Applied`);
  else if (report.errors.length > 0)
    lines.push(`✘ 有 ${report.errors.length} 个错误，未导入任何数据 / Rejected, nothing written`);
  else lines.push('✔ 试运行通过，未写入 / Dry run clean, nothing written');
  return lines.join('\n');
}

async function exportDemo(dir: string): Promise<number> {
  const target = path.resolve(userCwd, dir);
  fs.mkdirSync(target, { recursive: true });
  for (const [name, text] of Object.entries(datasetToCsvFiles(generateDemoCounty()))) {
    fs.writeFileSync(path.join(target, name), text);
    console.log(path.join(target, name));
  }
  return 0;
}

async function migrate(): Promise<number> {
  const database = await openDatabase(loadConfig());
  await database.close();
  console.log('数据库已是最新 / Database is up to date');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
