import {
  DeletedResponseSchema,
  IdParamsSchema,
  NoteCreateSchema,
  NoteListQuerySchema,
  NoteListSchema,
  NoteParamsSchema,
  NoteSchema,
  SavedViewCreateSchema,
  SavedViewListSchema,
  SavedViewSchema,
} from '../schemas/notes.ts';
import { DistrictParamsSchema } from '../schemas/query.ts';
import type { RouteDefinition } from './types.ts';

/** Saved views (every signed-in user, own views only) and notes (批注: written by admin / analyst, read by all). */
export const notesRoutes = {
  listSavedViews: {
    method: 'GET',
    path: '/api/v1/saved-views',
    response: SavedViewListSchema,
    summary: '我的已保存视图（名称与链接）',
  },
  createSavedView: {
    method: 'POST',
    path: '/api/v1/saved-views',
    body: SavedViewCreateSchema,
    response: SavedViewSchema,
    summary: '保存当前视图：名称、页面与筛选条件（同名冲突为 409）',
  },
  deleteSavedView: {
    method: 'DELETE',
    path: '/api/v1/saved-views/:id',
    params: IdParamsSchema,
    response: DeletedResponseSchema,
    summary: '删除自己的一个已保存视图',
  },
  listNotes: {
    method: 'GET',
    path: '/api/v1/districts/:code/notes',
    params: DistrictParamsSchema,
    query: NoteListQuerySchema,
    response: NoteListSchema,
    summary: '批注：区县年度、学校或指标上的说明（只列出用户可见学校的批注），含作者与时间',
  },
  createNote: {
    method: 'POST',
    path: '/api/v1/districts/:code/notes',
    params: DistrictParamsSchema,
    body: NoteCreateSchema,
    response: NoteSchema,
    summary: '添加批注（管理员、分析员）：针对区县年度、某学校或某指标',
  },
  deleteNote: {
    method: 'DELETE',
    path: '/api/v1/districts/:code/notes/:id',
    params: NoteParamsSchema,
    response: DeletedResponseSchema,
    summary: '删除批注（作者本人或管理员）',
  },
} as const satisfies Record<string, RouteDefinition>;
