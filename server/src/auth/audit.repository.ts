import type { Database } from '@junheng/db';
import type { AuditAction } from '@junheng/shared';
import { type Kysely, sql, type Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewAuditEntry {
  userId: number | null;
  username: string | null;
  action: AuditAction;
  target: string | null;
  details?: Record<string, unknown>;
  ip: string | null;
}

/** The only write to the audit log: there is no update or delete here (and a trigger refuses them in SQL). */
export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<number> {
  const row = await db
    .insertInto('audit_log')
    .values({
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findAuditEntries(
  db: Db,
  filter: {
    action?: AuditAction;
    username?: string;
    before?: number;
    limit: number;
    /** Only entries made by these users (a scoped administrator's view); null or absent: every entry. */
    userIds?: number[] | null;
  },
) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'username', 'action', 'target', 'details', 'ip'])
    .$if(filter.action !== undefined, (qb) => qb.where('action', '=', filter.action as string))
    .$if(filter.username !== undefined, (qb) => qb.where('username', '=', filter.username as string))
    .$if(filter.userIds != null, (qb) =>
      filter.userIds?.length ? qb.where('user_id', 'in', filter.userIds) : qb.where(sql<boolean>`false`),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as number))
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}
