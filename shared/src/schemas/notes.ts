import { z } from 'zod';
import { SchoolCodeSchema } from './data.ts';
import { IndicatorKeySchema } from './engine.ts';
import { YearParamSchema } from './query.ts';

// ---------------------------------------------------------------------------------------------------------------
// Saved views: a user's named filter sets (GET / POST /api/v1/saved-views, DELETE /api/v1/saved-views/:id)
// ---------------------------------------------------------------------------------------------------------------

/** The client views a saved view may point at (paths of the app's router). */
export const SavedViewPathSchema = z
  .string()
  .max(120)
  .regex(/^\/[a-z0-9/-]*$/, '应为本系统的页面路径，如 /balance / must be a page path such as /balance');

export const SavedViewCreateSchema = z.object({
  name: z.string().trim().min(1, '请填写名称 / Name required').max(60, '名称最多 60 字 / At most 60 characters'),
  path: SavedViewPathSchema,
  /** The query string of the view (filters, year, stage, indicator), with or without the leading '?'. */
  search: z
    .string()
    .max(2000)
    .transform((s) => (s.startsWith('?') ? s.slice(1) : s)),
});
export type SavedViewCreate = z.infer<typeof SavedViewCreateSchema>;

export const SavedViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  path: z.string(),
  search: z.string(),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({ views: z.array(SavedViewSchema) });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;

export const IdParamsSchema = z.object({ id: z.coerce.number({ error: '应为编号 / must be an id' }).int().positive() });
export const NoteParamsSchema = IdParamsSchema.extend({ code: z.string().regex(/^\d{6}$/, '区县代码应为6位数字') });

export const DeletedResponseSchema = z.object({ deleted: z.literal(true) });

// ---------------------------------------------------------------------------------------------------------------
// Notes (批注) on a county-year, a school or an indicator: /api/v1/districts/:code/notes
// ---------------------------------------------------------------------------------------------------------------

export const NOTE_TARGETS = ['county', 'school', 'indicator'] as const;
export type NoteTarget = (typeof NOTE_TARGETS)[number];

export const NoteListQuerySchema = z.object({
  /** Only this year's notes (default: every year). */
  year: YearParamSchema.optional(),
  /** Only this school's notes. */
  school: SchoolCodeSchema.optional(),
  /** Only this indicator's notes. */
  indicator: IndicatorKeySchema.optional(),
});
export type NoteListQuery = z.infer<typeof NoteListQuerySchema>;

export const NoteCreateSchema = z
  .object({
    year: z.number({ error: '应为年份，如 2024' }).int().min(2000).max(2100),
    schoolCode: SchoolCodeSchema.nullable().default(null),
    indicator: IndicatorKeySchema.nullable().default(null),
    body: z.string().trim().min(1, '批注不能为空 / Note is empty').max(500, '批注最多 500 字 / At most 500 characters'),
  })
  .refine((note) => note.schoolCode === null || note.indicator === null, {
    message: '批注只能针对学校或指标之一 / A note is on a school or an indicator, not both',
    path: ['indicator'],
  });
export type NoteCreate = z.infer<typeof NoteCreateSchema>;

export const NoteSchema = z.object({
  id: z.number().int(),
  districtCode: z.string(),
  year: z.number().int(),
  target: z.enum(NOTE_TARGETS),
  schoolCode: z.string().nullable(),
  schoolName: z.string().nullable(),
  indicator: IndicatorKeySchema.nullable(),
  body: z.string(),
  author: z.string(),
  authorId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteListSchema = z.object({ notes: z.array(NoteSchema) });
export type NoteList = z.infer<typeof NoteListSchema>;
