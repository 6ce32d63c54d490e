import type { Database } from '@junheng/db';
import { AUDIT_ACTION_LABELS, type AuditEntry, type AuditResponse, routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { sendTable } from '../export/send-table.ts';
import type { ExportTable } from '../export/table.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import { findAuditEntries } from './audit.repository.ts';
import { clientIp } from './auth.middleware.ts';
import { actorOf, changeUser, createUser, listUsers, managedUserIds } from './auth.service.ts';
import { requirePermission } from './principal.ts';

/**
 * Users and the audit log: admins only. An administrator limited to a district (or townships) manages only the users
 * within that scope, grants no wider scope, and sees only the audit entries those users made.
 */
export function createAdminRouter(db: Kysely<Database>, onAuthChanged: () => void = () => {}): Router {
  const router = Router();

  router.get(routes.listUsers.path, async (_req, res) => {
    const principal = requirePermission(res, 'manageUsers');
    sendValidated(res, routes.listUsers.response, { users: await listUsers(db, principal.access) });
  });

  router.post(routes.createUser.path, async (req, res) => {
    const principal = requirePermission(res, 'manageUsers');
    const body = parseInput(routes.createUser.body, req.body, 'body');
    const actor = actorOf(principal, clientIp(req));
    sendValidated(res, routes.createUser.response, await createUser(db, actor, body, principal.access), 201);
  });

  router.put(routes.updateUser.path, async (req, res) => {
    const principal = requirePermission(res, 'manageUsers');
    const { id } = parseInput(routes.updateUser.params, req.params, 'params');
    const body = parseInput(routes.updateUser.body, req.body, 'body');
    const actor = actorOf(principal, clientIp(req));
    // A disabled user, a new password, role or scope: no cached principal may outlive the change.
    let changed: Awaited<ReturnType<typeof changeUser>>;
    try {
      changed = await changeUser(db, actor, id, body, principal.access);
    } finally {
      onAuthChanged();
    }
    sendValidated(res, routes.updateUser.response, changed);
  });

  router.get(routes.getAudit.path, async (req, res) => {
    const principal = requirePermission(res, 'viewAudit');
    const query = parseInput(routes.getAudit.query, req.query, 'query');
    const rows = await findAuditEntries(db, { ...query, userIds: await managedUserIds(db, principal.access) });
    const body: AuditResponse = {
      entries: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        username: r.username,
        action: r.action as AuditEntry['action'],
        target: r.target,
        details: r.details,
        ip: r.ip,
      })),
    };
    if (query.format === 'json') {
      sendValidated(res, routes.getAudit.response, body);
      return;
    }
    const zh = query.lang === 'zh';
    const filters: [string, string][] = [
      [zh ? '操作' : 'Action', query.action ? AUDIT_ACTION_LABELS[query.action][query.lang] : zh ? '全部' : 'all'],
      [zh ? '用户' : 'User', query.username ?? (zh ? '全部' : 'all')],
      [zh ? '条数上限' : 'Row limit', String(query.limit)],
    ];
    await sendTable(res, query.format, { bom: query.bom }, buildAuditTable(body.entries, query.lang), {
      fileNameParts: [],
      filters,
      dataYears: '',
      generatedAt: new Date(),
      definitions: [],
      lang: query.lang,
    });
  });

  return router;
}

function buildAuditTable(entries: AuditEntry[], lang: 'zh' | 'en'): ExportTable<AuditEntry> {
  return {
    titleZh: '审计日志',
    titleEn: 'Audit log',
    columns: [
      { key: 'id', zh: '序号', en: 'ID', value: (r) => r.id },
      { key: 'at', zh: '时间', en: 'Time', value: (r) => r.at },
      { key: 'username', zh: '用户', en: 'User', value: (r) => r.username },
      { key: 'action', zh: '操作', en: 'Action', value: (r) => AUDIT_ACTION_LABELS[r.action][lang] },
      { key: 'target', zh: '对象', en: 'Target', value: (r) => r.target },
      { key: 'details', zh: '详情', en: 'Details', value: (r) => JSON.stringify(r.details) },
      { key: 'ip', zh: '地址', en: 'Address', value: (r) => r.ip },
    ],
    rows: entries,
  };
}
