import type { Database } from '@junheng/db';
import { routes } from '@junheng/shared';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import { clientIp } from '../auth/auth.middleware.ts';
import { actorOf, audit } from '../auth/auth.service.ts';
import { accessOf, principalOf, requirePermission } from '../auth/principal.ts';
import { sendValidated } from '../http/respond.ts';
import { parseInput } from '../http/validate.ts';
import {
  createNote,
  createSavedView,
  listNotes,
  listSavedViews,
  removeNote,
  removeSavedView,
} from './notes.service.ts';

/**
 * Saved views (any signed-in user, own views only) and notes (批注: written by administrators and analysts, read by
 * everyone who may see the county-year or the school). Every write is in the audit log.
 */
export function createNotesRouter(db: Kysely<Database>): Router {
  const router = Router();

  router.get(routes.listSavedViews.path, async (_req, res) => {
    const principal = principalOf(res);
    sendValidated(res, routes.listSavedViews.response, { views: await listSavedViews(db, principal.userId) });
  });

  router.post(routes.createSavedView.path, async (req, res) => {
    const principal = principalOf(res);
    const body = parseInput(routes.createSavedView.body, req.body, 'body');
    const view = await createSavedView(db, principal.userId, body);
    await audit(db, actorOf(principal, clientIp(req)), 'saved_view_created', `${view.path}?${view.search}`, {
      id: view.id,
      name: view.name,
    });
    sendValidated(res, routes.createSavedView.response, view, 201);
  });

  router.delete(routes.deleteSavedView.path, async (req, res) => {
    const principal = principalOf(res);
    const { id } = parseInput(routes.deleteSavedView.params, req.params, 'params');
    const deleted = await removeSavedView(db, principal.userId, id);
    await audit(db, actorOf(principal, clientIp(req)), 'saved_view_deleted', String(id), { name: deleted.name });
    sendValidated(res, routes.deleteSavedView.response, { deleted: true });
  });

  router.get(routes.listNotes.path, async (req, res) => {
    const { code } = parseInput(routes.listNotes.params, req.params, 'params');
    const query = parseInput(routes.listNotes.query, req.query, 'query');
    sendValidated(res, routes.listNotes.response, { notes: await listNotes(db, code, query, accessOf(res)) });
  });

  router.post(routes.createNote.path, async (req, res) => {
    const principal = requirePermission(res, 'writeNotes');
    const { code } = parseInput(routes.createNote.params, req.params, 'params');
    const body = parseInput(routes.createNote.body, req.body, 'body');
    const note = await createNote(db, code, body, principal);
    await audit(db, actorOf(principal, clientIp(req)), 'note_created', `${code}/${note.year}`, {
      id: note.id,
      target: note.target,
      school: note.schoolCode,
      indicator: note.indicator,
    });
    sendValidated(res, routes.createNote.response, note, 201);
  });

  router.delete(routes.deleteNote.path, async (req, res) => {
    const principal = requirePermission(res, 'writeNotes');
    const { code, id } = parseInput(routes.deleteNote.params, req.params, 'params');
    const note = await removeNote(db, code, id, principal);
    await audit(db, actorOf(principal, clientIp(req)), 'note_deleted', `${code}/${note.year}`, {
      id,
      author: note.author,
      body: note.body,
    });
    sendValidated(res, routes.deleteNote.response, { deleted: true });
  });

  return router;
}
