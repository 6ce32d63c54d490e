import { z } from 'zod';
import { YearParamSchema } from './query.ts';

/**
 * GET /api/v1/districts/:code/self-evaluation?year=YYYY&lang=zh|en: the county-year's 督导评估自评报告 as a Word
 * document (.docx), over the user's scope, in Chinese (default) or English.
 */
export const SelfEvaluationQuerySchema = z.object({
  year: YearParamSchema,
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type SelfEvaluationQuery = z.infer<typeof SelfEvaluationQuerySchema>;

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
