import { authRoutes } from './routes/auth.ts';
import { classSizeRoutes } from './routes/class-size.ts';
import { comparableRoutes } from './routes/comparable.ts';
import { comparisonRoutes } from './routes/comparison.ts';
import { coreRoutes } from './routes/core.ts';
import { countyComparisonRoutes } from './routes/county-comparison.ts';
import { filingRoutes } from './routes/filing.ts';
import { importMappingRoutes } from './routes/import-mapping.ts';
import { importSettingsRoutes } from './routes/import-settings.ts';
import { improveRoutes } from './routes/improve.ts';
import { notesRoutes } from './routes/notes.ts';
import { provenanceRoutes } from './routes/provenance.ts';
import { schoolProfileRoutes } from './routes/school-profile.ts';
import { scorecardRoutes } from './routes/scorecard.ts';
import { selfEvaluationRoutes } from './routes/self-evaluation.ts';
import { teacherExchangeRoutes } from './routes/teacher-exchange.ts';
import { trendsRoutes } from './routes/trends.ts';
import { urbanRuralRoutes } from './routes/urban-rural.ts';

export type { RouteDefinition } from './routes/types.ts';

/**
 * Every endpoint: path, method and the zod schemas of its input and output. The server validates with these schemas;
 * the client builds URLs from `path` and parses responses with `response`; /api/openapi.json is generated from them.
 */
export const routes = {
  ...coreRoutes,
  ...urbanRuralRoutes,
  ...teacherExchangeRoutes,
  ...classSizeRoutes,
  ...trendsRoutes,
  ...schoolProfileRoutes,
  ...comparisonRoutes,
  ...comparableRoutes,
  ...countyComparisonRoutes,
  ...notesRoutes,
  ...scorecardRoutes,
  ...improveRoutes,
  ...selfEvaluationRoutes,
  ...authRoutes,
  ...filingRoutes,
  ...importSettingsRoutes,
  ...provenanceRoutes,
  ...importMappingRoutes,
} as const;
export type Routes = typeof routes;
