import { z } from 'zod';
import { DistrictParamsSchema } from '../schemas/query.ts';
import { SelfEvaluationQuerySchema } from '../schemas/self-evaluation.ts';
import type { RouteDefinition } from './types.ts';

/** The 自评报告 (issue #12 point 3). */
export const selfEvaluationRoutes = {
  getSelfEvaluation: {
    method: 'GET',
    path: '/api/v1/districts/:code/self-evaluation',
    params: DistrictParamsSchema,
    query: SelfEvaluationQuerySchema,
    response: z.string(),
    summary:
      '督导评估自评报告（Word .docx）：基本情况、资源配置（表与图）、政府保障程度、教育质量、社会认可度、存在的问题、整改措施与测算、附表；lang=en 为英文',
  },
} as const satisfies Record<string, RouteDefinition>;
