import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { datasetToCsvFiles, generateDemoCounty } from '@junheng/db';
import {
  CreateUserRequestSchema,
  type ImportIssue,
  type ImportReport,
  NewPasswordSchema,
  UpdateUserRequestSchema,
} from '@junheng/shared';
import type { z } from 'zod';
import { audit } from '../auth/auth.service.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../database.ts';
import { UNRESTRICTED_ACCESS } from '../db-helpers.ts';
import { HttpError } from '../http/errors.ts';
import { parseMappingJson } from '../imports/import-mapping-form.ts';
import { presetsForImport } from '../imports/import-mappings.service.ts';
import { runImport } from '../imports/imports.service.ts';
import type { ColumnMappingPreset } from '../imports/sources/source-reader.ts';
import {
  type AccountsBackend,
  cliActor,
  formatTokens,
  formatUsers,
  localAccounts,
  readPassword,
  remoteAccounts,
} from './accounts.ts';

const USAGE = `用法 / Usage:
  pnpm cli import <files|folders...> [--dry-run] [--json] [--mapping <preset.json>]
                                                    导入 CSV、XLSX（模板或教育事业统计学校报表）或 ZIP；文件夹读取其中全部文件；
                                                    已保存的列对应预设自动套用，--mapping 指定一个列对应预设文件
                                                    （数据页下载的 JSON，可重复）
  pnpm cli demo export <dir>                        把演示县数据写成三个导入文件
  pnpm cli migrate                                  只执行数据库迁移

  pnpm cli user add <name> --role <admin|analyst|viewer> [--township <codes>] [--district <codes>]
                                                    新建用户（密码从标准输入读取）；--district 可列多个区县，
                                                    如一个市的各县：--district 330901,330902,330903
  pnpm cli user scope <name> [--district <codes|all>] [--township <codes|all>]
                                                    修改用户的访问范围（all = 不限）
  pnpm cli user list                                列出用户
  pnpm cli user disable <name> | user enable <name> 停用 / 启用用户（停用即结束其会话并吊销其全部 API 令牌；
                                                    重新启用后旧令牌仍无效，需新建）
  pnpm cli user reset-password <name>               重设密码（从标准输入读取；解除锁定，结束会话并吊销全部 API 令牌）
  pnpm cli token create <user> [--name <label>]     为用户创建 API 令牌（只显示一次）
  pnpm cli token list [<user>]                      列出令牌
  pnpm cli token revoke <id>                        吊销令牌

数据库：设置 DATABASE_URL 使用 PostgreSQL；否则使用 DATA_DIR（默认 ./.data）中的内嵌数据库（请先停止服务器）。
服务器运行中（内嵌数据库）时，user/token 命令可加 --server http://localhost:3000 并设置环境变量
JUNHENG_TOKEN（管理员的 API 令牌），经由运行中的服务器执行。`;

// pnpm runs root scripts from the workspace root; resolve the user's paths against where they typed the command.
const userCwd = process.env.INIT_CWD ?? process.cwd();

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      mapping: { type: 'string', multiple: true },
      role: { type: 'string' },
      township: { type: 'string' },
      district: { type: 'string' },
      name: { type: 'string' },
      server: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'import':
      return importFiles(rest, {
        dryRun: values['dry-run'] ?? false,
        json: values.json ?? false,
        mappings: values.mapping ?? [],
      });
    case 'demo':
      if (rest[0] === 'export' && rest[1]) return exportDemo(rest[1]);
      break;
    case 'migrate':
      return migrate();
    case 'user':
    case 'token':
      return withAccounts(values.server, (accounts) => accountCommand(accounts, command, rest, values));
  }
  console.error(USAGE);
  return 2;
}

/** Files to import at a path: the file itself, or every CSV, XLSX and ZIP under a folder (recursively, sorted). */
function filesAt(absolute: string): { name: string; bytes: Buffer }[] {
  if (!fs.statSync(absolute).isDirectory())
    return [{ name: path.basename(absolute), bytes: fs.readFileSync(absolute) }];
  const root = path.basename(absolute);
  return (fs.readdirSync(absolute, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((relative) => {
      const base = path.basename(relative);
      // Hidden files and Excel's lock files (~$学校.xlsx) are not data.
      if (base.startsWith('.') || base.startsWith('~$')) return false;
      return /\.(?:csv|xlsx|zip)$/i.test(base) && fs.statSync(path.join(absolute, relative)).isFile();
    })
    .sort()
    .map((relative) => ({
      name: `${root}/${relative.split(path.sep).join('/')}`,
      bytes: fs.readFileSync(path.join(absolute, relative)),
    }));
}

async function importFiles(
  paths: string[],
  options: { dryRun: boolean; json: boolean; mappings: string[] },
): Promise<number> {
  if (paths.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const files = paths.flatMap((p) => filesAt(path.resolve(userCwd, p)));
  // Column-mapping presets given with --mapping (issue #13): checked before the database is opened.
  const explicit: ColumnMappingPreset[] = [];
  for (const file of options.mappings) {
    const absolute = path.resolve(userCwd, file);
    try {
      explicit.push({
        ...parseMappingJson(fs.readFileSync(absolute, 'utf8'), path.basename(absolute)),
        explicit: true,
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [];
      console.error(`列对应文件 ${file} 无效 / Invalid mapping file:`);
      for (const f of fields) console.error(`  ${f.field}: ${f.message}`);
      return 2;
    }
  }
  const database = await openDatabase(loadConfig());
  try {
    // The command line is not limited to a county: every saved preset may apply.
    const saved = await presetsForImport(database.db, UNRESTRICTED_ACCESS);
    const report = await runImport(database.db, files, {
      dryRun: options.dryRun,
      source: 'cli',
      parseOptions: { mappings: [...explicit, ...saved] },
    });
    await audit(database.db, cliActor(), 'import', report.batchId ? `batch ${report.batchId}` : null, {
      via: 'cli',
      dryRun: options.dryRun,
      applied: report.applied,
      files: report.files.map((f) => f.file),
      counts: report.counts,
      errors: report.errors.length,
    });
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
    `  ${kind} ${i.file}${i.sheet ? ` 工作表「${i.sheet}」` : ''}${i.cell ? ` ${i.cell}` : ''}` +
    `${i.row === null || i.cell ? '' : ` 第${i.row}行`}${i.column === null ? '' : ` [${i.column}]`}` +
    `${i.value === null ? '' : ` 值 "${i.value}"`}: ${i.message}`;
  for (const e of report.errors) lines.push(issue('错误', e));
  if (report.truncated) lines.push('  …错误过多，只列出前面的部分');
  for (const w of report.warnings) lines.push(issue('警告', w));
  const c = report.counts;
  lines.push(`学校 ${c.schools}，年度统计 ${c.school_stats}，交流轮岗 ${c.rotations}`);
  for (const r of report.rosters ?? []) {
    lines.push(
      `教师名册 ${r.file} ${r.year} 年（统计时点 ${r.statisticsDate}，满 ${r.eligibleYears.join('/')} 年）：学校 ${r.schools}，` +
        `教师 ${r.teachers}，符合交流条件 ${r.eligibleTeachers}，交流 ${r.rotatedTeachers}（骨干 ${r.backboneRotated}）`,
    );
  }
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

async function withAccounts(
  server: string | undefined,
  run: (accounts: AccountsBackend) => Promise<number>,
): Promise<number> {
  if (server) {
    const token = process.env.JUNHENG_TOKEN;
    if (!token) throw new Error('--server 需要环境变量 JUNHENG_TOKEN（管理员的 API 令牌）/ set JUNHENG_TOKEN');
    return run(remoteAccounts(server, token));
  }
  const database = await openDatabase(loadConfig());
  try {
    return await run(localAccounts(database.db));
  } finally {
    await database.close();
  }
}

function parseOrExplain<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '参数'}: ${i.message}`);
  throw new Error(`参数无效 / Invalid arguments:\n${lines.join('\n')}`);
}

const codeList = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);

async function accountCommand(
  accounts: AccountsBackend,
  command: 'user' | 'token',
  [action, target]: string[],
  options: { role?: string; township?: string; district?: string; name?: string; json?: boolean },
): Promise<number> {
  const print = (value: unknown, text: string) => console.log(options.json ? JSON.stringify(value, null, 2) : text);
  if (command === 'user' && action === 'add' && target) {
    const request = parseOrExplain(CreateUserRequestSchema, {
      username: target,
      role: options.role,
      townships: codeList(options.township) ?? null,
      districtCodes: codeList(options.district) ?? null,
      password: await readPassword(`${target} 的密码 / password: `),
    });
    const user = await accounts.addUser(request);
    print(user, `✔ 已创建用户 / Created\n${formatUsers([user])}`);
    return 0;
  }
  if (command === 'user' && action === 'scope' && target) {
    if (options.district === undefined && options.township === undefined) {
      console.error('请给出 --district 或 --township / Give --district or --township');
      return 2;
    }
    const orAll = (value: string | undefined) =>
      value === undefined ? undefined : value.trim() === 'all' ? null : (codeList(value) ?? null);
    const districtCodes = orAll(options.district);
    const townships = orAll(options.township);
    const request = parseOrExplain(UpdateUserRequestSchema, {
      ...(districtCodes !== undefined ? { districtCodes } : {}),
      ...(townships !== undefined ? { townships } : {}),
    });
    const user = await accounts.updateUser(target, request);
    print(user, `✔ 已修改访问范围 / Scope changed\n${formatUsers([user])}`);
    return 0;
  }
  if (command === 'user' && action === 'list') {
    const users = await accounts.listUsers();
    print(users, formatUsers(users));
    return 0;
  }
  if (command === 'user' && (action === 'disable' || action === 'enable') && target) {
    const user = await accounts.updateUser(target, { disabled: action === 'disable' });
    const done =
      action === 'disable'
        ? '已停用，会话已结束，API 令牌已吊销 / Disabled; sessions ended, API tokens revoked'
        : '已启用（原有 API 令牌仍为吊销状态）/ Enabled (earlier API tokens stay revoked)';
    print(user, `✔ ${done}\n${formatUsers([user])}`);
    return 0;
  }
  if (command === 'user' && action === 'reset-password' && target) {
    const password = parseOrExplain(NewPasswordSchema, await readPassword(`${target} 的新密码 / new password: `));
    const user = await accounts.updateUser(target, parseOrExplain(UpdateUserRequestSchema, { password }));
    print(
      user,
      `✔ 已重设密码，原有会话与 API 令牌已吊销 / Password reset; sessions and API tokens revoked\n${formatUsers([user])}`,
    );
    return 0;
  }
  if (command === 'token' && action === 'create' && target) {
    const created = await accounts.createToken(target, options.name ?? 'script');
    // The secret alone on stdout, so `TOKEN=$(pnpm -s cli token create bob)` captures just it.
    console.log(options.json ? JSON.stringify(created, null, 2) : created.secret);
    console.error(`✔ 已为 ${target} 创建令牌 #${created.token.id}（只显示这一次）/ shown only once`);
    return 0;
  }
  if (command === 'token' && action === 'list') {
    const tokens = await accounts.listTokens(target);
    print(tokens, formatTokens(tokens));
    return 0;
  }
  if (command === 'token' && action === 'revoke' && target && /^\d+$/.test(target)) {
    await accounts.revokeToken(Number(target));
    print({ ok: true }, `✔ 已吊销令牌 #${target} / Revoked`);
    return 0;
  }
  console.error(USAGE);
  return 2;
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
