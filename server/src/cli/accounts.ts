import os from 'node:os';
import type { Database } from '@junheng/db';
import {
  ApiErrorSchema,
  type ApiToken,
  CreateTokenResponseSchema,
  type CreateUserRequest,
  OkResponseSchema,
  ROLE_LABELS,
  routes,
  TokenListResponseSchema,
  type UpdateUserRequest,
  type User,
  UserListResponseSchema,
  UserSchema,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type Actor,
  changeUser,
  createApiToken,
  createUser,
  findUserIdByName,
  listApiTokens,
  listUsers,
  revokeToken,
} from '../auth/auth.service.ts';

/** User and token commands, against the database directly or through a running server's API. */
export interface AccountsBackend {
  addUser(request: CreateUserRequest): Promise<User>;
  listUsers(): Promise<User[]>;
  updateUser(username: string, changes: UpdateUserRequest): Promise<User>;
  createToken(username: string, name: string): Promise<{ token: ApiToken; secret: string }>;
  listTokens(username: string | undefined): Promise<ApiToken[]>;
  revokeToken(id: number): Promise<void>;
}

/** Direct database access (the server stopped, or PostgreSQL): the audit log names the operating-system user. */
/** The CLI acts as the operating-system user who runs it, for the audit log. */
export function cliActor(): Actor {
  return { userId: null, username: `cli:${os.userInfo().username}`, ip: null };
}

export function localAccounts(db: Kysely<Database>): AccountsBackend {
  const actor = cliActor();
  return {
    addUser: (request) => createUser(db, actor, request),
    listUsers: () => listUsers(db),
    updateUser: async (username, changes) => changeUser(db, actor, await findUserIdByName(db, username), changes),
    createToken: async (username, name) => createApiToken(db, actor, await findUserIdByName(db, username), name),
    listTokens: async (username) => listApiTokens(db, username ? await findUserIdByName(db, username) : null),
    revokeToken: (id) => revokeToken(db, actor, id, null),
  };
}

/** Through a running server with an administrator's API token: works beside the embedded database's server. */
export function remoteAccounts(serverUrl: string, token: string): AccountsBackend {
  const call = async <S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> => {
    const res = await fetch(new URL(path, serverUrl), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const error = ApiErrorSchema.safeParse(json);
      throw new Error(error.success ? error.data.error.message : `HTTP ${res.status}`);
    }
    return schema.parse(json);
  };
  const idOf = async (username: string) => {
    const { users } = await call('GET', routes.listUsers.path, UserListResponseSchema);
    const user = users.find((u) => u.username.toLowerCase() === username.toLowerCase());
    if (!user) throw new Error(`没有用户 ${username} / No user ${username}`);
    return user.id;
  };
  return {
    addUser: (request) => call('POST', routes.createUser.path, UserSchema, request),
    listUsers: async () => (await call('GET', routes.listUsers.path, UserListResponseSchema)).users,
    updateUser: async (username, changes) =>
      call('PUT', routes.updateUser.path.replace(':id', String(await idOf(username))), UserSchema, changes),
    createToken: (username, name) =>
      call('POST', routes.createToken.path, CreateTokenResponseSchema, { name, username }),
    listTokens: async (username) => {
      const { tokens } = await call('GET', `${routes.listTokens.path}?all=true`, TokenListResponseSchema);
      return username ? tokens.filter((t) => t.username.toLowerCase() === username.toLowerCase()) : tokens;
    },
    revokeToken: async (id) => {
      await call('DELETE', routes.revokeToken.path.replace(':id', String(id)), OkResponseSchema);
    },
  };
}

export function formatUsers(users: User[]): string {
  const lines = users.map((u) =>
    [
      String(u.id).padStart(3),
      u.username.padEnd(16),
      ROLE_LABELS[u.role].zh.padEnd(4),
      u.disabled ? '已停用' : u.lockedUntil ? '已锁定' : '正常',
      u.districtCodes ? `区县 ${u.districtCodes.join('、')}` : '全部区县',
      u.townships ? `乡镇 ${u.townships.map((t) => `${t.name}(${t.code})`).join('、')}` : '全部乡镇',
      u.lastLoginAt ? `最近登录 ${u.lastLoginAt}` : '从未登录',
    ]
      .filter(Boolean)
      .join('  '),
  );
  return lines.join('\n') || '（没有用户）';
}

export function formatTokens(tokens: ApiToken[]): string {
  const lines = tokens.map((t) =>
    [
      String(t.id).padStart(3),
      t.username.padEnd(16),
      t.name.padEnd(12),
      `${t.prefix}…`,
      t.revokedAt ? `已吊销 ${t.revokedAt}` : '有效',
      t.lastUsedAt ? `最近使用 ${t.lastUsedAt}` : '未使用',
    ].join('  '),
  );
  return lines.join('\n') || '（没有令牌）';
}

/**
 * The password from stdin: typed at a terminal without echo, or piped (`echo "$PW" | pnpm cli user add …`), so it
 * never appears in the process list or shell history.
 */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          cleanup();
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          cleanup();
          reject(new Error('已取消 / Cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const cleanup = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}
